#!/usr/bin/env bash
# cursor-only.sh - packet bytes are read through src/core/cursor.c only.
#
# usage: tests/cursor-only.sh [SOURCE_ROOT]
#
# tcpdump's printers became safe when every packet byte went through one
# bounds-checked accessor; ours is the cursor (cur_u8, cur_be16, cur_bytes...).
# This finds code that reaches the bytes another way:
#   - the cursor's array itself (`.data[`, `->data[`, `.data +`, `bytes.data`)
#     anywhere but cursor.c/cursor.h (and packet_reset, which sets it);
#   - a frame's byte array indexed (`bytes[`) in a decoder, renderer or
#     analyzer, which get a packet and must use its cursor.
# A span returned by cur_bytes(c, off, n) may be read below n: the cursor
# checked those n bytes, which is the point.  Exceptions are listed below with
# the reason; a new hit fails until it is fixed or argued for here.
set -uo pipefail

root=${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
cd "$root/src" || exit 2

# file:pattern-of-the-line  reason
exceptions=(
	# builds the packet's cursor from the frame
	'core/packet.c:p->bytes.data = data;'
	# the fragment store keeps its own copies of fragment payloads (taken with
	# cur_bytes) and joins them; those buffers are not a packet's bytes
	'analyze/reassembly.c:->data'
	'analyze/reassembly.c:data\['
)

hits=$(
	grep -rnE '(\.|->)data *(\[|\+)|bytes\.data' --include='*.c' --include='*.h' . |
		grep -vE '^\./core/cursor\.[ch]:'
	grep -rnE '\bbytes *\[' --include='*.c' decode render analyze
)
status=0
while IFS= read -r hit; do
	[ -n "$hit" ] || continue
	file=${hit#./}
	file=${file%%:*}
	allowed=false
	for e in "${exceptions[@]}"; do
		if [ "$file" = "${e%%:*}" ] && grep -qE -- "${e#*:}" <<<"$hit"; then
			allowed=true
		fi
	done
	if ! $allowed; then
		echo "cursor-only: packet bytes read outside the cursor: $hit"
		status=1
	fi
done <<<"$hits"
[ $status -eq 0 ] && echo "cursor-only: every packet byte goes through src/core/cursor.c"
exit $status
