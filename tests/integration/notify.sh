#!/bin/sh
# SPDX-License-Identifier: MIT
# sd_notify: with NOTIFY_SOCKET set, tend sends READY=1 when the app has
# started (no --health) or is healthy (--health), STATUS= with each health
# change and STOPPING=1 when shutdown begins; to a path or an abstract
# socket; and a listener that never reads, or none at all, never holds tend.
# notifylisten (tests/helpers) stands in for systemd or podman.
. "$TESTLIB"
need_ns

# listen ADDRESS [-n]: the listener in the background, its lines in $TMP/msgs.
listen() {
	: >"$TMP/msgs"
	case $1 in /*) rm -f "$1" ;; esac
	notifylisten "$@" >"$TMP/msgs" 2>&1 &
	LPID=$!
	BG_PIDS="$BG_PIDS $LPID"
	wait_for "$TMP/msgs" '^ready$'
}
unlisten() { kill "$LPID" 2>/dev/null; wait "$LPID" 2>/dev/null; }
# in_order FILE A B ...: each pattern on a line after the previous one's.
in_order() {
	f=$1; shift
	awk -v pats="$*" 'BEGIN { n = split(pats, p, " "); i = 1 }
		i <= n && $0 ~ p[i] { i++ } END { exit i <= n }' "$f"
}

# 1. No --health: READY=1 once the app started, STOPPING=1 on TERM.
sock=$TMP/notify.sock
listen "$sock"
NOTIFY_SOCKET=$sock start_pid1 -- sh -c 'echo started; exec sleep 30'
wait_for "$TMP/msgs" '^READY=1 STATUS=running$'
ok "READY=1 when the app has started (no --health)"
grep -q STOPPING "$TMP/msgs" && fail "STOPPING=1 before any stop"
kill -TERM "$TEND_PID"; wait "$NS_PID"
wait_for "$TMP/msgs" '^STOPPING=1'
in_order "$TMP/msgs" '^READY=1' '^STOPPING=1' || fail "order: $(cat "$TMP/msgs")"
ok "STOPPING=1 on the stop signal, after READY=1"
expect_eq "$(grep -c . "$TMP/msgs")" 3 "one datagram each: ready, READY, STOPPING"
unlisten

# 2. --health: READY=1 only once the probe passes, with STATUS= lines.
listen "$sock"
NOTIFY_SOCKET=$sock start_pid1 --health "exec:test -e $TMP/up" --health-interval 100ms \
    --health-start-interval 100ms -- sleep 30
wait_for "$TMP/msgs" '^STATUS=starting$'
sleep 0.5
grep -q READY "$TMP/msgs" && fail "READY=1 before the app is healthy: $(cat "$TMP/msgs")"
ok "no READY=1 while the probe fails (STATUS=starting sent)"
touch "$TMP/up"
wait_for "$TMP/msgs" '^READY=1 STATUS=healthy$'
ok "READY=1 with STATUS=healthy once the probe passes"
# wait_count PATTERN N: until N lines of $TMP/msgs match (10 s).
wait_count() {
	for _ in $(seq 100); do
		[ "$(grep -c -- "$1" "$TMP/msgs")" -ge "$2" ] && return 0
		sleep 0.1
	done
	fail "timed out waiting for $2 lines '$1': $(tr '\n' '|' <"$TMP/msgs")"
}
# (It went unhealthy once already while starting: 3 failures in a row.)
n=$(grep -c '^STATUS=unhealthy$' "$TMP/msgs")
rm "$TMP/up"
wait_count '^STATUS=unhealthy$' $((n + 1))
ok "STATUS=unhealthy when it fails --health-retries times"
touch "$TMP/up"
wait_count '^STATUS=healthy$' 1
ok "STATUS=healthy when it recovers"
expect_eq "$(grep -c READY "$TMP/msgs")" 1 "READY=1 is sent once"
kill -TERM "$TEND_PID"; wait "$NS_PID"
wait_for "$TMP/msgs" '^STOPPING=1'
unlisten

# 3. An abstract socket; STOPPING=1 also when the app's own exit ends it.
name=@tend-test-notify.$$
listen "$name"
NOTIFY_SOCKET=$name as_pid1 -- sh -c 'sleep 0.2; exit 3' 2>"$TMP/err"
expect_eq $? 3 "the app's status"
wait_for "$TMP/msgs" '^STOPPING=1'
in_order "$TMP/msgs" '^READY=1' '^STOPPING=1' || fail "order: $(cat "$TMP/msgs")"
ok "abstract socket: READY=1, then STOPPING=1 when the app exited"
unlisten

# 4. Nobody listening, or a listener that never reads: tend is not held.
t0=$(now_ms)
NOTIFY_SOCKET=$TMP/nobody as_pid1 -- true 2>"$TMP/err"
expect_eq $? 0 "no listener: the app runs, status 0"
[ ! -s "$TMP/err" ] || fail "no listener: tend complained: $(cat "$TMP/err")"
listen "$sock" -n
# Enough health changes to fill a one-byte receive buffer many times over.
NOTIFY_SOCKET=$sock timeout 20 $NS "$TEND" -vvv --health "exec:sh -c 'test -e $TMP/up && rm $TMP/up && exit 1; touch $TMP/up'" \
    --health-interval 10ms --health-start-interval 10ms --health-retries 1 -- sleep 1 2>"$TMP/err"
rc=$?
expect_eq "$rc" 0 "a listener that never reads: tend still exits on time with the app's status"
expect_match "$TMP/err" '^tend: NOTIFY_SOCKET: (Resource temporarily unavailable|Try again)' \
    "and its full queue made sends fail at once (EAGAIN), not wait"
unlisten
t1=$(now_ms)
[ $((t1 - t0)) -lt $((10000 * SLOW)) ] || fail "took $((t1 - t0)) ms"

# 5. A bad address is one warning, and the app runs.
NOTIFY_SOCKET=@ as_pid1 -- true 2>"$TMP/err"
expect_eq $? 0 "NOTIFY_SOCKET=@: the app runs"
expect_match "$TMP/err" '^tend: NOTIFY_SOCKET: bad address' "and one warning names it"
