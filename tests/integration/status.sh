#!/bin/sh
# SPDX-License-Identifier: MIT
# status.sh - "tend status" tells the truth or fails (issue 11, items 4, 7, 8, 10):
# a squatter outside tend's PID namespace that binds the status name first,
# as root and as uid 65534, is refused by the client and reported by tend,
# which runs the app on; a dripping server meets one 2 s deadline; terminal
# escapes are shown escaped; out of fds is reported as that; a connect flood
# on the socket neither delays signals nor leaves zombies waiting.
# Runs in a private network namespace, so the host's abstract names are untouched.
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root (a private network namespace, setpriv)"; exit 77; }
if [ -z "${STATUS_NETNS:-}" ]; then
	unshare --net true 2>/dev/null || { echo "SKIP: the kernel refuses a network namespace"; exit 77; }
	STATUS_NETNS=1 exec unshare --net sh "$0"
fi
. "$TESTLIB"
need_ns

# start_held ARGS...: PID 1 of a fresh PID namespace waits for "go", then
# execs tend ARGS; sets P1 (its pid here). Its namespace, and so the status
# name, is known before tend runs.
start_held() {
	rm -f "$TMP/go"
	mkfifo "$TMP/go"
	unshare --pid --fork --mount-proc sh -c 'read _ <"$0"; exec "$@"' "$TMP/go" \
	    "$TEND" "$@" >"$TMP/out" 2>"$TMP/err" &
	NS_PID=$!
	BG_PIDS="$BG_PIDS $NS_PID"
	P1=""
	for _ in $(seq 100); do
		P1=$(cat "/proc/$NS_PID/task/$NS_PID/children" 2>/dev/null | tr -d ' ')
		[ -n "$P1" ] && break
		sleep 0.02
	done
	[ -n "$P1" ] || fail "the namespace's PID 1 did not start"
	BG_PIDS="$BG_PIDS $P1"
}
go() { echo go >"$TMP/go"; }
# stop_held: TERM tend and wait for it, so the next case starts clean.
stop_held() { kill "$P1" 2>/dev/null; wait "$NS_PID" 2>/dev/null; }
# status_in [PREFIX...]: run "tend status" inside P1's namespace.
# (The client enters tend's PID namespace but keeps this /proc, where its
# own pid names another process: an ASan build's LeakSanitizer, which reads
# /proc/<pid>/task at exit, is told not to.)
status_in() {
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
	    nsenter -t "$P1" -p "$@" "$TEND" status >"$TMP/st" 2>"$TMP/sterr"
	echo $? >"$TMP/rc"
}

HEALTH="--health exec:true --health-interval 100ms"

# Case 1: no squatter: the same setup answers healthy.
start_held $HEALTH -- sleep 1000
go
wait_for "$TMP/err" 'starting -> healthy'
status_in
expect_eq "$(cat "$TMP/rc")" 0 "no squatter: status exits 0"
expect_match "$TMP/st" '^healthy: exit 0, ' "no squatter: status says healthy"
stop_held

# Case 2/3: a squatter outside tend's PID namespace, as root and as uid 65534.
for who in root nobody; do
	case $who in
	root) AS="" ;;
	nobody) AS="setpriv --reuid=65534 --regid=65534 --clear-groups" ;;
	esac
	start_held $HEALTH -- sleep 1000
	# The name is predictable: the squatter needs no access to tend's /proc.
	$AS statsock squat "$(readlink "/proc/$P1/ns/pid")" answer "healthy: exit 0, 1s ago" >"$TMP/sq-$who" 2>&1 &
	SQ=$!
	BG_PIDS="$BG_PIDS $SQ"
	wait_for "$TMP/sq-$who" '^ready$'
	go
	wait_for "$TMP/err" 'starting -> healthy'
	expect_match "$TMP/err" "^tend: 'tend status' is off: another process holds its socket name" \
	    "squatter ($who): tend says plainly the name is held by another process"
	status_in
	expect_eq "$(cat "$TMP/rc")" 2 "squatter ($who): status exits 2"
	expect_eq "$(cat "$TMP/st")" "" "squatter ($who): status prints nothing on stdout"
	expect_match "$TMP/sterr" 'held by a process outside this PID namespace' \
	    "squatter ($who): status says why it refuses the answer"
	status_in setpriv --reuid=65534 --regid=65534 --clear-groups
	expect_eq "$(cat "$TMP/rc") $(cat "$TMP/st")" "2 " "squatter ($who): refused for a client of uid 65534 too"
	kill -0 "$P1" 2>/dev/null && [ -n "$(cat "/proc/$P1/task/$P1/children")" ] ||
	    fail "squatter ($who): tend or its app is gone"
	ok "squatter ($who): tend runs the app on without the status socket"
	kill "$SQ"
	stop_held
