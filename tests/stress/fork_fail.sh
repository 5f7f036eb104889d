#!/bin/sh
# SPDX-License-Identifier: MIT
# Fork failure: the app cannot be started because the kernel refuses the
# fork, through a pids cgroup limit (pids.max) or RLIMIT_NPROC. tend must
# exit 125 at once with one clear line, as PID 1 and not, and never hang.
# And when only exec probes cannot fork, each fails and tend carries on.
. "$TESTLIB"
need_ns
skip_emulated "qemu-user needs threads of its own, which pids.max refuses (it crashes)"

# check LABEL: judge the tend run whose exit code is $rc and time $ms.
check() {
	expect_eq "$rc" 125 "$1: tend exits 125"
	[ "$ms" -lt 5000 ] || fail "$1: took $ms ms"
	ok "$1: in $ms ms"
	expect_match "$TMP/err" "^tend: cannot start 'true': fork: Resource temporarily unavailable\$" \
	    "$1: one line says the fork failed and why"
	[ "$(wc -l <"$TMP/err")" = 1 ] || fail "$1: more than one line: $(cat "$TMP/err")"
}
ran=0
# LeakSanitizer needs a process of its own at exit, which is exactly what
# these limits forbid: leaks are checked by every other test.
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0
export ASAN_OPTIONS

# A pids cgroup (v1, or v2 with pids delegated) holding unshare and tend:
# pids.max=2 leaves tend no room for the app.
cgroot=$(awk '$3 == "cgroup" && $4 ~ /(^|,)pids(,|$)/ { print $2; exit }' /proc/mounts)
if [ -z "$cgroot" ]; then
	v2=$(awk '$3 == "cgroup2" { print $2; exit }' /proc/mounts)
	[ -n "$v2" ] && grep -qw pids "$v2/cgroup.subtree_control" 2>/dev/null && cgroot=$v2
fi
CG=""
if [ -n "$cgroot" ] && mkdir "$cgroot/tend-test.$$" 2>/dev/null; then
	CG=$cgroot/tend-test.$$
	trap 'rmdir "$CG" 2>/dev/null; cleanup' EXIT
fi
if [ -n "$CG" ] && echo 2 >"$CG/pids.max" 2>/dev/null; then
	t0=$(now_ms)
	sh -c 'echo $$ >"$0/cgroup.procs" && exec "$@"' "$CG" $NS "$TEND" -- true 2>"$TMP/err"
	rc=$? ms=$(( $(now_ms) - t0 ))
	check "pids.max, PID 1"
	ran=$((ran + 1))
	expect_eq "$(cat "$CG/pids.current")" 0 "pids.max, PID 1: nothing is left in the cgroup"
	# Room for the app but not for an exec probe: every probe fails to
	# start, and tend carries on and still ends with the app's code.
	if ( need_health ) >/dev/null 2>&1; then
		echo 3 >"$CG/pids.max"
		sh -c 'echo $$ >"$0/cgroup.procs" && exec "$@"' "$CG" $NS "$TEND" \
		    --health exec:true --health-interval 20ms --health-retries 3 \
		    -- sigcount -x 42 >"$TMP/out" 2>"$TMP/err" &
		NS_PID=$!
		BG_PIDS="$BG_PIDS $NS_PID"
		wait_for "$TMP/out" '^ready$'
		TEND_PID=$(cat "/proc/$NS_PID/task/$NS_PID/children" | tr -d ' ')
		BG_PIDS="$BG_PIDS $TEND_PID"
		wait_for "$TMP/err" 'unhealthy'
		sleep 0.5
		kill -0 "$TEND_PID" || fail "pids.max, exec probes: tend died"
		ok "pids.max, exec probes: $(grep -m1 unhealthy "$TMP/err")"
		kill -TERM "$TEND_PID"
		wait_exit 10
		expect_eq "$RC" 42 "pids.max, exec probes: SIGTERM forwarded, tend exits with the app's code"
		expect_eq "$(cat "$CG/pids.current")" 0 "pids.max, exec probes: nothing is left in the cgroup"
	fi
else
	echo "note: no writable pids cgroup; pids.max case not run"
fi

# RLIMIT_NPROC does not bind root, so run as nobody: in a user namespace
# as PID 1 (unshare and tend use up the 2 allowed), and as a subreaper.
if setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
	asnobody="setpriv --reuid=65534 --regid=65534 --clear-groups"
	if $asnobody unshare --user --map-root-user --pid --fork --mount-proc true 2>/dev/null; then
		t0=$(now_ms)
		$asnobody prlimit --nproc=2 unshare --user --map-root-user --pid --fork \
		    --mount-proc "$TEND" -- true 2>"$TMP/err"
		rc=$? ms=$(( $(now_ms) - t0 ))
		check "RLIMIT_NPROC, PID 1"
		ran=$((ran + 1))
	else
		echo "note: no user namespace for nobody; RLIMIT_NPROC as PID 1 not run"
	fi
	t0=$(now_ms)
	$asnobody prlimit --nproc=1 "$TEND" -- true 2>"$TMP/err"
	rc=$? ms=$(( $(now_ms) - t0 ))
	check "RLIMIT_NPROC, subreaper"
	ran=$((ran + 1))
else
	echo "note: cannot switch to nobody; RLIMIT_NPROC cases not run"
fi
[ "$ran" -gt 0 ] || skip "neither a pids cgroup nor RLIMIT_NPROC could be set up"
