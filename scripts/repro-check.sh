#!/bin/sh
# SPDX-License-Identifier: MIT
# Reproducibility: two clean builds of the same source, in different
# source and build directories, must give byte-identical tend binaries
# and packages, and the binary must hold neither directory's path.
#
#   scripts/repro-check.sh [WORK-DIR]
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d "${TMPDIR:-/tmp}/tend-repro.XXXXXX")}
trap 'rm -rf "$work"' EXIT

# The same time and commit for both, as two builders of one commit have.
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$src" log -1 --format=%ct 2>/dev/null || echo 0)}
TEND_COMMIT=${TEND_COMMIT:-$(git -C "$src" rev-parse --short=12 HEAD 2>/dev/null || echo release)}
export SOURCE_DATE_EPOCH TEND_COMMIT

# Copy the tree twice (what is checked out, less build output and .git).
for d in a/src b/a-longer-path/src; do
	mkdir -p "$work/$d"
	tar -C "$src" --exclude=./.git --exclude='./build*' --exclude=./bench/.build \
	    -cf - . | tar -C "$work/$d" -xf -
	sh "$work/$d/scripts/package.sh" "$work/$d/../out" >"$work/$d.log" 2>&1 ||
	    { cat "$work/$d.log" >&2; echo "repro: build in $work/$d failed" >&2; exit 1; }
done
A=$work/a/out
B=$work/b/a-longer-path/out

fail=0
for f in tend $(cd "$A" && ls -- *.tar.gz *.deb) SHA256SUMS; do
	if cmp -s "$A/$f" "$B/$f"; then
		echo "repro: identical: $f ($(wc -c <"$A/$f" | tr -d ' ') bytes)"
	else
		echo "repro: DIFFERENT: $f" >&2
		fail=1
	fi
done
for bin in "$A/tend" "$B/tend"; do
	for d in "$work/a" "$work/b" "$src"; do
		if grep -q -a -F "$d" "$bin"; then
			echo "repro: $bin holds the path $d" >&2
			fail=1
		fi
	done
done
[ "$fail" = 0 ] || exit 1
echo "repro: ok: $(sha256sum "$A/tend" | cut -c1-16)... tend, SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH, commit $TEND_COMMIT"
