#!/bin/sh
# SPDX-License-Identifier: MIT
# Idle means idle: with a quiet app, tend does not wake up at all.
. "$TESTLIB"
need_ns
skip_emulated "qemu-user threads add context switches the idle budget counts"

switches() {
	awk '/^voluntary_ctxt_switches|^nonvoluntary_ctxt_switches/ { n += $2 } END { print n }' \
	    "/proc/$1/status"
}
for mode in start_pid1 start_plain; do
	$mode -- sleep 30
	sleep 0.5
	a=$(switches "$TEND_PID")
	sleep 3
	b=$(switches "$TEND_PID")
	expect_eq "$((b - a))" 0 "$mode: zero context switches in 3 s of idle"
	kill -TERM "$TEND_PID"
	wait "$NS_PID" || :
done

# With a probe every second, tend wakes about once a second, and no more.
testsrv -p 0 tcp >"$TMP/port" 2>/dev/null &
BG_PIDS="$BG_PIDS $!"
wait_for "$TMP/port" '^[0-9]+$'
start_plain --health "tcp://127.0.0.1:$(cat "$TMP/port")" --health-interval 1s -- sleep 30
sleep 1.2
a=$(switches "$TEND_PID")
sleep 4
b=$(switches "$TEND_PID")
n=$((b - a))
[ "$n" -ge 3 ] && [ "$n" -le 8 ] || fail "health every 1 s: $n context switches in 4 s, expected 3-8"
ok "health every 1 s: $n context switches in 4 s"
kill -TERM "$TEND_PID"
wait "$NS_PID" || :
