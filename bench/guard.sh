#!/usr/bin/env bash
# bench/guard.sh — CI check that noise cannot fool: compares the tend binary's stripped size
# and its callgrind instruction count (minimum of 5 runs) for `tend -- /bin/true` (PID 1 in a fresh PID
# namespace, the init process only) with the limits in bench/limits.txt.
#
# Also checks the size of every cross build found as build-ARCH/tend.
# usage: bench/guard.sh [TEND_BINARY]      (default: build/tend relative to the repo root)
#        bench/guard.sh --limits FILE [TEND_BINARY]
# Prints one verdict line per check; exits 1 if a limit is exceeded, 2 on a setup error.
# Needs root, gcc, valgrind, binutils.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"

limits=$BENCH_DIR/limits.txt
tend=
while (($#)); do
    case $1 in
        --limits) limits=$2; shift 2 ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) tend=$1; shift ;;
    esac
done
tend=${tend:-$REPO_DIR/build/tend}
[[ -x $tend ]] || die "no executable tend at $tend (build it first)"
[[ -r $limits ]] || die "no limits file $limits"

LIMITS_TEXT=$(cat "$limits")
limit() { awk -v k="$1" '$1 == k { print $2; found = 1 } END { if (!found) exit 1 }' <<<"$LIMITS_TEXT"; }
size_max=$(limit size_max_bytes) || die "size_max_bytes missing in $limits"
instr_max=$(limit instructions_max) || die "instructions_max missing in $limits"

need_root
bench_build

fail=0
size=$(stripped_size "$tend")
disk=$(stat -c %s "$tend")
if ((size <= size_max)); then v=PASS; else v=FAIL; fail=1; fi
echo "$v size: $size bytes stripped ($disk on disk), limit $size_max"

read -r instr imax rc < <(callgrind_instructions "$tend" 5)
spread=
if [[ $instr != "$imax" ]]; then spread=", up to $imax"; fi
if [[ $instr == - ]]; then
    echo "FAIL instructions: callgrind produced no count (exit $rc), limit $instr_max"
    fail=1
elif ((rc != 0)); then
    echo "FAIL instructions: $instr, but \`tend -- /bin/true\` exited $rc (expected 0), limit $instr_max"
    fail=1
elif ((instr <= instr_max)); then
    echo "PASS instructions: $instr (callgrind Ir of tend -- /bin/true as PID 1, min of 5 runs$spread), limit $instr_max"
else
    echo "FAIL instructions: $instr (callgrind Ir of tend -- /bin/true as PID 1, min of 5 runs$spread), limit $instr_max"
    fail=1
fi
# Every cross build present (build-ARCH/tend, cmake -DTEND_ARCH=ARCH): the
# size limit for all seven architectures (issue 12); they are stripped.
# Architectures named by arch_size_over_known are known to be over it (an
# open issue says by how much): they are reported as OVER, not failed, and
# any other architecture over the limit fails.
arch_max=$(limit arch_size_max_bytes) || die "arch_size_max_bytes missing in $limits"
known=$(awk '$1 == "arch_size_over_known" { $1 = ""; print }' <<<"$LIMITS_TEXT")
for a in amd64 arm64 armhf i386 ppc64el s390x riscv64; do
    b=$REPO_DIR/build-$a/tend
    [[ -f $b ]] || continue
    s=$(stat -c %s "$b")
    if ((s <= arch_max)); then
        v=PASS
        [[ " $known " == *" $a "* ]] && v="PASS (now within: drop $a from arch_size_over_known)"
    elif [[ " $known " == *" $a "* ]]; then
        v="OVER (known, $((s - arch_max)) bytes)"
    else
        v=FAIL; fail=1
    fi
    echo "$v size $a: $s bytes ($b), limit $arch_max"
done
exit $fail
