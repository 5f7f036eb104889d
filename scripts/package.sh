#!/bin/sh
# SPDX-License-Identifier: MIT
# Build the release packages: a .tar.gz and a .deb (static binary, man
# page, LICENSE, README), and SHA256SUMS beside them.
#
#   scripts/package.sh [BUILD-DIR]        (default: build-pkg)
#   scripts/package.sh OUT-DIR ARCH...    (Debian architectures, e.g. all seven:
#                                          amd64 arm64 armhf i386 ppc64el s390x riscv64)
#
# With ARCHes, each is cross-built (cmake -DTEND_ARCH=ARCH, after
# scripts/cross-deps.sh) in OUT-DIR/ARCH, and OUT-DIR gets every
# tend-VERSION-linux-ARCH.tar.gz and tend_VERSION_ARCH.deb, each arch's
# binary as tend-ARCH, and one SHA256SUMS for all.
#
# The packages are reproducible: file times inside them are
# SOURCE_DATE_EPOCH (default: the commit's time), the binary embeds no
# time and no path, and "tend --version" names the commit.
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build-pkg}
umask 022

if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
	SOURCE_DATE_EPOCH=$(git -C "$src" log -1 --format=%ct 2>/dev/null || echo 0)
fi
export SOURCE_DATE_EPOCH
if [ -z "${TEND_COMMIT:-}" ]; then
	TEND_COMMIT=$(git -C "$src" rev-parse --short=12 HEAD 2>/dev/null || echo release)
fi

export SOURCE_DATE_EPOCH TEND_COMMIT
if [ $# -gt 1 ]; then
	out=$build
	shift
	rm -rf "$out"
	mkdir -p "$out"
	for arch; do
		TEND_PKG_ARCH=$arch sh "$0" "$out/$arch" >"$out/$arch.log" 2>&1 ||
		    { cat "$out/$arch.log" >&2; echo "package: $arch failed" >&2; exit 1; }
		mv "$out/$arch"/*.tar.gz "$out/$arch"/*.deb "$out/"
		cp "$out/$arch/tend" "$out/tend-$arch"
		rm -rf "$out/$arch" "$out/$arch.log"
	done
	(cd "$out" && sha256sum -- *.tar.gz *.deb >SHA256SUMS)
	ls -l "$out"
	cat "$out/SHA256SUMS"
	exit 0
fi

rm -rf "$build"
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DTEND_TESTS=OFF \
    ${TEND_PKG_ARCH:+-DTEND_ARCH=$TEND_PKG_ARCH} \
    -DTEND_COMMIT="$TEND_COMMIT" >/dev/null
cmake --build "$build" -j"$(nproc)" >/dev/null

# The install honours DESTDIR and the prefix: stage one and check it.
stage=$build/stage
DESTDIR=$stage cmake --install "$build" --prefix /opt/tend >/dev/null
for f in bin/tend share/man/man1/tend.1 share/doc/tend/LICENSE; do
	[ -f "$stage/opt/tend/$f" ] || { echo "package: install did not put $f under DESTDIR/prefix" >&2; exit 1; }
done
cmp -s "$build/tend" "$stage/opt/tend/bin/tend" || { echo "package: installed tend differs" >&2; exit 1; }
rm -rf "$stage"

(cd "$build" && cpack >/dev/null)
(cd "$build" && sha256sum -- *.tar.gz *.deb >SHA256SUMS)

case ${TEND_PKG_ARCH:-} in
""|amd64|i386) "$build/tend" --version ;;
esac
for f in "$build"/*.tar.gz "$build"/*.deb; do
	printf '%s %s bytes\n' "$f" "$(wc -c <"$f" | tr -d ' ')"
done
cat "$build/SHA256SUMS"
