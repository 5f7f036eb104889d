#!/bin/sh
# SPDX-License-Identifier: MIT
# The drain of a subreaper (tend not PID 1, so no kill(-1) to lean on):
# every descendant is found however deep, even chains that fork and exit as
# fast as they can while ignoring TERM; none of them outlives tend, and
# "all processes gone" is logged only when it is true.
. "$TESTLIB"
skip_emulated "$SUBREAPER_NOTE; this test is about the subreaper's drain"

MARK="tend-drain-$$"

# marked TEXT: the pids of live processes whose command line holds TEXT
# (read from a file, so that grep's own command line does not hold it).
marked() {
	printf '%s\n' "$1" >"$TMP/pattern"
	grep -lFf "$TMP/pattern" /proc/[0-9]*/cmdline 2>/dev/null | sed 's|^/proc/||; s|/cmdline$||'
}
# kill_marked TEXT: KILL them until none is left (chains keep moving: repeat).
kill_marked() {
	for _ in $(seq 50); do
		p=$(marked "$1")
		[ -z "$p" ] && return 0
		# shellcheck disable=SC2086  # one pid per word
		kill -9 $p 2>/dev/null
		sleep 0.1
	done
}
trap 'kill_marked "$MARK"; cleanup' EXIT

# A tree three deep under a live parent: the walk must reach grandchildren,
# and count each process once.
rm -f "$TMP/ready"
"$TEND" -vv --grace 5s -- sh -c '
	(sleep 1000 & sh -c "sleep 1000 & : >$0; wait" "$0" & wait) &
	while [ ! -e "$0" ]; do sleep 0.01; done; exit 4' "$TMP/ready" 2>"$TMP/err"
expect_eq "$?" 4 "tree: tend exits with the app's code"
expect_match "$TMP/err" '^tend: sent TERM to 4 processes$' "tree: a subshell, its sleep, a shell and its sleep all got TERM"
expect_match "$TMP/err" '^tend: all processes gone after [0-9]+ ms$' "tree: all gone, and said so"
grep -q 'sent KILL' "$TMP/err" && fail "tree: KILL sent although TERM was enough"

# Chains that fork and exit while ignoring TERM: ten runs, none may survive.
for run in 1 2 3 4 5 6 7 8 9 10; do
	mark="$MARK-chains-$run"
	"$TEND" -vv --grace 200ms -- sh -c 'chains 4 "$0" 20; exit 3' "$mark" 2>"$TMP/err"
	rc=$?
	left=$(marked "$mark")
	[ -z "$left" ] && { sleep 0.2; left=$(marked "$mark"); }
	[ -z "$left" ] || {
		for p in $left; do cat "/proc/$p/stat"; done 2>/dev/null
		kill_marked "$mark"
		fail "run $run: chain processes outlived tend: $left"
	}
	[ "$rc" = 3 ] || fail "run $run: tend exited $rc, not the app's 3"
	# The first KILL round may find every chain between two forks; a
	# later round ("N more") then kills them.
	grep -Eq '^tend: sent KILL to [0-9]+ (more )?process(es)?( after the grace period)?$' "$TMP/err" ||
	    fail "run $run: no KILL logged"
	grep -Eq '^tend: all processes gone after [0-9]+ ms$' "$TMP/err" ||
	    fail "run $run: nothing left, but tend did not say so"
done
ok "4 TERM-ignoring fork-and-exit chains: none outlived tend, 10 runs of 10"

# When tend cannot see its descendants it must not claim they are gone.
# /proc hidden under a tmpfs in a private mount namespace: the daemon
# ignores TERM and is never found, so tend gives up after KILL's wait.
# (Not under ASan: LeakSanitizer itself needs /proc at exit.)
if [ "$SLOW" != 1 ]; then
	ok "SKIPPED part: hidden /proc under a sanitizer build"
elif unshare --mount true 2>/dev/null; then
	hid="$TMP/$MARK-hidden"
	unshare --mount sh -c 'mount -t tmpfs none /proc && exec "$0" "$@"' \
	    "$TEND" -vv --grace 0 -- daemon ignore "$hid" 2>"$TMP/err"
	rc=$?
	expect_eq "$rc" 0 "hidden /proc: tend exits with the app's code"
	[ -n "$(marked "$hid")" ] || fail "hidden /proc: the daemon should have been out of reach"
	kill_marked "$hid"
	expect_match "$TMP/err" '^tend: cannot list processes to signal' "hidden /proc: the failure to look is logged"
	expect_match "$TMP/err" 'still left' "hidden /proc: tend says that processes are left"
	grep -q 'all processes gone' "$TMP/err" && fail "hidden /proc: tend claimed all processes gone"
	ok "hidden /proc: no false 'all processes gone'"
else
	ok "SKIPPED part: no private mount namespace here for the hidden-/proc case"
fi
