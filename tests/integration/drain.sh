#!/bin/sh
# SPDX-License-Identifier: MIT
# Shutdown that loses no data: after the app exits, what is left gets TERM,
# a grace period, then KILL; tend exits with the app's code, at once when
# nothing is left. Stop requests: --stop-timeout and --pre-stop. --pause.
. "$TESTLIB"
need_ns
skip_emulated "its timings (--grace 0 within 500 ms) do not hold under emulation"

elapsed() { echo $(( $(now_ms) - $1 )); }

modes="pid1 subreaper"
if emulated; then
	modes=pid1
	echo "note: subreaper mode left out under user-mode emulation ($TEST_EMULATOR refuses PR_SET_CHILD_SUBREAPER)"
fi
for mode in $modes; do
	if [ $mode = pid1 ]; then run() { as_pid1 "$@"; }; else run() { "$TEND" "$@"; }; fi

	# A daemon (double fork + setsid) that needs 300 ms to flush on TERM.
	rm -f "$TMP/flushed"
	# How long the drain took is tend's own figure (from the app's exit to
	# the last process gone, on its monotonic clock): the shell's wall time
	# around it also counts starting sh and the daemon, which a loaded
	# machine stretches by seconds.
	run -vv --grace 5s -- sh -c 'daemon term "$0" 300; exit 7' "$TMP/flushed" 2>"$TMP/err"
	rc=$?
	expect_eq "$rc" 7 "$mode: tend exits with the app's code after draining"
	expect_match "$TMP/flushed" '^drained$' "$mode: the setsid daemon finished writing before tend exited"
	expect_match "$TMP/err" '^tend: app exited with 7$' "$mode: -vv logs the app's exit"
	expect_match "$TMP/err" '^tend: sent TERM to 1 process$' "$mode: -vv logs the TERM"
	expect_match "$TMP/err" '^tend: all processes gone after [0-9]+ ms$' "$mode: -vv logs the end of the drain"
	gone=$(sed -n 's/^tend: all processes gone after \([0-9]*\) ms$/\1/p' "$TMP/err")
	[ "${gone:-99999}" -lt $((2500 * SLOW)) ] || fail "$mode: drain of a 300 ms flush took ${gone:-?} ms"
	ok "$mode: drained in $gone ms, without waiting out the 5 s grace"

	# A daemon that ignores TERM is KILLed when the grace period ends.
	# Not before the grace period by the shell's clock too (no load makes
	# that shorter); not much after it by tend's.
	start=$(now_ms)
	run -vv --grace 1s -- sh -c 'daemon ignore "$0"; exit 3' "$TMP/stubborn" 2>"$TMP/err"
	rc=$? took=$(elapsed "$start")
	expect_eq "$rc" 3 "$mode: exit code is the app's after a KILL of the rest"
	expect_match "$TMP/err" 'sent KILL to 1 process after the grace period' "$mode: -vv logs the KILL"
	gone=$(sed -n 's/^tend: all processes gone after \([0-9]*\) ms$/\1/p' "$TMP/err")
	[ "$took" -ge 950 ] && [ "${gone:-0}" -ge 1000 ] && [ "$gone" -lt $((1500 * SLOW)) ] ||
	    fail "$mode: grace 1s, but all were gone after ${gone:-?} ms by tend's clock, $took ms by the test's (want 1000-1500)"
	ok "$mode: TERM-ignoring daemon killed after the grace period ($gone ms)"

	# Nothing left behind: tend leaves right after the app.
	best=999999
	for _ in 1 2 3 4 5; do
		run -- sh -c 'echo $(($(date +%s%N) / 1000000)) >"$0"; exit 5' "$TMP/t" 2>"$TMP/err"
		rc=$?
		d=$(( $(now_ms) - $(cat "$TMP/t") ))
		[ "$d" -lt "$best" ] && best=$d
	done
	expect_eq "$rc" 5 "$mode: exit code with nothing left"
	[ "$best" -lt $((50 * SLOW)) ] || fail "$mode: tend exited $best ms after the app (want < $((50 * SLOW)))"
	ok "$mode: tend exited $best ms after the app with nothing left"
done

