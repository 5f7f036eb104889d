#!/bin/sh
# SPDX-License-Identifier: MIT
# Build the libFuzzer targets (clang, ASan+UBSan) and run each for a while.
#
#   scripts/fuzz.sh SECONDS [TARGET...]       (default: every target)
#
# Each target starts from its committed seeds in tests/fuzz/corpus/NAME/
# (copied, so the repo is not touched) with tests/fuzz/NAME.dict if there
# is one. Any crash, sanitizer report, leak, timeout (> 10 s for one input)
# or out-of-memory fails the run: the input is kept in $FUZZ_DIR/artifacts
# and printed in base64. Targets run two at a time (FUZZ_JOBS, default
# nproc). FUZZ_RUNS=N stops each target after N executions instead of
# after SECONDS; FUZZ_MERGE=1 merges what was found back into the seeds.
# The last line is a one-line summary; the exit status is non-zero on any
# finding.
set -eu
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: scripts/fuzz.sh SECONDS [TARGET...]" >&2; exit 2; }
secs=$1
shift
root=$(pwd)
dir=${FUZZ_DIR:-$(pwd)/build-fuzz}
build=$dir/build
jobs=${FUZZ_JOBS:-$(nproc)}
targets=${*:-config parse exec probespec http userdb fmt grpc hpack dns resolvconf}

command -v clang >/dev/null || { echo "fuzz: clang is not installed" >&2; exit 1; }
mkdir -p "$dir/artifacts" "$dir/logs"
CC=clang cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug -DTEND_FUZZ=ON \
    -DTEND_TESTS=OFF -DTEND_STATIC=OFF -DTEND_MUSL=OFF >"$dir/logs/cmake.log" 2>&1 ||
    { cat "$dir/logs/cmake.log" >&2; exit 1; }
cmake --build "$build" -j"$(nproc)" --target fuzz_all >"$dir/logs/build.log" 2>&1 ||
    { grep -E 'error|warning' "$dir/logs/build.log" >&2; exit 1; }

# run_one NAME: fuzz one target; its log is $dir/logs/NAME.log.
run_one() {
	t=$1
	work=$dir/corpus/$t
	rm -rf "$work"
	mkdir -p "$work"
	cp -r "tests/fuzz/corpus/$t/." "$work/" 2>/dev/null
	set -- -artifact_prefix="$dir/artifacts/$t-" -timeout=10 -rss_limit_mb=2048 \
	    -print_final_stats=1 -detect_leaks=1
	[ -f "tests/fuzz/$t.dict" ] && set -- "$@" -dict="$root/tests/fuzz/$t.dict"
	if [ -n "${FUZZ_RUNS:-}" ]; then
		set -- "$@" -runs="$FUZZ_RUNS"
	else
		set -- "$@" -max_total_time="$secs"
	fi
	"$build/fuzz/fuzz_$t" "$@" "$work" >"$dir/logs/$t.log" 2>&1
}

rm -f "$dir/artifacts/"* "$dir/logs/"*.rc
pending=$targets
running=""
while [ -n "$pending" ] || [ -n "$running" ]; do
	# Start targets while there is a free slot.
	while [ -n "$pending" ] && [ "$(echo $running | wc -w)" -lt "$jobs" ]; do
		t=${pending%% *}
		[ "$t" = "$pending" ] && pending="" || pending=${pending#* }
		( set +e; run_one "$t"; echo $? >"$dir/logs/$t.rc" ) &
		running="$running $t"
	done
	sleep 1
	still=""
	for t in $running; do
		[ -f "$dir/logs/$t.rc" ] || still="$still $t"
	done
	running=$still
done

failed=0
total=0
for t in $targets; do
	rc=$(cat "$dir/logs/$t.rc")
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/logs/$t.log" | tail -1)
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$dir/logs/$t.log" | tail -1)
	cov=$(grep -Eo 'cov: [0-9]+' "$dir/logs/$t.log" | tail -1)
	total=$((total + ${execs:-0}))
	if [ "$rc" != 0 ]; then
		failed=$((failed + 1))
		echo "fuzz_$t: FAILED (exit $rc), log $dir/logs/$t.log:"
		grep -E 'ERROR|SUMMARY|check failed|runtime error|Test unit written|Base64' \
		    "$dir/logs/$t.log" | head -20 | sed 's/^/  /'
	else
		echo "fuzz_$t: ok, ${execs:-?} execs, ${rate:-?} exec/s, ${cov:-cov: ?}, corpus $(ls "$dir/corpus/$t" | wc -l)"
	fi
	if [ "${FUZZ_MERGE:-0}" = 1 ] && [ "$rc" = 0 ]; then
		mkdir -p "tests/fuzz/corpus/$t"
		"$build/fuzz/fuzz_$t" -merge=1 "tests/fuzz/corpus/$t" "$dir/corpus/$t" \
		    >"$dir/logs/$t.merge.log" 2>&1
	fi
done
n=$(echo $targets | wc -w)
if [ "$failed" -gt 0 ]; then
	echo "fuzz: $failed of $n targets FAILED ($total execs in all; artifacts in $dir/artifacts)"
	exit 1
fi
echo "fuzz: $n targets ok, $total execs in all, ${secs}s each, no crash, leak or timeout"
