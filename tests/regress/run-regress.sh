#!/usr/bin/env bash
# run-regress.sh - replays every input that ever crashed hexplain.
#
# usage: tests/regress/run-regress.sh HEXPLAIN_BINARY
#
# fuzz/run-campaign.sh copies each input a campaign found here and the bug
# is fixed; this keeps it fixed.  NAME.txt files come from fuzz_text (hex
# text) and run in every view; NAME.bin files come from fuzz_bytes (one
# packet's raw bytes): they are written out as tcpdump -x text and run with
# every --link in every view.  A run must end with one of hexplain's
# documented statuses (0, 1, 2) within 60 s: a signal, a sanitizer's or
# valgrind's status, or a hang fails.  $HEXPLAIN_WRAPPER goes in front of
# the binary: HEXPLAIN_WRAPPER='valgrind -q --error-exitcode=99'.
set -uo pipefail

if [ $# -ne 1 ]; then
	echo "usage: $0 HEXPLAIN_BINARY" >&2
	exit 2
fi
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
binary=$(realpath -e "$1") || { echo "run-regress: no binary at $1" >&2; exit 2; }
export LC_ALL=C.UTF-8 LANGUAGE='' TZ=UTC
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

views=("" --json --brief)
links=(ether sll sll2 null loop raw ipv4 ipv6 arp)
failed=0 runs=0

# one run: the status must be a documented one
run() {
	local what=$1
	shift
	runs=$((runs + 1))
	timeout 60 ${HEXPLAIN_WRAPPER:-} "$binary" "$@" >/dev/null 2>"$work/err"
	local status=$?
	case $status in
	0 | 1 | 2) ;;
	*)
		echo "FAIL $what: hexplain $* exited with status $status"
		tail -n 20 "$work/err"
		failed=1
		;;
	esac
}

shopt -s nullglob
for f in "$here"/*.txt; do
	for v in "${views[@]}"; do
		run "$(basename "$f") ${v:-explain}" $v "$f"
	done
done
for f in "$here"/*.bin; do
	# tcpdump -x's layout: offset, then groups of 4 hex digits
	od -An -v -tx1 "$f" | tr -d ' \n' | fold -w 32 |
		awk '{ printf "\t0x%04x: ", (NR - 1) * 16;
		       for (i = 1; i <= length($0); i += 4) printf " %s", substr($0, i, 4);
		       print "" }' >"$work/bin.txt"
	for l in "${links[@]}"; do
		for v in "${views[@]}"; do
			run "$(basename "$f") --link $l ${v:-explain}" --link "$l" $v "$work/bin.txt"
		done
	done
done
if [ $runs -eq 0 ]; then
	echo "run-regress: no inputs in $here"
	exit 0
fi
if [ $failed -ne 0 ]; then
	echo "run-regress: FAILED"
	exit 1
fi
echo "run-regress: $runs runs, every status documented"
