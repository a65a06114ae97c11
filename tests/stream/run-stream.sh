#!/usr/bin/env bash
# run-stream.sh - a live pipe at the process level: hexplain explains each
# packet while its writer is still there, not when the input ends.
#
# usage: tests/stream/run-stream.sh HEXPLAIN_BINARY
#
# A writer sends one record through a FIFO to `hexplain -l --brief`, then
# waits WAIT seconds without closing; the record's line must be in
# hexplain's output before the wait ends.  Twice: a packet whose IPv4 total
# length declares where it ends (handed on at its last line), and a TSO/GRO
# packet of more than 64 KiB with total length 0 (no declared end: handed on
# after the idle pause).  Nothing is timed beyond "arrived before".
set -euo pipefail

binary=$1
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WAIT=${WAIT:-3}
tmp=$(mktemp -d)
hexplain_pid=
cleanup() {
	exec 3>&- 2>/dev/null || true
	[ -n "$hexplain_pid" ] && kill "$hexplain_pid" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT

mkfifo "$tmp/in"
"$binary" -l --brief <"$tmp/in" >"$tmp/out" 2>"$tmp/err" &
hexplain_pid=$!
exec 3>"$tmp/in"

failed=0
# waits up to WAIT seconds for line N of the output; the writer keeps fd 3 open
expect_line() {
	local n=$1 pattern=$2 what=$3 i
	for ((i = 0; i < WAIT * 10; i++)); do
		if [ "$(wc -l <"$tmp/out")" -ge "$n" ]; then
			if sed -n "${n}p" "$tmp/out" | grep -q -- "$pattern"; then
				echo "ok   $what: arrived while the writer waited"
			else
				echo "FAIL $what: line $n is '$(sed -n "${n}p" "$tmp/out")', want /$pattern/"
				failed=1
			fi
			return
		fi
		sleep 0.1
	done
	echo "FAIL $what: nothing after ${WAIT}s with the pipe still open"
	cat "$tmp/err"
	failed=1
}

# seed-003 (tcpdump -tt -nn -x): total length 56, so the packet ends at its last line
printf '%s\n' \
	'1557052.000000 IP 127.0.0.1.7777 > 127.0.0.1.49386: Flags [P.], seq 478718457:478718461, ack 3494390774, win 229, options [nop,nop,TS val 1557052 ecr 2361237440], length 4' \
	'	0x0000:  4500 0038 106d 4000 4006 2c51 7f00 0001' \
	'	0x0010:  7f00 0001 1e61 c0ea 1c88 a9f9 d048 2bf6' \
	'	0x0020:  8018 00e5 fe2c 0000 0101 080a 0017 c23c' \
	'	0x0030:  8cbd 9fc0 3232 3333' >&3
expect_line 1 '127.0.0.1:7777 → 127.0.0.1:49386.*4 bytes data' "a packet of declared length"

# 70000 bytes of TCP data in one IPv4 packet of total length 0
python3 "$here/gso-record.py" 70000 >&3
expect_line 2 '127.0.0.1:443 → 127.0.0.1:51234.*70000 bytes data' "a 70054-byte TSO/GRO packet (total length 0)"

exec 3>&-
wait "$hexplain_pid" || true
hexplain_pid=
exit $failed
