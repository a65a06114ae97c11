#!/usr/bin/env bash
# run-oracle.sh - the differential test: hexplain --json against tshark, which
# decodes the very same captures now (tests/oracle/cases/*.pcap).
#
# usage: tests/oracle/run-oracle.sh HEXPLAIN_BINARY [compare.py options...]
#
# Exit status: 0 all agree, 1 a disagreement (listed), 77 tshark or python3
# missing (meson counts 77 as skipped; CI installs both, so CI really runs it).
# Deliberate differences are pinned, with their reason, in
# tests/oracle/known-differences.txt.
set -euo pipefail

if [ $# -lt 1 ]; then
	echo "usage: $0 HEXPLAIN_BINARY [--verbose] [--show N]" >&2
	exit 2
fi
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
binary=$1
shift

if ! command -v tshark >/dev/null; then
	echo "SKIP: tshark not installed"
	exit 77
fi
if ! command -v python3 >/dev/null; then
	echo "SKIP: python3 not installed"
	exit 77
fi
echo "oracle: $(tshark --version 2>/dev/null | head -n 1)"
exec python3 "$here/compare.py" --bin "$binary" --known "$here/known-differences.txt" \
	"$@" "$here/cases"
