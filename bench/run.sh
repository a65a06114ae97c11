#!/usr/bin/env bash
# bench/run.sh - hexplain's speed and memory against the path users have
# today, on one generated input.
#
# usage: bench/run.sh [MEGABYTES]    (default 64; the input is made by
#        bench/gen-tcpdump.py in a temporary directory and removed after)
#
# Measures, on the same `tcpdump -nn -vv -XX` text: hexplain --json, the
# explain view and --brief; and today's path: the text rewritten into the
# od-style lines text2pcap reads (awk) -> text2pcap -> tshark -T json, and
# -> tshark -V.  Prints MB/s of input text, packets/s, the ratio to the
# tshark path, and peak RSS.  Needs python3, tcpdump, GNU time; the tshark
# rows need text2pcap and tshark (Debian: wireshark-common, tshark).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=${HEXPLAIN:-$root/build/hexplain}
mb=${1:-64}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 "$root/bench/gen-tcpdump.py" "$mb" >"$tmp/in.txt"
bytes=$(stat -c %s "$tmp/in.txt")
packets=$(grep -c '^[0-9]' "$tmp/in.txt")
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "input:   $((bytes / 1000000)) MB of tcpdump -nn -vv -XX text, $packets packets"
echo

# run NAME COMMAND...: times COMMAND (input on stdin, output discarded)
declare -A secs
run() {
	local name=$1
	shift
	/usr/bin/time -f '%e %M' -o "$tmp/time" "$@" <"$tmp/in.txt" >/dev/null 2>"$tmp/err" ||
		{ echo "$name failed:"; head -5 "$tmp/err"; return 1; }
	local s rss
	read -r s rss <"$tmp/time"
	secs[$name]=$s
	printf '%-28s %7.2f s %9.1f MB/s %10.0f packets/s  peak RSS %6.1f MB\n' "$name" "$s" \
		"$(echo "$bytes / 1000000 / ($s + 0.001)" | bc -l)" \
		"$(echo "$packets / ($s + 0.001)" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
}

run "hexplain --json" "$bin" --json
run "hexplain (explain view)" "$bin"
run "hexplain --brief" "$bin" --brief

if command -v text2pcap >/dev/null && command -v tshark >/dev/null; then
	# tcpdump's "0x0010:  05dc 0002 ..." into od's "000010 05 dc 00 02 ...",
	# the ASCII column dropped; a summary line starts each packet anew
	cat >"$tmp/to-od.sh" <<'EOS'
awk '/^\t0x[0-9a-f]+:/ {
	off = substr($1, 3, length($1) - 3); line = off
	for (i = 2; i <= NF && $i ~ /^[0-9a-f]+$/ && length($i) % 2 == 0 && length($i) <= 4; i++)
		for (j = 1; j < length($i); j += 2) line = line " " substr($i, j, 2)
	print line; next } { print "" }' | text2pcap -q - "$1" &&
tshark -r "$1" $2
EOS
	run "awk+text2pcap+tshark -T json" bash "$tmp/to-od.sh" "$tmp/a.pcap" "-T json"
	run "awk+text2pcap+tshark -V" bash "$tmp/to-od.sh" "$tmp/b.pcap" "-V"
	echo
	ratio() { echo "$1 / $2" | bc -l; }
	printf 'hexplain --json is %.1fx the text2pcap + tshark -T json path\n' \
		"$(ratio "${secs[awk+text2pcap+tshark -T json]}" "${secs[hexplain --json]}")"
	printf 'the explain view is %.1fx the text2pcap + tshark -V path\n' \
		"$(ratio "${secs[awk+text2pcap+tshark -V]}" "${secs[hexplain (explain view)]}")"
else
	echo "(text2pcap or tshark not installed: the tshark rows were skipped)"
fi
