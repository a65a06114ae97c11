#!/usr/bin/env bash
# run-golden.sh - golden tests: hexplain's output on every samples/*.txt, in
# every view, compared with what was reviewed and kept in expected/.
#
# usage: tests/golden/run-golden.sh [--update] HEXPLAIN_BINARY
#
# For each sample NAME.txt and each view VIEW (explain, json, brief):
#   expected/NAME.VIEW.out   standard output
#   expected/NAME.VIEW.err   standard error, then "exit status: N"
# Some samples also run in a translated view (sample_views below), e.g.
# explain.zh_CN: the explain view with LANGUAGE=zh_CN and the catalog the
# build made, BUILD/po/zh_CN/LC_MESSAGES/hexplain.mo, where BUILD is the
# folder of HEXPLAIN_BINARY.
# A difference prints a unified diff (expected → actual) and fails.
# --update rewrites expected/ from the binary instead (and removes files of
# samples that are gone); review the change with `git diff tests/golden`.
#
# The samples come from $HEXPLAIN_SAMPLES (meson sets it), else ../../samples.
# hexplain runs inside the samples folder on the bare file name, so the output
# does not depend on where the checkout lives.  $HEXPLAIN_WRAPPER, when set,
# goes in front of the binary: HEXPLAIN_WRAPPER='valgrind -q --error-exitcode=99'
# turns any memory error into a failing diff.
set -uo pipefail

update=false
if [ "${1:-}" = --update ]; then
	update=true
	shift
fi
if [ $# -ne 1 ]; then
	echo "usage: $0 [--update] HEXPLAIN_BINARY" >&2
	exit 2
fi

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
samples=${HEXPLAIN_SAMPLES:-$here/../../samples}
expected=$here/expected
binary=$(realpath -e "$1") || { echo "run-golden: no binary at $1" >&2; exit 2; }
[ -x "$binary" ] || { echo "run-golden: $binary is not executable" >&2; exit 2; }
samples=$(realpath -e "$samples") || { echo "run-golden: no samples folder" >&2; exit 2; }

export LC_ALL=C.UTF-8 LANGUAGE='' TZ=UTC
views=(explain json brief)
declare -A view_flag=([explain]="" [json]=--json [brief]=--brief)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$expected"

declare -A sample_views=([seed-003]=explain.zh_CN)
declare -A view_env=([explain.zh_CN]="LANGUAGE=zh_CN HEXPLAIN_LOCALEDIR=$work/locale")
mo=$(dirname "$binary")/po/zh_CN/LC_MESSAGES/hexplain.mo
mkdir -p "$work/locale/zh_CN/LC_MESSAGES"
cp "$mo" "$work/locale/zh_CN/LC_MESSAGES/" ||
	echo "run-golden: no Chinese catalog at $mo: the zh_CN views will differ" >&2

shopt -s nullglob
sample_files=("$samples"/*.txt)
if [ ${#sample_files[@]} -eq 0 ]; then
	echo "run-golden: no samples in $samples" >&2
	exit 1
fi

failed=0 checked=0 written=0
declare -A wanted=()
for path in "${sample_files[@]}"; do
	file=${path##*/}
	name=${file%.txt}
	for view in "${views[@]}" ${sample_views[$name]:-}; do
		out=$work/$name.$view.out
		err=$work/$name.$view.err
		# shellcheck disable=SC2086  # the wrapper is words; the explain view has no flag
		(cd "$samples" && env ${view_env[$view]:-} ${HEXPLAIN_WRAPPER:-} "$binary" \
			${view_flag[$view]:-} "$file" >"$out" 2>"$err" </dev/null)
		echo "exit status: $?" >>"$err"
		for kind in out err; do
			want=$expected/$name.$view.$kind
			got=$work/$name.$view.$kind
			wanted[$want]=1
			if $update; then
				if ! cmp -s "$got" "$want"; then
					cp "$got" "$want"
					written=$((written + 1))
				fi
				continue
			fi
			checked=$((checked + 1))
			if [ ! -f "$want" ]; then
				echo "FAIL $name.$view.$kind: no expected file (run tests/golden/run-golden.sh --update BINARY)"
				failed=$((failed + 1))
			elif ! diff -u --label "expected/$name.$view.$kind" --label "actual" \
				"$want" "$got"; then
				echo "FAIL $name.$view.$kind differs (diff above: - expected, + actual)"
				failed=$((failed + 1))
			fi
		done
	done
done

# expected files whose sample is gone
for want in "$expected"/*.out "$expected"/*.err; do
	[ -n "${wanted[$want]:-}" ] && continue
	if $update; then
		rm -f "$want"
		echo "removed ${want##*/} (its sample is gone)"
	else
		echo "FAIL ${want##*/}: its sample is gone (run --update to remove it)"
		failed=$((failed + 1))
	fi
done

if $update; then
	echo "run-golden: ${#sample_files[@]} samples × ${#views[@]} views, $written files rewritten in $expected"
	exit 0
fi
if [ $failed -ne 0 ]; then
	echo "run-golden: $failed failure(s) over $checked golden files"
	echo "If the new output is right: tests/golden/run-golden.sh --update $1, then review git diff tests/golden"
	exit 1
fi
echo "run-golden: all $checked golden files match (${#sample_files[@]} samples × ${#views[@]} views)"
