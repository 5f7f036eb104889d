#!/bin/sh
# SPDX-License-Identifier: MIT
# The multi-architecture part of CI (issue 12), on 2 cores:
#  - builds tend for all seven architectures (build-ARCH, -DTEND_ARCH);
#  - arm64: unit and integration tests under qemu-user (cross-test.sh),
#    in parallel with i386: unit and integration tests, natively;
#  - armhf, ppc64el, s390x, riscv64 (and amd64, i386, arm64 too): a smoke
#    test (--version) and a PID-1 check (exit code, death by TERM = 143,
#    an orphan reaped) under qemu-user as PID 1 of a new PID namespace.
# Needs scripts/cross-deps.sh first. Usage: scripts/cross-ci.sh
set -eu
cd "$(dirname "$0")/.."
arches="amd64 arm64 armhf i386 ppc64el s390x riscv64"
t0=$(date +%s)
note() { echo "cross-ci: $* ($(( $(date +%s) - t0 )) s)"; }

for a in $arches; do
	tests=OFF
	case $a in arm64|i386) tests=ON ;; esac
	rm -rf "build-$a"
	cmake -S . -B "build-$a" -DCMAKE_BUILD_TYPE=Release -DTEND_ARCH="$a" \
	    -DTEND_TESTS=$tests >/dev/null
	cmake --build "build-$a" -j"$(nproc)" 2>&1 | grep -E 'warning|error|check-static' || true
done
note "seven builds done"

# arm64 under qemu in the background, i386 natively meanwhile, both on 2
# cores; no test gets a second try. peers_compare is left out: it checks the machine's own
# x86-64 peers (tini, catatonit), the same for every tend, and runs in
# the x86-64 suite.
sh scripts/cross-test.sh arm64 build-arm64 -L 'unit|integration' -E peers_compare \
    -j2 --output-on-failure >build-arm64/cross-test.log 2>&1 &
arm=$!
rc=0
ctest --test-dir build-i386 -L 'unit|integration' -E peers_compare -j2 \
    --output-on-failure >build-i386/test.log 2>&1 || rc=1
tail -n 3 build-i386/test.log | sed 's/^/i386: /'
[ $rc = 0 ] || { cat build-i386/test.log; echo "cross-ci: i386 tests failed" >&2; }
arc=0
wait $arm || arc=$?
tail -n 3 build-arm64/cross-test.log | sed 's/^/arm64: /'
grep -E 'Skipped|SKIP' build-arm64/cross-test.log | sed 's/^/arm64: /' || true
[ $arc = 0 ] || { cat build-arm64/cross-test.log; echo "cross-ci: arm64 tests failed" >&2; rc=1; }
note "arm64 (qemu) and i386 (native) suites done"

# Smoke and PID 1 for each, through qemu-user directly (no binfmt needed:
# the apps are this machine's own sh).
for a in $arches; do
	case $a in
	amd64|i386) q="" ;; arm64) q=qemu-aarch64-static ;; armhf) q=qemu-arm-static ;;
	ppc64el) q=qemu-ppc64le-static ;; s390x) q=qemu-s390x-static ;;
	riscv64) q=qemu-riscv64-static ;;
	esac
	t=build-$a/tend
	v=$($q "$t" --version | head -n 1) || { echo "cross-ci: $a: --version failed" >&2; rc=1; continue; }
	set +e
	unshare --pid --fork --mount-proc $q "$t" -- sh -c 'exit 3' 2>/dev/null; e1=$?
	unshare --pid --fork --mount-proc $q "$t" -- sh -c 'kill -TERM $$' 2>/dev/null; e2=$?
	z=$(unshare --pid --fork --mount-proc $q "$t" -- sh -c \
	    '(sleep 0.2 &) ; sleep 0.6; grep -l "^State:.*Z" /proc/[0-9]*/status 2>/dev/null | wc -l' 2>/dev/null)
	set -e
	if [ "$e1" = 3 ] && [ "$e2" = 143 ] && [ "$z" = 0 ]; then
		echo "cross-ci: $a ok: $(stat -c %s "$t") bytes, $v; PID 1: exit 3, TERM 143, no zombie"
	else
		echo "cross-ci: $a FAILED: exit $e1 (want 3), TERM $e2 (want 143), zombies $z (want 0)" >&2
		rc=1
	fi
done
note "smoke and PID-1 checks done"
exit $rc
