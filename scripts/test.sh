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
ctest --test-dir "$build" --output-on-failure -j2 --timeout 300
