#!/bin/sh
# SPDX-License-Identifier: MIT
# Zombie storm: the app makes 100,000 orphans in a few seconds, half of
# them already zombies when they are reparented. tend reaps every one,
# stays up, and still forwards the final SIGTERM and exits with the app's
# code. Done as PID 1 and again as a subreaper outside a namespace.
. "$TESTLIB"
need_ns
skip_emulated "the orphanstorm helper clones with flags qemu-user refuses (EINVAL)"

N=100000
storm() { # LABEL START-FUNCTION
	$2 -- sh -c 'orphanstorm "$0" && exec sigcount -x 42' "$N"
	t0=$(now_ms)
	wait_for "$TMP/out" '^made [0-9]+$' 1200
	t1=$(now_ms)
	expect_match "$TMP/out" "^made $N\$" "$1: the app made $N orphans ($((t1 - t0)) ms)"
	wait_for "$TMP/out" '^ready$'
	kill -0 "$TEND_PID" 2>/dev/null || fail "$1: tend died in the storm"
	# Everything has exited; give tend a moment to reap the last ones.
	for _ in $(seq 100); do
		[ "$(zombies "$TEND_PID")" = 0 ] && break
		sleep 0.1
	done
	z=$(zombies "$TEND_PID")
	expect_eq "$z" 0 "$1: no zombie left under tend $(( $(now_ms) - t1 )) ms after the storm"
	kids=$(cat "/proc/$TEND_PID/task/$TEND_PID/children")
	expect_eq "$(echo $kids | wc -w)" 1 "$1: tend's only child left is the app"
	kill -TERM "$TEND_PID"
	wait_exit 10
	expect_eq "$RC" 42 "$1: SIGTERM forwarded, tend exits with the app's code"
	expect_match "$TMP/out" '^sig 15 1$' "$1: the app got exactly one SIGTERM"
	grep -v '^tend: started' "$TMP/err" | grep -q . &&
	    fail "$1: tend logged during the storm: $(head -3 "$TMP/err")"
	ok "$1: tend logged nothing unexpected"
}
storm "PID 1" start_pid1
storm "subreaper" start_plain
