#!/usr/bin/env bash
# run-campaign.sh - a short libFuzzer campaign on the three harnesses.
#
# usage: fuzz/run-campaign.sh [SECONDS]     (default 60, per harness)
#
# Builds build-fuzz/ with clang, ASan, UBSan and libFuzzer (configuring it
# the first time), then runs fuzz_text, fuzz_bytes and fuzz_scan side by side for
# SECONDS each, starting from fuzz/seeds/ and the corpus earlier campaigns
# grew in build-fuzz/corpus-*/ (not kept in git).  Fails on any crash,
# sanitizer report, leak, timeout or out-of-memory.  Every input that
# failed is copied to tests/regress/ (text as NAME.txt, bytes as NAME.bin),
# where the normal test suite replays it (tests/regress/run-regress.sh):
# fix the bug, keep the file.
set -euo pipefail

seconds=${1:-60}
case $seconds in
'' | *[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;;
esac

cd "$(dirname "${BASH_SOURCE[0]}")/.."
build=build-fuzz

if [ ! -f $build/meson-private/coredata.dat ]; then
	# fuzzer-no-link instruments the library for coverage; the harnesses
	# add -fsanitize=fuzzer themselves (fuzz/meson.build).  UBSan must
	# abort, or libFuzzer would never see its reports.
	CC=clang meson setup $build -Dfuzz=true -Dtests=disabled -Dnls=false \
		-Db_sanitize=address,undefined -Db_lundef=false \
		-Dc_args='-fsanitize=fuzzer-no-link -fno-sanitize-recover=all' \
		-Dbuildtype=debugoptimized >/dev/null
fi
ninja -C $build fuzz/fuzz_text fuzz/fuzz_bytes fuzz/fuzz_scan >/dev/null

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:allocator_may_return_null=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

# name  seeds  largest input
harnesses=("text fuzz/seeds/text 65536" "bytes fuzz/seeds/bytes 4096" "scan fuzz/seeds/text 65536")

mkdir -p $build/artifacts
rm -f $build/artifacts/*
pids=()
for h in "${harnesses[@]}"; do
	read -r name seeds max_len <<<"$h"
	mkdir -p $build/corpus-$name
	echo "fuzz: fuzz_$name for ${seconds}s (log: $build/fuzz_$name.log)"
	# -timeout: one input taking 10 s is a hang; -rss_limit_mb: memory
	# must stay bounded whatever the input
	$build/fuzz/fuzz_$name -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
		-max_len="$max_len" -print_final_stats=1 \
		-artifact_prefix=$build/artifacts/$name- \
		$build/corpus-$name "$seeds" >$build/fuzz_$name.log 2>&1 &
	pids+=($!)
done
status=0
for pid in "${pids[@]}"; do
	wait "$pid" || status=1
done

for h in "${harnesses[@]}"; do
	read -r name _ <<<"$h"
	# (a crash prints the statistics twice)
	grep -E '^stat::(number_of_executed_units|peak_rss_mb)' $build/fuzz_$name.log |
		sort -u | sed "s/^/fuzz: $name: /" || true
done

shopt -s nullglob
found=0
for a in $build/artifacts/*; do
	base=$(basename "$a")           # text-crash-<sha1>, bytes-leak-<sha1>
	name=${base%%-*}
	ext=txt
	[ "$name" = bytes ] && ext=bin
	dest=tests/regress/$base.$ext
	cp "$a" "$dest"
	echo "fuzz: FOUND $base: kept as $dest"
	found=1
done
if [ $found -ne 0 ] || [ $status -ne 0 ]; then
	for h in "${harnesses[@]}"; do
		read -r name _ <<<"$h"
		grep -E -A30 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:' \
			$build/fuzz_$name.log | head -60 || true
	done
	echo "fuzz: FAILED: fix the bug; the inputs in tests/regress/ stay as regressions"
	exit 1
fi
echo "fuzz: no crash, leak, hang or sanitizer report"
