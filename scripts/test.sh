#!/bin/sh
# SPDX-License-Identifier: MIT
# The full test suite: install what is missing, build, run every test.
# Unit tests (cmocka) and integration tests that run tend as PID 1 in a
# fresh PID namespace. Usage: scripts/test.sh [BUILD-DIR]
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
sh scripts/deps.sh
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j"$(nproc)"
# ctest's summary ("N% tests passed, ...") is repeated as the last line,
# after its list of skipped and failed tests; the exit status is ctest's.
out=$build/Testing/test-sh.log
mkdir -p "$build/Testing"
{ ctest --test-dir "$build" --output-on-failure -j2 --timeout 300 && r=0 || r=$?
    echo "$r" >"$out.rc"; } 2>&1 |
    tee "$out"
rc=$(cat "$out.rc")
grep -E '^[0-9]+% tests passed' "$out" | tail -n 1 || true
exit "$rc"
