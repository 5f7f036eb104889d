#!/bin/sh
# SPDX-License-Identifier: MIT
# Build tend, the unit tests and the test helpers with ASan+UBSan (dynamic
# glibc: -DTEND_SANITIZE=ON) and run the whole ctest suite that way.
#
#   scripts/sanitize.sh [CTEST-ARGS...]     (SAN_DIR: default build-san)
#
# Every sanitizer report (memory error, leak at exit, undefined behaviour)
# from any process goes to a file under $SAN_DIR/reports, so one that a
# test does not notice (say in a process whose exit code nobody checks)
# still fails the run. The last line is a one-line summary; the exit status
# is non-zero if a test failed or anything was reported.
set -eu
cd "$(dirname "$0")/.."
dir=${SAN_DIR:-$(pwd)/build-san}
build=$dir/build
mkdir -p "$dir"
rm -rf "$dir/reports"
mkdir -p "$dir/reports"
# Some tests run tend as nobody: it must be able to write a report too.
chmod 1777 "$dir/reports"

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTEND_SANITIZE=ON \
    >"$dir/cmake.log" 2>&1 || { cat "$dir/cmake.log" >&2; exit 1; }
cmake --build "$build" -j"$(nproc)" >"$dir/build.log" 2>&1 ||
    { grep -E 'error|warning' "$dir/build.log" >&2; exit 1; }
grep -q 'with ASan+UBSan' "$build/gen/version.h" ||
    { echo "sanitize: $build/tend is not a sanitizer build" >&2; exit 1; }

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:exitcode=99:log_path=$dir/reports/asan:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:exitcode=99:log_path=$dir/reports/ubsan"
export LSAN_OPTIONS="exitcode=99"

rc=0
ctest --test-dir "$build" --output-on-failure -j"$(nproc)" --timeout 600 "$@" \
    >"$dir/ctest.log" 2>&1 || rc=$?
summary=$(grep -E '^[0-9]+% tests passed' "$dir/ctest.log" || echo "ctest did not finish")
reports=$(ls "$dir/reports" | wc -l)
if [ "$rc" != 0 ] || [ "$reports" != 0 ]; then
	grep -E 'Failed|\*\*\*|FAIL:' "$dir/ctest.log" | head -40
	for f in "$dir"/reports/*; do
		[ -f "$f" ] || continue
		echo "--- $f"
		head -40 "$f"
	done
	echo "sanitize: ASan+UBSan build: $summary; $reports sanitizer report(s) in $dir/reports"
	exit 1
fi
echo "sanitize: ASan+UBSan build: $summary; no sanitizer report"