# --grace 0: the rest are killed at once.
start=$(now_ms)
as_pid1 --grace 0 -- sh -c 'daemon ignore "$0"' "$TMP/g0" 2>"$TMP/err"
rc=$? took=$(elapsed "$start")
expect_eq "$rc" 0 "--grace 0: app's code"
[ "$took" -lt $((500 * SLOW)) ] || fail "--grace 0 took $took ms"
ok "--grace 0 kills at once ($took ms)"

# --stop-timeout: an app that ignores TERM is KILLed that long after it.
start_pid1 --stop-timeout 500ms --grace 200ms -- sh -c 'trap "" TERM; echo up; while :; do sleep 0.1; done'
wait_for "$TMP/out" '^up$'
start=$(now_ms)
kill -TERM "$TEND_PID"
wait "$NS_PID"; rc=$?
took=$(elapsed "$start")
expect_eq "$rc" 137 "--stop-timeout: the app was KILLed"
[ "$took" -ge 450 ] && [ "$took" -lt $((1500 * SLOW)) ] || fail "--stop-timeout 500ms took $took ms"
ok "--stop-timeout 500ms: app KILLed and tend out after $took ms"
expect_match "$TMP/err" 'sending KILL' "--stop-timeout is logged"

# --pre-stop: TERM reaches the app only after the delay...
start_pid1 --pre-stop 1s -- sh -c 'trap "echo got-term; exit 0" TERM; echo up; while :; do sleep 0.05; done'
wait_for "$TMP/out" '^up$'
start=$(now_ms)
kill -TERM "$TEND_PID"
sleep 0.5
grep -q got-term "$TMP/out" && fail "--pre-stop: TERM forwarded before the delay"
wait "$NS_PID"; rc=$?
took=$(elapsed "$start")
expect_eq "$rc" 0 "--pre-stop: the app handled TERM"
[ "$took" -ge 950 ] && [ "$took" -lt $((1800 * SLOW)) ] || fail "--pre-stop 1s: app stopped after $took ms"
ok "--pre-stop 1s: TERM forwarded after the delay ($took ms)"
# ...and a second TERM, or an INT, cuts it short.
for second in TERM INT; do
	start_pid1 --pre-stop 10s -- sh -c 'trap "echo got-term; exit 0" TERM; trap "" INT; echo up; while :; do sleep 0.05; done'
	wait_for "$TMP/out" '^up$'
	start=$(now_ms)
	kill -TERM "$TEND_PID"
	sleep 0.3
	kill -"$second" "$TEND_PID"
	wait "$NS_PID"; rc=$?
	took=$(elapsed "$start")
	expect_eq "$rc" 0 "--pre-stop: a second signal ($second) made the app stop"
	[ "$took" -lt $((2000 * SLOW)) ] || fail "--pre-stop 10s cut short by $second still took $took ms"
	ok "--pre-stop cut short by $second after $took ms"
done

# --pause: reaps orphans that enter its namespace, exits 0 on TERM.
start_pid1 --pause
sleep 0.2
nsenter -t "$TEND_PID" -p orphans 200 >"$TMP/made" 2>&1 || fail "nsenter orphans: $(cat "$TMP/made")"
expect_match "$TMP/made" '^made 200$' "--pause: 200 orphans made inside its namespace"
sleep 0.5
expect_eq "$(zombies "$TEND_PID")" 0 "--pause: no zombie left under it"
kill -USR1 "$TEND_PID"; kill -HUP "$TEND_PID"
sleep 0.2
kill -0 "$TEND_PID" || fail "--pause died of an ignored signal"
start=$(now_ms)
kill -TERM "$TEND_PID"
wait "$NS_PID"; rc=$?
took=$(elapsed "$start")
expect_eq "$rc" 0 "--pause exits 0 on TERM"
[ "$took" -lt $((1000 * SLOW)) ] || fail "--pause took $took ms to exit with nothing left (grace is 5 s)"
ok "--pause exits at once with nothing left ($took ms)"
start_pid1 --pause
sleep 0.2
kill -INT "$TEND_PID"
wait "$NS_PID"; rc=$?
expect_eq "$rc" 0 "--pause exits 0 on INT"
