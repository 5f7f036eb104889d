#!/bin/sh
# SPDX-License-Identifier: MIT
# Idle means idle: with a quiet app, tend does not wake up at all.
#
# What is counted is tend's own context switches (/proc/PID/status), which
# other processes' load cannot raise while tend sleeps: a voluntary switch
# is tend going to sleep (each one after the first needs a wake-up), and
# an involuntary one is tend losing the CPU while it runs. So a sleeping
# tend keeps both counts however busy the CPUs are; the windows below
# start only once tend is provably asleep in its loop, never after a
# guessed start-up time.
. "$TESTLIB"
need_ns
skip_emulated "qemu-user threads add context switches the idle budget counts"

switches() {
	awk '/^voluntary_ctxt_switches|^nonvoluntary_ctxt_switches/ { n += $2 } END { print n }' \
	    "/proc/$1/status"
}
voluntary() { awk '/^voluntary_ctxt_switches/ { print $2 }' "/proc/$1/status"; }
nonvoluntary() { awk '/^nonvoluntary_ctxt_switches/ { print $2 }' "/proc/$1/status"; }
state() { awk '/^State:/ { print $2 }' "/proc/$1/status"; }

# wait_asleep: until tend has started the app (its "started" line, -v) and
# then sleeps (state S), bounded. Between that line and its loop's wait
# tend only closes stray fds and changes directory: nothing there sleeps
# interruptibly (a page fault or a lock would show D), so the first S
# after the line is the idle wait, which only a signal ends.
wait_asleep() {
	wait_for "$TMP/err" "started 'sleep'"
	for _ in $(seq 300); do
		[ "$(state "$TEND_PID")" = S ] && return 0
		sleep 0.1
	done
	fail "tend never went to sleep after starting its app: state $(state "$TEND_PID")"
}

for mode in start_pid1 start_plain; do
	$mode -v -- sleep 300
	wait_asleep
	a=$(switches "$TEND_PID")
	sleep 3
	# The state first: a tend woken in the window is either running now
	# (not S) or asleep again, one voluntary switch later.
	s=$(state "$TEND_PID")
	b=$(switches "$TEND_PID")
	expect_eq "$s" S "$mode: still asleep after 3 s of idle"
	expect_eq "$((b - a))" 0 "$mode: zero context switches in 3 s of idle"
	kill -TERM "$TEND_PID"
	wait "$NS_PID" || :
done

# With a probe every second, tend wakes about once a second, and no more.
# A probe starts one interval after the last one ended, so a window of W
# seconds holds at most W + 1 probe starts; each costs tend at most two
# sleeps (until it is due, and for the connection). Load can only delay
# probes, never add sleeps, so the upper bound is 2 * (W + 1) + 1 (the
# sleep the window ends in), with W measured; the window is at least 4 s,
# and lasts (bounded) until tend has slept at least 3 times, so that
# probes ran and woke it. Involuntary switches are left out: they count
# the other processes that took the CPU from a running tend.
testsrv -p 0 -t 600 tcp >"$TMP/port" 2>/dev/null &
BG_PIDS="$BG_PIDS $!"
wait_for "$TMP/port" '^[0-9]+$'
start_plain --health "tcp://127.0.0.1:$(cat "$TMP/port")" --health-interval 1s -- sleep 300
# The first probe passed: start-up is over, tend is in its loop.
wait_for "$TMP/err" 'starting -> healthy'
t0=$(now_ms)
a=$(voluntary "$TEND_PID")
ia=$(nonvoluntary "$TEND_PID")
sleep 4
for _ in $(seq 300); do
	b=$(voluntary "$TEND_PID")
	[ "$((b - a))" -ge 3 ] && break
	sleep 0.1
done
ib=$(nonvoluntary "$TEND_PID")
t1=$(now_ms)
n=$((b - a))
w=$(((t1 - t0) / 1000))
max=$((2 * (w + 1) + 1))
[ "$n" -ge 3 ] && [ "$n" -le "$max" ] ||
    fail "health every 1 s: tend slept $n times in $((t1 - t0)) ms, expected 3-$max"
ok "health every 1 s: tend slept $n times in $((t1 - t0)) ms (3-$max; $((ib - ia)) involuntary switches)"
kill -TERM "$TEND_PID"
wait "$NS_PID" || :
