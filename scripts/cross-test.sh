#!/bin/sh
# SPDX-License-Identifier: MIT
# Run a cross build's tests (ctest) for a foreign architecture, emulated:
#
#   scripts/cross-test.sh ARCH BUILD-DIR [CTEST-ARGS...]
#
# e.g. scripts/cross-test.sh arm64 build-arm64 -L 'unit|integration'.
# The tests run as root of a private user namespace that maps every id (so
# --user tests can switch to uid 100000) with its own mount namespace and
# its own binfmt_misc (Linux >= 6.7), where qemu-ARCH-static is registered
# from Debian's /usr/lib/binfmt.d: foreign binaries (tend, the test
# helpers) run as themselves, and the machine's registrations are not
# touched. i386 and amd64 need none of this: they run natively.
# TEST_EMULATOR names the emulator to the tests, which skip what qemu-user
# cannot do (and say so).
set -eu
[ $# -ge 2 ] || { echo "usage: cross-test.sh ARCH BUILD-DIR [CTEST-ARGS...]" >&2; exit 2; }
arch=$1 build=$(cd "$2" && pwd)
shift 2
case $arch in
arm64) q=aarch64 ;; armhf) q=arm ;; ppc64el) q=ppc64le ;; s390x) q=s390x ;;
riscv64) q=riscv64 ;;
amd64|i386) exec ctest --test-dir "$build" "$@" ;;
*) echo "cross-test: unknown architecture '$arch'" >&2; exit 2 ;;
esac

if [ "${CROSS_TEST_INNER:-}" = 1 ]; then
	# Inside: our own binfmt_misc.
	mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
	conf=/usr/lib/binfmt.d/qemu-$q.conf
	[ -r "$conf" ] || { echo "cross-test: no $conf (install qemu-user-static)" >&2; exit 1; }
	# Debian's own line (interpreter, flags P O F): F opens it now.
	cat "$conf" >/proc/sys/fs/binfmt_misc/register
	unset CROSS_TEST_INNER
	# The cross glibc of the unit tests and helpers, where Debian has no
	# libc6:ARCH to install through multiarch (riscv64).
	[ "$arch" = riscv64 ] && export QEMU_LD_PREFIX=/usr/riscv64-linux-gnu
	export TEST_EMULATOR="qemu-$q-static"
	exec ctest --test-dir "$build" "$@"
fi

major=$(uname -r | cut -d. -f1) minor=$(uname -r | cut -d. -f2)
if [ "$major" -lt 6 ] || { [ "$major" = 6 ] && [ "$minor" -lt 7 ]; }; then
	echo "cross-test: Linux $(uname -r) < 6.7 has no binfmt_misc per user namespace" >&2
	exit 77
fi
[ "$(id -u)" = 0 ] || { echo "cross-test: run as root (it maps every id into a user namespace)" >&2; exit 1; }

# A user namespace mapping all ids 1:1: util-linux's --map-users would
# need newuidmap, so the map is written from here, once unshare is in it.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tend-cross.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkfifo "$tmp/go"
CROSS_TEST_INNER=1 unshare --user --mount --propagation private -- \
    sh -c 'read -r _ <"$0"; exec "$@"' "$tmp/go" sh "$0" "$arch" "$build" "$@" &
pid=$!
me=$(readlink /proc/self/ns/user)
i=0
while [ "$(readlink "/proc/$pid/ns/user" 2>/dev/null || echo "$me")" = "$me" ]; do
	i=$((i + 1))
	[ $i -lt 1000 ] || { kill "$pid" 2>/dev/null; echo "cross-test: unshare did not start" >&2; exit 1; }
	sleep 0.01
done
echo "0 0 4294967294" >"/proc/$pid/uid_map"
echo "0 0 4294967294" >"/proc/$pid/gid_map"
echo go >"$tmp/go"
rc=0
wait "$pid" || rc=$?
exit $rc
