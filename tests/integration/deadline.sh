#!/bin/sh
# SPDX-License-Identifier: MIT
# --deadline: a run-time limit for jobs. When it passes, the app is stopped
# as a stop signal would stop it (pre-stop, forward, drain) and tend exits
# 124, as timeout(1) does, with a line saying why.
. "$TESTLIB"
need_ns

# A job that would run 30 s is stopped at 1 s.
t0=$(now_ms)
as_pid1 --deadline 1s -- sleep 30 2>"$TMP/err"
rc=$? took=$(( $(now_ms) - t0 ))
expect_eq "$rc" 124 "--deadline 1s: exit 124"
[ "$took" -ge 950 ] && [ "$took" -lt $((2500 * SLOW)) ] || fail "--deadline 1s took $took ms"
ok "--deadline 1s: stopped after $took ms"
expect_match "$TMP/err" '^tend: deadline reached after 1000 ms: stopping the app$' "the reason is logged at the default verbosity"

# It is a stop: the app gets the (rewritten) stop signal and may finish
# cleanly, and its own clean exit still ends in 124; pre-stop applies. The
# clock starts before tend does (the deadline counts from tend's start, and
# under emulation "ready" may come 200 ms later), so 500 + 300 ms must pass.
t0=$(now_ms)
start_pid1 --deadline 500ms --pre-stop 300ms -r TERM:USR1 -- sigecho -n 1
wait_for "$TMP/out" '^ready$'
wait "$NS_PID"
rc=$? took=$(( $(now_ms) - t0 ))
expect_eq "$rc" 124 "a job that exits 0 on the stop signal: still 124"
expect_match "$TMP/out" '^10$' "it got the stop signal as rewritten by -r (USR1)"
[ "$took" -ge 800 ] || fail "--pre-stop 300ms was not waited ($took ms after start)"
ok "--pre-stop runs before the deadline's stop ($took ms)"

# A job done before its deadline keeps its own status.
as_pid1 --deadline 5s -- sh -c 'exit 3' 2>"$TMP/err"
expect_eq $? 3 "a job done in time: its own status"
TEND_DEADLINE=300ms as_pid1 -- sleep 30 2>"$TMP/err"
expect_eq $? 124 "TEND_DEADLINE=300ms: exit 124"

# A SIGALRM someone sends is the app's, not the deadline.
start_pid1 --deadline 20s -- sigecho -n 1
wait_for "$TMP/out" '^ready$'
kill -ALRM "$TEND_PID"
wait "$NS_PID"
rc=$?
expect_eq "$rc" 0 "a sent SIGALRM is forwarded (the app exits 0), not taken as the deadline"
expect_match "$TMP/out" '^14$' "the app got SIGALRM"

# A bad value is a usage error.
"$TEND" --deadline soon -- true 2>"$TMP/err"
expect_eq $? 2 "--deadline soon: exit 2"
expect_match "$TMP/err" '^tend: --deadline: bad value "soon"' "one line naming it"
