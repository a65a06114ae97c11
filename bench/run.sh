#!/usr/bin/env bash
# bench/run.sh - hexplain's speed and memory against the path users have
# today, on one generated input.
#
# usage: bench/run.sh [MEGABYTES]    (default 64; the input is made by
#        bench/gen-tcpdump.py in a temporary directory and removed after)
#        RUNS=N: runs of each hexplain view (default 5; the median is shown)
#        TSHARK_RUNS=N: runs of each tshark path (default 1)
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

# run RUNS NAME COMMAND...: runs COMMAND RUNS times (input on stdin, output
# discarded); prints the median run's time, MB/s and packets/s, the fastest
# and slowest MB/s, and the largest peak RSS.  Times come from date's
# nanoseconds: GNU time's 10 ms steps would be 5% of a 0.2 s run.
declare -A secs
run() {
	local runs=$1 name=$2
	shift 2
	local i t0 t1 rss max_rss=0 times=()
	for ((i = 0; i < runs; i++)); do
		t0=$(date +%s%N)
		/usr/bin/time -f '%M' -o "$tmp/time" "$@" <"$tmp/in.txt" >/dev/null 2>"$tmp/err" ||
			{ echo "$name failed:"; head -5 "$tmp/err"; return 1; }
		t1=$(date +%s%N)
		times+=($(((t1 - t0) / 1000)))
		read -r rss <"$tmp/time"
		((rss > max_rss)) && max_rss=$rss
	done
	local sorted
	sorted=($(printf '%s\n' "${times[@]}" | sort -n))
	local med=${sorted[$((runs / 2))]} best=${sorted[0]} worst=${sorted[$((runs - 1))]}
	local s
	s=$(echo "$med / 1000000" | bc -l)
	secs[$name]=$s
	mbs() { echo "$bytes / $1" | bc -l; } # bytes per microsecond = MB/s
	printf '%-28s %7.3f s %7.1f MB/s %9.0f packets/s  peak RSS %5.1f MB' "$name" "$s" \
		"$(mbs "$med")" "$(echo "$packets / $s" | bc -l)" "$(echo "$max_rss / 1024" | bc -l)"
	if ((runs > 1)); then
		printf '  (%d runs: %.0f-%.0f MB/s)' "$runs" "$(mbs "$worst")" "$(mbs "$best")"
	fi
	printf '\n'
}

runs=${RUNS:-5}
run "$runs" "hexplain --json" "$bin" --json
run "$runs" "hexplain (explain view)" "$bin"
run "$runs" "hexplain --brief" "$bin" --brief

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
	run "${TSHARK_RUNS:-1}" "awk+text2pcap+tshark -T json" bash "$tmp/to-od.sh" "$tmp/a.pcap" "-T json"
	run "${TSHARK_RUNS:-1}" "awk+text2pcap+tshark -V" bash "$tmp/to-od.sh" "$tmp/b.pcap" "-V"
	echo
	ratio() { echo "$1 / $2" | bc -l; }
	printf 'hexplain --json is %.1fx the text2pcap + tshark -T json path\n' \
		"$(ratio "${secs[awk+text2pcap+tshark -T json]}" "${secs[hexplain --json]}")"
	printf 'the explain view is %.1fx the text2pcap + tshark -V path\n' \
		"$(ratio "${secs[awk+text2pcap+tshark -V]}" "${secs[hexplain (explain view)]}")"
else
	echo "(text2pcap or tshark not installed: the tshark rows were skipped)"
fi
