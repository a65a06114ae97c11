#!/usr/bin/env bash
# memory-flat.sh - hexplain's memory stays flat whatever the input size: 1 GB
# of tcpdump -nn -vv -XX text, made on the fly by bench/gen-tcpdump.py (never
# stored), goes through `hexplain --json >/dev/null`, and the peak resident
# set must stay under LIMIT_KB (16 MB).
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

python3 "$root/bench/gen-tcpdump.py" "$mb" |
	/usr/bin/time -f '%M %e' -o "$tmp/time" "$binary" --json >/dev/null 2>"$tmp/err" ||
	{ echo "FAIL: hexplain exited with an error"; head "$tmp/err"; exit 1; }
read -r peak secs <"$tmp/time"
echo "$mb MB of -XX text in ${secs}s, peak RSS ${peak} KB (limit $LIMIT_KB KB)"
if [ "$peak" -ge "$LIMIT_KB" ]; then
	echo "FAIL: peak RSS ${peak} KB is not under $LIMIT_KB KB"
	exit 1
fi
echo "ok"
