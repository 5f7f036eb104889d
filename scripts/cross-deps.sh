#!/bin/sh
# SPDX-License-Identifier: MIT
# Install what a cross build of tend needs, from Debian's archive only:
#
#   scripts/cross-deps.sh [ARCH...]     (default: all seven)
#
# ARCH is Debian's name: amd64 arm64 armhf i386 ppc64el s390x riscv64. Each
# foreign one gets gcc-<triplet> and its cross glibc (for the unit tests and
# test helpers) and cmocka for it through multiarch (dpkg
# --add-architecture), plus qemu-user-static; this machine's own (amd64)
# only what building musl needs (the rest is scripts/deps.sh).
# Every one takes musl from Debian's musl source package (apt-get source),
# unpatched, built with gcc-<triplet> for size into build-musl/ARCH of this
# tree (or $TEND_MUSL_BASE/ARCH), where cmake finds it (-DTEND_ARCH=ARCH, or
# a native build): riscv64 has no Debian 12 musl package, and the others'
# are built -O2: tend on it was 61,712 B on ppc64el, over the 57,344 B
# limit, and a musl built for size takes 2-3 KB off each (s390x -2,056 B,
# i386 -2,944, arm64 -2,312, armhf -2,172, amd64 -2,600). Without
# build-musl/amd64 a native build falls back to musl-tools.
# (sized() below and CMakeLists.txt's TEND_MUSL_SIZED list them.)
set -eu
sized() { case $1 in amd64|arm64|armhf|i386|ppc64el|s390x|riscv64) return 0 ;; esac; return 1; }
src=$(cd "$(dirname "$0")/.." && pwd)
[ $# -gt 0 ] || set -- amd64 arm64 armhf i386 ppc64el s390x riscv64
if [ "$(id -u)" != 0 ]; then
	echo "cross-deps: run as root (apt-get, dpkg --add-architecture)" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive

triplet() {
	case $1 in
	amd64) echo x86_64-linux-gnu ;;
	arm64) echo aarch64-linux-gnu ;; armhf) echo arm-linux-gnueabihf ;;
	i386) echo i686-linux-gnu ;; ppc64el) echo powerpc64le-linux-gnu ;;
	s390x) echo s390x-linux-gnu ;; riscv64) echo riscv64-linux-gnu ;;
	*) echo "cross-deps: unknown architecture '$1'" >&2; exit 2 ;;
	esac
}

pkgs="qemu-user-static binutils"
added=""
host=$(dpkg --print-architecture)
for a; do
	t=$(triplet "$a")
	# This machine's own: its gcc, and the tools to build musl.
	[ "$a" != "$host" ] || { pkgs="$pkgs gcc make dpkg-dev"; continue; }
	pkgs="$pkgs gcc-$t libc6-dev-$a-cross"
	! sized "$a" || pkgs="$pkgs make dpkg-dev cmake"
	if [ "$a" != riscv64 ]; then
		dpkg --print-foreign-architectures | grep -qx "$a" || { dpkg --add-architecture "$a"; added=1; }
		sized "$a" || pkgs="$pkgs musl-dev:$a"
		pkgs="$pkgs libcmocka-dev:$a"
	fi
done
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done
if [ -n "$missing$added" ]; then
	echo "cross-deps: installing$missing"
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

for a; do
	sized "$a" || continue
	root=${TEND_MUSL_BASE:-$src/build-musl}/$a
	[ -f "$root/lib/musl-gcc.specs" ] && [ -f "$root/lib/libc.a" ] && continue
	# Debian's musl source package, unpatched, built for size.
	if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ &&
	    ! grep -qs '^deb-src' /etc/apt/sources.list; then
		sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
		    >/etc/apt/sources.list.d/debian-src.sources
		apt-get update -qq
	fi
	work=$(mktemp -d "${TMPDIR:-/tmp}/tend-musl.XXXXXX")
	(cd "$work" && apt-get source -qq musl >/dev/null 2>&1)
	m=$(find "$work" -maxdepth 1 -type d -name 'musl-*' | head -n 1)
	[ -n "$m" ] || { echo "cross-deps: apt-get source musl gave no tree" >&2; exit 1; }
	t=$(triplet "$a")
	cc="$t-gcc"
	# musl's ppc64 ABI has a 64-bit long double (Debian's musl does the same),
	# and no traceback table after each function: only AIX's tools read them
	# (768 B less tend).
	flags=
	[ "$a" = ppc64el ] && cc="$cc -mlong-double-64" && flags=-mtraceback=no
	echo "cross-deps: building $(basename "$m") for $a into $root"
	(cd "$m" && CFLAGS="$flags" CC="$cc" CROSS_COMPILE="$t-" ./configure --target="${t%-gnu*}-musl" \
	    --prefix="$root" --syslibdir="$root/lib" --disable-shared \
	    --enable-optimize=size >/dev/null &&
	    make -j"$(nproc)" >/dev/null 2>&1 && make install >/dev/null 2>&1) ||
	    { echo "cross-deps: building musl for $a failed" >&2; rm -rf "$work"; exit 1; }
	rm -rf "$work"
	[ -f "$root/lib/musl-gcc.specs" ] || { echo "cross-deps: no musl-gcc.specs in $root/lib" >&2; exit 1; }
done

# cmocka for the unit tests where Debian has no libcmocka-dev (riscv64):
# Debian's source package, a static library against the cross glibc.
for a; do
	[ "$a" = riscv64 ] || continue
	root=${TEND_MUSL_BASE:-$src/build-musl}/cmocka-$a
	[ -f "$root/lib/libcmocka-static.a" ] && continue
	work=$(mktemp -d "${TMPDIR:-/tmp}/tend-cmocka.XXXXXX")
	(cd "$work" && apt-get source -qq cmocka >/dev/null 2>&1)
	c=$(find "$work" -maxdepth 1 -type d -name 'cmocka-*' | head -n 1)
	[ -n "$c" ] || { echo "cross-deps: apt-get source cmocka gave no tree" >&2; exit 1; }
	echo "cross-deps: building $(basename "$c") for $a into $root"
	(cmake -S "$c" -B "$work/build" -DCMAKE_SYSTEM_NAME=Linux \
	    -DCMAKE_SYSTEM_PROCESSOR="$a" -DCMAKE_C_COMPILER="$(triplet "$a")-gcc" \
	    -DWITH_STATIC_LIB=ON -DWITH_EXAMPLES=OFF -DCMAKE_BUILD_TYPE=Release \
	    -DCMAKE_INSTALL_PREFIX="$root" >/dev/null &&
	    cmake --build "$work/build" -j"$(nproc)" >/dev/null &&
	    cmake --install "$work/build" >/dev/null) ||
	    { echo "cross-deps: building cmocka for $a failed" >&2; rm -rf "$work"; exit 1; }
	rm -rf "$work"
done
