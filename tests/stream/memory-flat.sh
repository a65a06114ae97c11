#!/usr/bin/env bash
# memory-flat.sh - hexplain's memory stays flat whatever the input size: 1 GB
# of tcpdump -nn -vv -XX text, made on the fly by bench/gen-tcpdump.py (never
# stored), goes through `hexplain --json >/dev/null`, and the peak resident
# set must stay under LIMIT_KB (16 MB).  Then the same from a regular file
# (256 MB of it), which two threads scan in chunks (src/input/lexthread.c):
# their blocks of tokens must not add up either.
#
# usage: tests/stream/memory-flat.sh HEXPLAIN_BINARY [MEGABYTES]
# Exit status 77 (skipped) without python3, tcpdump or GNU time.
set -euo pipefail

binary=$1
mb=${2:-1000}
LIMIT_KB=16384
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
for tool in python3 tcpdump /usr/bin/time; do
	if ! command -v "$tool" >/dev/null; then
		echo "SKIP: $tool not installed"
		exit 77
	fi
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# measured WHAT HEXPLAIN_ARGS...: runs hexplain (input on stdin), fails
# unless its peak RSS stays under the limit
measured() {
	local what=$1
	shift
	/usr/bin/time -f '%M %e' -o "$tmp/time" "$binary" "$@" >/dev/null 2>"$tmp/err" ||
		{ echo "FAIL: hexplain $* exited with an error"; head "$tmp/err"; exit 1; }
	local peak secs
	read -r peak secs <"$tmp/time"
	echo "$what in ${secs}s, peak RSS ${peak} KB (limit $LIMIT_KB KB)"
	if [ "$peak" -ge "$LIMIT_KB" ]; then
		echo "FAIL: peak RSS ${peak} KB is not under $LIMIT_KB KB"
		exit 1
	fi
}

python3 "$root/bench/gen-tcpdump.py" "$mb" |
	measured "$mb MB of -XX text through a pipe, --json" --json

file_mb=$((mb < 256 ? mb : 256))
python3 "$root/bench/gen-tcpdump.py" "$file_mb" >"$tmp/in.txt"
for view in --json --brief; do
	HEXPLAIN_THREADS=2 measured "$file_mb MB of -XX text from a file, $view" "$view" <"$tmp/in.txt"
done
echo "ok"
