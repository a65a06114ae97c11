#!/usr/bin/env bash
# run-malformed.sh - the malformed-input suite: hostile or broken input in,
# the exact messages, packets and exit status out.
#
# usage: tests/malformed/run-malformed.sh [--update] [--list FILE] HEXPLAIN_BINARY
#
# Each line of cases.list (or FILE, e.g. slow.list) is one case:
#   NAME  INPUT  VIEW  STATUS  [OPTION]...
# INPUT is a file in input/ (made by make-inputs.py), or made on the fly
# (too big to keep: the 10 MB lines, the 1 GB stream): gen:KIND as a file
# named NAME.txt, pipe:KIND through a pipe to standard input.  VIEW is brief,
# json or problems (the JSON cut to frame, line, link, bytes and problems:
# what must come out, without the fields every new decoder changes).
# STATUS is the documented exit status the case must end with.
#   expected/NAME.out  standard output in VIEW
#   expected/NAME.err  standard error, exactly (FILE:LINE:COL messages)
# --update rewrites expected/ from the binary; it never changes a STATUS in
# the list (that is the specification): review `git diff tests/malformed`.
# $HEXPLAIN_WRAPPER goes in front of the binary (e.g. valgrind).
set -uo pipefail

update=false
list=cases.list
while [ $# -gt 1 ]; do
	case $1 in
	--update) update=true; shift ;;
	--list) list=$2; shift 2 ;;
	*) break ;;
	esac
done
if [ $# -ne 1 ]; then
	echo "usage: $0 [--update] [--list FILE] HEXPLAIN_BINARY" >&2
	exit 2
fi
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
binary=$(realpath -e "$1") || { echo "run-malformed: no binary at $1" >&2; exit 2; }
export LC_ALL=C.UTF-8 LANGUAGE='' TZ=UTC
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# gen:KIND writes its input to standard output.
generate() {
	case $1 in
	line-10mb-hex)   # one offset line of 10 MB of hex: a 5 MB "packet"
		printf '12:00:00.000001 IP 10.0.0.1 > 10.0.0.2: ip-proto-6 0\n\t0x0000:  '
		head -c 5000000 /dev/zero | od -An -v -tx1 | tr -d ' \n' | sed 's/00/45/'
		printf '\n' ;;
	line-10mb-text)  # a 10 MB summary line, then a good packet
		head -c 10000000 /dev/zero | tr '\0' 'x'
		printf '\n'
		cat "$here/input/ipv4-good.txt" ;;
	line-10mb-bad)   # a hex line whose 10 MB tail is not hex, then a good packet
		printf '12:00:00.000001 IP 10.0.0.1 > 10.0.0.2: ip-proto-6 0\n\t0x0000:  4500 '
		head -c 10000000 /dev/zero | tr '\0' 'q'
		printf '\n'
		cat "$here/input/ipv4-good.txt" ;;
	stream-1gb)      # 1 GB of real tcpdump text (the seed session, repeated)
		local block=$work/block n
		for _ in $(seq 64); do cat "$here/../../samples/seed-handshake.txt"; done >"$block"
		n=$(( (1 << 30) / $(stat -c %s "$block") ))
		for _ in $(seq "$n"); do cat "$block"; done ;;
	*) echo "run-malformed: unknown generator $1" >&2; return 2 ;;
	esac
}

# The JSON view cut to what must survive any new decoder.
problems_view() {
	python3 -c '
import json, sys
for line in sys.stdin:
    p = json.loads(line)
    print(json.dumps({k: p[k] for k in ("frame", "line", "link", "bytes", "problems")},
                     ensure_ascii=False))'
}

declare -A view_flag=([brief]=--brief [json]=--json [problems]=--json)
mkdir -p "$here/expected"
failed=0
ran=0
while read -r name input view status options; do
	case $name in '' | '#'*) continue ;; esac
	ran=$((ran + 1))
	flag=${view_flag[$view]:-}
	[ -n "$flag" ] || { echo "run-malformed: $name: unknown view $view" >&2; failed=1; continue; }
	out=$work/$name.out err=$work/$name.err rss=$work/$name.rss
	# hexplain runs in input/ on the bare file name, so messages do not
	# depend on where the checkout lives
	if [[ $input == gen:* ]]; then
		generate "${input#gen:}" >"$work/$name.txt" || { failed=1; continue; }
		(cd "$work" && /usr/bin/time -f %M -o "$rss" ${HEXPLAIN_WRAPPER:-} \
			"$binary" $flag $options "$name.txt" >"$out.raw" 2>"$err")
		got=$?
		rm -f "$work/$name.txt"
	elif [[ $input == pipe:* ]]; then
		(cd "$here/input" && generate "${input#pipe:}" |
			/usr/bin/time -f %M -o "$rss" ${HEXPLAIN_WRAPPER:-} "$binary" $flag $options \
			>"$out.raw" 2>"$err")
		got=$?
		# a stream's output is huge: its last lines say it all got through
		if [ "$(wc -l <"$out.raw")" -gt 20 ]; then
			{ echo "lines: $(wc -l <"$out.raw")"; tail -n 3 "$out.raw"; } >"$out.cut"
			mv "$out.cut" "$out.raw"
		fi
	else
		[ -e "$here/input/$input" ] || { echo "run-malformed: $name: no input/$input" >&2; failed=1; continue; }
		(cd "$here/input" && /usr/bin/time -f %M -o "$rss" ${HEXPLAIN_WRAPPER:-} \
			"$binary" $flag $options "$input" >"$out.raw" 2>"$err")
		got=$?
	fi
	if [ "$view" = problems ]; then
		problems_view <"$out.raw" >"$out" || { echo "$name: output is not JSON lines"; failed=1; }
	else
		mv "$out.raw" "$out"
	fi
	# memory must stay bounded whatever the input (KB; a wrapper's own use
	# is not hexplain's)
	maxrss=$(tail -n 1 "$rss" 2>/dev/null || echo 0)
	if [ -z "${HEXPLAIN_WRAPPER:-}" ] && [ "${maxrss:-0}" -gt "${HEXPLAIN_MAX_RSS_KB:-262144}" ] 2>/dev/null; then
		echo "FAIL $name: used ${maxrss} KB of memory"
		failed=1
	fi
	if [ "$got" != "$status" ]; then
		echo "FAIL $name: exit status $got, the list says $status"
		failed=1
	fi
	if $update; then
		cp "$out" "$here/expected/$name.out"
		cp "$err" "$here/expected/$name.err"
		continue
	fi
	for kind in out err; do
		if ! diff -u "$here/expected/$name.$kind" "$work/$name.$kind" >"$work/diff"; then
			echo "FAIL $name: standard $([ $kind = out ] && echo output || echo error) differs"
			head -n 40 "$work/diff"
			failed=1
		fi
	done
done <"$here/$list"

if $update && [ "$list" = cases.list ]; then
	# expected files of cases that are gone
	for f in "$here"/expected/*.out; do
		n=$(basename "$f" .out)
		grep -q "^$n[[:space:]]" "$here/cases.list" "$here/slow.list" 2>/dev/null ||
			rm -f "$here/expected/$n.out" "$here/expected/$n.err"
	done
fi
[ "$ran" -gt 0 ] || { echo "run-malformed: no cases in $list" >&2; exit 2; }
if [ $failed -ne 0 ]; then
	echo "run-malformed: FAILED ($ran cases in $list)"
	exit 1
fi
echo "run-malformed: $ran cases in $list passed"
