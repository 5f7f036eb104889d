#!/bin/sh
# SPDX-License-Identifier: MIT
# The drain uses the runtime's stop budget: after a stop signal, what the
# app leaves behind may run until --stop-budget (9 s, under docker stop's
# 10 s) counted from the signal, however soon the app itself exits; then
# it is KILLed and tend exits with the app's own status, before the
# runtime's KILL. A shutdown the app's own exit began keeps --grace.
. "$TESTLIB"
need_ns

# flush MS: the app leaves a daemon that needs MS ms to flush on TERM, and
# exits 5 on TERM itself. TERM to tend at t0; prints "RC MS-TO-EXIT".
flush() {
	rm -f "$TMP/flushed"
	start_pid1 "$@" -- sh -c 'daemon term "$0" "$1" && trap "exit 5" TERM &&
		echo up && while :; do sleep 0.1; done' "$TMP/flushed" "$FLUSH"
	wait_for "$TMP/out" '^up$' 100
	t0=$(now_ms)
	kill -TERM "$TEND_PID"
	wait "$NS_PID"
	rc=$?
	echo "$rc $(( $(now_ms) - t0 ))"
}

# 1. A 7 s flush under the default budget completes: the old 5 s grace
#    from the app's exit would have cut it.
FLUSH=7000
set -- $(flush -v)
expect_eq "$1" 5 "7 s flush: exit status is the app's"
[ -e "$TMP/flushed" ] || fail "7 s flush: the daemon was killed before it flushed ($2 ms)"
[ "$2" -ge 6900 ] && [ "$2" -lt $((8800 * SLOW)) ] || fail "7 s flush took $2 ms"
ok "7 s flush completes within the 9 s budget ($2 ms after TERM)"

# 2. A 12 s flush is KILLed when the budget ends, 9 s after TERM: before
#    docker stop's KILL at 10 s, and the status is still the app's.
FLUSH=12000
set -- $(flush -vv)
expect_eq "$1" 5 "12 s flush: exit status is still the app's"
[ ! -e "$TMP/flushed" ] || fail "12 s flush: the daemon finished?"
[ "$2" -ge 8900 ] && [ "$2" -lt $((9900 * SLOW)) ] || fail "12 s flush: tend exited after $2 ms (want 9000-9900)"
ok "12 s flush KILLed when the budget ends ($2 ms after TERM)"
expect_match "$TMP/err" 'sent KILL to 1 process' "and the KILL is logged"
echo "  timeline: $(tr '\n' '|' <"$TMP/err")"

# 3. --stop-budget sets it (Kubernetes gives 30 s), and 0 goes back to
#    --grace from the app's exit.
FLUSH=3000
set -- $(flush --stop-budget 1s)
[ ! -e "$TMP/flushed" ] && [ "$2" -lt $((1900 * SLOW)) ] ||
    fail "--stop-budget 1s: flushed=$([ -e "$TMP/flushed" ] && echo yes || echo no) after $2 ms"
ok "--stop-budget 1s: KILLed at 1 s ($2 ms)"
set -- $(flush --stop-budget 0 --grace 500ms)
[ ! -e "$TMP/flushed" ] && [ "$2" -lt $((1400 * SLOW)) ] ||
    fail "--stop-budget 0 --grace 500ms: took $2 ms"
ok "--stop-budget 0: the grace counts from the app's exit again ($2 ms)"
TEND_STOP_BUDGET=4s
export TEND_STOP_BUDGET
set -- $(flush)
unset TEND_STOP_BUDGET
[ -e "$TMP/flushed" ] || fail "TEND_STOP_BUDGET=4s: a 3 s flush was cut ($2 ms)"
ok "TEND_STOP_BUDGET=4s lets a 3 s flush finish ($2 ms)"

# 4. When the app's own exit begins the shutdown, the grace still rules:
#    --grace 1s cuts a 3 s flush at 1 s after the exit.
t0=$(now_ms)
as_pid1 --grace 1s -- sh -c 'daemon term "$0" 3000; exit 4' "$TMP/flushed2" 2>"$TMP/err"
rc=$? took=$(( $(now_ms) - t0 ))
expect_eq "$rc" 4 "app's own exit: its status"
[ ! -e "$TMP/flushed2" ] && [ "$took" -lt $((2500 * SLOW)) ] || fail "app exit + --grace 1s took $took ms"
ok "app's own exit: --grace 1s from the exit still applies ($took ms)"
