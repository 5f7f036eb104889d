#!/bin/sh
# SPDX-License-Identifier: MIT
# Why the app died: an app the OOM killer KILLs in a memory-limited cgroup
# is reported as such, with the limit; a KILL from anyone else, or another
# signal, is named. For each cgroup version the host has with a memory
# controller, a child cgroup of this process's own is made, limited to
# 64 MiB, and tend is run in it; the cgroup is removed afterwards.
. "$TESTLIB"
need_ns
[ "$(id -u)" = 0 ] || skip "making cgroups needs root"

CG=""
cg_cleanup() {
	[ -n "$CG" ] && [ -d "$CG" ] || return 0
	# Anything left in it (nothing should be) is killed, then it goes.
	for p in $(cat "$CG/cgroup.procs" 2>/dev/null); do kill -9 "$p" 2>/dev/null; done
	for _ in $(seq 50); do rmdir "$CG" 2>/dev/null && break; sleep 0.1; done
	[ -d "$CG" ] && echo "WARNING: could not remove $CG" >&2
	CG=""
}
trap 'cg_cleanup; cleanup' EXIT

# run_in_cg: tend as PID 1 in $CG, running memhog; output in $TMP/err.
run_in_cg() {
	sh -c 'echo $$ >"$0/cgroup.procs" && exec "$@"' "$CG" \
	    $NS "$TEND" "$@" >"$TMP/out" 2>"$TMP/err"
}

# oom_case NAME DIR LIMIT-FILE: make the cgroup in DIR, limit it, OOM.
oom_case() {
	name=$1 dir=$2 limfile=$3
	CG=$dir/tend-oom-test.$$
	mkdir "$CG" 2>"$TMP/mkerr" || { echo "SKIP $name: cannot make a cgroup under $dir: $(cat "$TMP/mkerr")"; CG=""; return 1; }
	if ! echo $((64 * 1024 * 1024)) >"$CG/$limfile" 2>"$TMP/mkerr"; then
		echo "SKIP $name: the kernel refuses $limfile: $(cat "$TMP/mkerr")"
		cg_cleanup; return 1
	fi
	# No swap to escape into, where the kernel lets us say so.
	[ -e "$CG/memory.swap.max" ] && echo 0 >"$CG/memory.swap.max" 2>/dev/null
	[ -e "$CG/memory.memsw.limit_in_bytes" ] &&
	    echo $((64 * 1024 * 1024)) >"$CG/memory.memsw.limit_in_bytes" 2>/dev/null
	run_in_cg -- memhog
	rc=$?
	expect_eq "$rc" 137 "$name: the app's status is still SIGKILL's (137)"
	expect_match "$TMP/err" "^tend: app killed by SIGKILL: out of memory \\($limfile 64 MiB\\)\$" \
	    "$name: the OOM kill is named, with the limit"
	echo "  $name: $(cat "$TMP/err")"
	run_in_cg --log-format json -- memhog
	expect_match "$TMP/err" '"msg":"app killed by SIGKILL: out of memory.*"signal":9,"reason":"oom","memory_limit":67108864' \
	    "$name: JSON has the reason and the limit as fields"
	# A KILL from someone else, in the same cgroup, is not an OOM.
	start_plain -- sh -c 'echo $$ >"$0/cgroup.procs"; echo ready; exec sleep 30' "$CG"
	wait_for "$TMP/out" '^ready$'
	app=$(cat "/proc/$TEND_PID/task/$TEND_PID/children" | tr -d ' ')
	kill -KILL "$app"; wait "$TEND_PID"
	expect_match "$TMP/err" '^tend: app killed by SIGKILL$' "$name: a plain KILL is not called OOM"
	cg_cleanup
	return 0
}

# Any other signal is named, at the default verbosity.
as_pid1 -- sh -c 'kill -SEGV $$' >"$TMP/out" 2>"$TMP/err"
expect_eq $? 139 "SIGSEGV: status 139"
expect_match "$TMP/err" '^tend: app killed by SIGSEGV$' "another signal is named at the default verbosity"
as_pid1 -- sh -c 'exit 0' >"$TMP/out" 2>"$TMP/err"
[ ! -s "$TMP/err" ] || fail "a clean exit logs nothing at the default verbosity: $(cat "$TMP/err")"

ran=0
# cgroup v2: the unified hierarchy, where it has the memory controller.
for root in /sys/fs/cgroup /sys/fs/cgroup/unified; do
	[ -e "$root/cgroup.controllers" ] || continue
	self=$(sed -n 's/^0:://p' /proc/self/cgroup)
	if ! grep -qw memory "$root$self/cgroup.controllers" 2>/dev/null; then
		echo "SKIP v2: no memory controller in $root$self (on this host memory is a v1 controller)"
		continue
	fi
	# A child gets the controller only if the parent delegates it.
	grep -qw memory "$root$self/cgroup.subtree_control" ||
	    echo +memory >"$root$self/cgroup.subtree_control" 2>/dev/null ||
	    { echo "SKIP v2: cannot enable memory in $root$self/cgroup.subtree_control"; continue; }
	oom_case v2 "$root$self" memory.max && ran=$((ran + 1))
	break
done
# cgroup v1: the memory controller's hierarchy.
self=$(sed -n 's/^[0-9]*:\([^:]*,\)\{0,1\}memory\(,[^:]*\)\{0,1\}:\(.*\)$/\3/p' /proc/self/cgroup)
if [ -n "$self" ] && [ -d "/sys/fs/cgroup/memory$self" ]; then
	oom_case v1 "/sys/fs/cgroup/memory${self%/}" memory.limit_in_bytes && ran=$((ran + 1))
else
	echo "SKIP v1: no v1 memory controller on this host"
fi
[ "$ran" -gt 0 ] || skip "no cgroup version with a memory controller lets us limit memory here"