done

# Case 4: a server in our own namespace that drips its answer, one byte per
# 100 ms for 6 s: one 2 s deadline in all, not 2 s per byte.
$NS sh -c 'statsock squat self drip "healthy: $(printf %050d 0)" >"$0/sq4" &
	while ! grep -q ready "$0/sq4" 2>/dev/null; do sleep 0.02; done
	t0=$(date +%s%N); "$TEND" status; echo "rc $? ms $((($(date +%s%N) - t0) / 1000000))"' \
    "$TMP" >"$TMP/out" 2>"$TMP/err"
expect_match "$TMP/out" '^rc 2 ms ' "dripping server: status exits 2"
ms=$(sed -n 's/^rc 2 ms //p' "$TMP/out")
[ "$ms" -lt $((3500 * SLOW)) ] || fail "dripping server: status took $ms ms, want about 2000"
ok "dripping server: status gave up after $ms ms"
expect_match "$TMP/err" 'timed out' "dripping server: status says it timed out"

# Case 5: an answer full of terminal escapes is shown, not obeyed.
$NS sh -c 'statsock squat self answer "$(printf "healthy: \033]0;pwned\007\033[2Jred\\\\\177\303\251")" >"$0/sq5" &
	while ! grep -q ready "$0/sq5" 2>/dev/null; do sleep 0.02; done
	"$TEND" status; echo "rc $?"' "$TMP" >"$TMP/out" 2>"$TMP/err"
expect_eq "$(sed -n 1p "$TMP/out")" 'healthy: \x1b]0;pwned\x07\x1b[2Jred\\\x7f\xc3\xa9' \
    "control bytes, DEL, non-ASCII and the backslash are escaped"
expect_eq "$(sed -n 2p "$TMP/out")" "rc 0" "an escaped healthy answer still exits 0"

# Case 6: out of fds for the status socket is reported as that.
# The first limit that leaves no fd for it depends on the build (ASan opens its own).
found=0
for n in $(seq 4 40); do
	# (LeakSanitizer's exit-time check cannot work without fds: off for this.)
	ASAN_OPTIONS=detect_leaks=0 timeout 30 $NS prlimit --nofile="$n" "$TEND" $HEALTH -- true \
	    >/dev/null 2>"$TMP/err"
	grep -q "another process holds" "$TMP/err" && fail "nofile=$n: out of fds reported as a held name"
	# musl's and glibc's words for EMFILE
	grep -Eq "'tend status' is off: cannot open its socket: (No file descriptors available|Too many open files)" \
	    "$TMP/err" && found=1 && break
done
expect_eq "$found" 1 "out of fds: tend says so, not that the name is held"

# Case 7: a flood of 64 clients on the socket: signals still get through at
# once and orphans are reaped.
start_pid1 $HEALTH -- sigecho -x 15
wait_for "$TMP/out" '^ready$'
statsock flood "$TEND_PID" 64 >"$TMP/fl" &
FL=$!
BG_PIDS="$BG_PIDS $FL"
wait_for "$TMP/fl" '^ready$'
sleep 0.5
worst=0
for i in $(seq 20); do
	t0=$(now_ms)
	kill -USR1 "$TEND_PID"
	for _ in $(seq 300); do
		[ "$(grep -c '^10$' "$TMP/out")" -ge "$i" ] && break
		sleep 0.01
	done
	dt=$(($(now_ms) - t0))
	[ "$(grep -c '^10$' "$TMP/out")" -ge "$i" ] || fail "flood: signal $i not delivered in 3 s"
	[ "$dt" -gt "$worst" ] && worst=$dt
done
[ "$worst" -lt $((1000 * SLOW)) ] || fail "flood: a signal took $worst ms to get through"
ok "flood: 20 signals each delivered within 1 s (worst $worst ms, polling every 10 ms)"
nsenter -t "$TEND_PID" -p orphans 500 >/dev/null
for _ in $(seq 100); do
	[ "$(zombies "$TEND_PID")" = 0 ] && break
	sleep 0.05
done
expect_eq "$(zombies "$TEND_PID")" 0 "flood: 500 orphans are reaped while it goes on"
kill "$FL"
kill "$TEND_PID"
wait "$NS_PID"
expect_eq $? 0 "flood: tend exits with the app after TERM"
