#!/bin/sh
# SPDX-License-Identifier: MIT
# Reproducibility: two clean builds of the same source, in different
# source and build directories, must give byte-identical tend binaries
# and packages, and the binary must hold neither directory's path.
#
#   scripts/repro-check.sh [WORK-DIR [ARCH...]]
#
# With ARCHes (Debian's names), every architecture's binary and packages
# are compared (scripts/package.sh OUT ARCH...).
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-}
[ -n "$work" ] || work=$(mktemp -d "${TMPDIR:-/tmp}/tend-repro.XXXXXX")
[ $# -gt 0 ] && shift
# The musl that riscv64 and ppc64el are built with (cross-deps.sh) lives
# in this checkout's build-musl, which the copies leave out.
TEND_MUSL_BASE=${TEND_MUSL_BASE:-$src/build-musl}
export TEND_MUSL_BASE
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
	sh "$work/$d/scripts/package.sh" "$work/$d/../out" "$@" >"$work/$d.log" 2>&1 ||
	    { cat "$work/$d.log" >&2; echo "repro: build in $work/$d failed" >&2; exit 1; }
done
A=$work/a/out
B=$work/b/a-longer-path/out

fail=0
for f in $(cd "$A" && ls -- tend tend-* *.deb 2>/dev/null) SHA256SUMS; do
	if cmp -s "$A/$f" "$B/$f"; then
		echo "repro: identical: $f ($(wc -c <"$A/$f" | tr -d ' ') bytes)"
	else
		echo "repro: DIFFERENT: $f" >&2
		fail=1
	fi
done
for bin in "$A"/tend* "$B"/tend*; do
	case $bin in *.tar.gz) continue ;; esac
	for d in "$work/a" "$work/b" "$src"; do
		if grep -q -a -F "$d" "$bin"; then
			echo "repro: $bin holds the path $d" >&2
			fail=1
		fi
	done
done
[ "$fail" = 0 ] || exit 1
echo "repro: ok: $(cd "$A" && ls -- tend tend-* 2>/dev/null | grep -vc '\.') binaries, SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH, commit $TEND_COMMIT"
