#!/bin/sh
# SPDX-License-Identifier: MIT
# Idle means idle: with a quiet app, tend does not wake up at all.
. "$TESTLIB"
need_ns

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
