#!/bin/sh
# SPDX-License-Identifier: MIT
# --version names the commit: a build from a git checkout shows HEAD's
# short id, read at configure time; -DTEND_COMMIT (packages, reproducible
# builds) pins a fixed value; a source tree without .git shows "release".
# Each case is a configure-only run of CMake into a scratch build directory.
. "$TESTLIB"
src=$(cd "$(dirname "$TESTLIB")/../.." && pwd)
bindir=$(dirname "$TEND")

# The binary under test prints what its own configure chose.
want=$(sed -n 's/^#define TEND_COMMIT[[:space:]]*"\(.*\)"$/\1/p' "$bindir/gen/version.h")
[ -n "$want" ] || fail "no TEND_COMMIT in $bindir/gen/version.h"
"$TEND" --version >"$TMP/out"
expect_match "$TMP/out" "^tend version [0-9.]+ - git\.$want - built " "--version shows the configured commit ($want)"

command -v cmake >/dev/null || skip "cmake is not installed"
# configured_commit SRC [CMAKE-ARGS...]: the commit a fresh configure of SRC picks.
configured_commit() {
	s=$1; shift
	rm -rf "$TMP/b"
	cmake -S "$s" -B "$TMP/b" -DTEND_TESTS=OFF "$@" >"$TMP/cmake.log" 2>&1 ||
	    { cat "$TMP/cmake.log" >&2; fail "cmake configure of $s failed"; }
	sed -n 's/^#define TEND_COMMIT[[:space:]]*"\(.*\)"$/\1/p' "$TMP/b/gen/version.h"
}

if command -v git >/dev/null && git -C "$src" rev-parse --git-dir >/dev/null 2>&1 &&
    [ -e "$src/.git" ]; then
	head=$(git -C "$src" rev-parse --short=12 HEAD)
	expect_eq "$(configured_commit "$src")" "$head" "a git checkout names HEAD"
	expect_eq "$(configured_commit "$src" -DTEND_COMMIT=release)" release \
	    "-DTEND_COMMIT=release keeps the fixed value"
	expect_eq "$(configured_commit "$src" -DTEND_COMMIT=1a2b3c4d5e6f)" 1a2b3c4d5e6f \
	    "-DTEND_COMMIT=ID (scripts/package.sh) wins over git"
else
	echo "note: $src is not a git checkout; skipping the git cases"
fi
mkdir "$TMP/plain"
tar -C "$src" --exclude=./.git --exclude='./build*' --exclude=./bench/.build \
    --exclude=./tests/fuzz/corpus -cf - . | tar -C "$TMP/plain" -xf -
expect_eq "$(configured_commit "$TMP/plain")" release "a tree without .git says release"
