#!/bin/sh
# SPDX-License-Identifier: MIT
# Health probes: Docker's state machine, timeouts, exec probes that leave
# nothing behind, --health-action stop, "tend status" and "tend probe".
# Everything runs inside one PID namespace per case, with testsrv as the
# probe target on 127.0.0.1 (each PID namespace also gets its own network
# namespace here, so parallel tests never see each other's servers).
. "$TESTLIB"
need_ns
skip_emulated "qemu-user's own threads are counted as left-over probe processes"
NS="$NS --net"
$NS sh -c 'ip link set lo up 2>/dev/null || ifconfig lo up 2>/dev/null' ||
    skip "cannot bring up loopback in a new network namespace"

# Each case is a script run in a fresh PID+network namespace: it brings up
# loopback, starts its test server, then execs tend, which becomes PID 1.
cat >"$TMP/lo.sh" <<'EOS'
ip link set lo up 2>/dev/null || ifconfig lo up
EOS

# Case 1: starting -> healthy -> unhealthy -> healthy, with tend status in
# each. Each state is waited for (bounded), never given a fixed time: the
# server holds the first probe unanswered (-g) until the app has asked once,
# so "starting" is seen whatever the load; the status file is replaced in
# one rename, so no probe reads it half written.
cat >"$TMP/c1.sh" <<'EOS'
. "$0.lo"
st=$1/st; echo 200 >"$st"
testsrv -p 0 -g "$1/go" -s "$st" http >"$1/port" 2>/dev/null &
while [ ! -s "$1/port" ]; do sleep 0.05; done
exec "$TEND" --health "http://127.0.0.1:$(cat "$1/port")/h" --health-interval 300ms \
    --health-retries 2 --health-start-period 600ms --health-start-interval 100ms -- sh -c '
	tend_st() { "$TEND" status; echo "rc $?"; }
	# until_st STATE: status until it says STATE (30 s at most), then once more.
	until_st() {
		for _ in $(seq 600); do
			case $("$TEND" status) in "$1:"*) break ;; esac
			sleep 0.05
		done
		tend_st
	}
	set_st() { echo "$1" >"$0.new" && mv "$0.new" "$0"; }
	tend_st; : >"$1"
	until_st healthy
	set_st 500; until_st unhealthy
	set_st 200; until_st healthy' "$st" "$1/go"
EOS
cp "$TMP/lo.sh" "$TMP/c1.sh.lo"
TEND="$TEND" $NS sh "$TMP/c1.sh" "$TMP" >"$TMP/out" 2>"$TMP/err"
expect_eq $? 0 "transitions: app exited 0"
expect_eq "$(grep -c . "$TMP/out")" 8 "transitions: four status answers"
expect_eq "$(sed -n 2p "$TMP/out")" "rc 1" "status exits 1 while starting"
expect_match "$TMP/out" '^starting: no probe has finished yet$' "status says starting before any probe"
expect_eq "$(sed -n 3p "$TMP/out" | cut -d, -f1)" "healthy: HTTP 200" "status says healthy with the last result"
expect_eq "$(sed -n 4p "$TMP/out")" "rc 0" "status exits 0 when healthy"
# The age is a duration as tend writes them: "0s" under 1 ms (a query
# answered in the turn after a probe's verdict), "1s20ms" over 1 s.
expect_match "$TMP/out" '^unhealthy: HTTP 500, ([0-9]+(h|m|s|ms))+ ago$' "status says unhealthy, the result and its age"
expect_eq "$(sed -n 6p "$TMP/out")" "rc 1" "status exits 1 when unhealthy"
expect_eq "$(sed -n 8p "$TMP/out")" "rc 0" "healthy again after recovery"
expect_eq "$(grep -o 'health: [a-z]* -> [a-z]*' "$TMP/err" | tr '\n' ';')" \
    "health: starting -> healthy;health: healthy -> unhealthy;health: unhealthy -> healthy;" \
    "every state change is logged at the default verbosity, in order"
expect_match "$TMP/err" 'healthy -> unhealthy \(HTTP 500\)' "the log line names the last result"

# Case 2: failures inside the start period do not count; retries=1. The
# app waits (bounded) until the server has answered 503 three times, then
# switches it to 200 and waits for healthy. The start period (30 s) is
# only the bound: the failures need not fit a guessed time.
cat >"$TMP/c2.sh" <<'EOS'
. "$0.lo"
st=$1/st2; echo 503 >"$st"
testsrv -p 0 -s "$st" http >"$1/port2" 2>"$1/srv2" &
while [ ! -s "$1/port2" ]; do sleep 0.05; done
exec "$TEND" --health "http://127.0.0.1:$(cat "$1/port2")/" --health-retries 1 \
    --health-start-period 30s --health-start-interval 100ms --health-interval 100ms -- \
    sh -c '
	for _ in $(seq 600); do
		[ "$(grep -c -- "-> 503" "$1")" -ge 3 ] && break
		sleep 0.05
	done
	echo "503s $(grep -c -- "-> 503" "$1")"
	"$TEND" status
	echo 200 >"$0.new" && mv "$0.new" "$0"
	for _ in $(seq 600); do "$TEND" status >/dev/null && exit 0; sleep 0.05; done
	exit 1' "$st" "$1/srv2"
EOS
cp "$TMP/lo.sh" "$TMP/c2.sh.lo"
TEND="$TEND" $NS sh "$TMP/c2.sh" "$TMP" >"$TMP/out" 2>"$TMP/err"
expect_eq $? 0 "start period: app exited 0, having seen tend healthy"
[ "$(sed -n 's/^503s //p' "$TMP/out")" -ge 3 ] || fail "start period: expected 3 failed probes, got $(cat "$TMP/out")"
expect_match "$TMP/out" '^starting: HTTP 503, ' "start period: still starting after 3 failures with retries=1"
expect_eq "$(grep -o 'health: [a-z]* -> [a-z]*' "$TMP/err" | tr '\n' ';')" \
    "health: starting -> healthy;" "start period: 3 or more failures with retries=1 did not count"

# Case 3: a hanging server is cut off at the timeout. The app waits
# (bounded) for tend to say unhealthy.
cat >"$TMP/c3.sh" <<'EOS'
. "$0.lo"
testsrv -p 0 hang >"$1/port3" 2>/dev/null &
while [ ! -s "$1/port3" ]; do sleep 0.05; done
exec "$TEND" --health "http://127.0.0.1:$(cat "$1/port3")/" --health-retries 1 \
    --health-interval 100ms --health-timeout 300ms -- sh -c '
	for _ in $(seq 600); do
		case $("$TEND" status) in unhealthy:*) exit 0 ;; esac
		sleep 0.05
	done
	exit 1'
EOS
cp "$TMP/lo.sh" "$TMP/c3.sh.lo"
TEND="$TEND" $NS sh "$TMP/c3.sh" "$TMP" >"$TMP/out" 2>"$TMP/err"
expect_eq $? 0 "timeout: app exited 0"
expect_match "$TMP/err" 'starting -> unhealthy \(timed out after 300ms\)' "a hanging probe fails at its timeout"

# Case 4: exec probes that fork, double-fork and setsid() and then hang
# leave nothing behind. Ten probes time out (retries 10), then
# --health-action stop sends TERM; no new probe starts after that, so the
# app then waits (bounded) for the state to check: none of the processes
# the probes started is left, and no zombie. Every probe records the pid
# of its setsid() child first, so the check cannot pass vacuously.
ln -sf "$(command -v sleep)" "$TMP/probesleep"
TEND="$TEND" $NS "$TEND" --health "exec:sh -c '$TMP/probesleep 100 & \
	setsid sh -c \"echo \\\$\\\$ >>$TMP/marks; exec $TMP/probesleep 100\" & \
	(sh -c \"$TMP/probesleep 100\" &) ; $TMP/probesleep 100'" \
    --health-interval 50ms --health-timeout 1s --health-retries 10 \
    --health-action stop -- sh -c '
	. "$0"
	trap "stop=1" TERM
	stop=""
	while [ -z "$stop" ]; do sleep 0.05; done
	for _ in $(seq 200); do
		left=$(cat /proc/[0-9]*/comm 2>/dev/null | grep -c "^probesleep$")
		[ "$left" = 0 ] && [ "$(zombies)" = 0 ] && break
		sleep 0.05
	done
	echo "left $left"; echo "zombies $(zombies)"' "$TESTLIB" >"$TMP/out" 2>"$TMP/err"
expect_eq $? 124 "exec probes: stopped as unhealthy after ten timeouts"
expect_eq "$(grep -c 'timed out after 1s' "$TMP/err")" 1 "the tenth timeout made it unhealthy"
[ "$(grep -c . "$TMP/marks")" -ge 10 ] || fail "expected 10 probes to start a setsid child, got $(cat "$TMP/marks")"
ok "ten probes started a setsid() child each"
expect_match "$TMP/out" '^left 0$' "no probe process, grandchild or setsid() child is left"
expect_match "$TMP/out" '^zombies 0$' "no zombie is left"
# A probe that writes 10 MB and exits 0 is healthy: its end of the pipe
# blocks, tend drains it.
TEND="$TEND" $NS "$TEND" --health "exec:sh -c 'head -c 10000000 /dev/zero; echo; exit 0'" \
    --health-interval 100ms --health-timeout 20s --health-action stop -- sh -c '
	for _ in $(seq 600); do "$TEND" status >/dev/null && exit 0; sleep 0.05; done; exit 1' \
    >"$TMP/out" 2>"$TMP/err"
expect_eq $? 0 "a probe writing 10 MB: the app saw tend healthy"
expect_match "$TMP/err" 'starting -> healthy \(exit 0\)' "a probe writing 10 MB and exiting 0 is healthy"
# The app waits (bounded) for healthy rather than giving the probe 0.5 s.
TEND="$TEND" $NS "$TEND" --health "exec:sh -c 'echo all good; exit 0'" \
    --health-interval 100ms -- sh -c '
	for _ in $(seq 600); do "$TEND" status >/dev/null && exit 0; sleep 0.05; done; exit 1' \
    >"$TMP/out" 2>"$TMP/err"
expect_eq $? 0 "exec probe: the app saw tend healthy"
expect_match "$TMP/err" 'starting -> healthy \(exit 0: all good\)' "exec probe logs exit code and first output line"

# Case 5: --health-action stop ends the app and tend exits 124.
cat >"$TMP/c5.sh" <<'EOS'
. "$0.lo"
exec "$TEND" --health tcp://127.0.0.1:1 --health-retries 2 --health-interval 100ms \
    --health-action stop -- sigecho -x 15
EOS
cp "$TMP/lo.sh" "$TMP/c5.sh.lo"
TEND="$TEND" $NS sh "$TMP/c5.sh" "$TMP" >"$TMP/out" 2>"$TMP/err"
expect_eq $? 124 "--health-action stop: tend exits 124 (stopped because unhealthy)"
expect_match "$TMP/out" '^15$' "--health-action stop: the app got SIGTERM"
expect_match "$TMP/err" 'connect: Connection refused' "the refused connection is the logged reason"

# Case 6: tend status on a read-only root, as a non-root user; 2 with no tend.
cat >"$TMP/c6.sh" <<'EOS'
. "$0.lo"
exec "$TEND" --health "exec:true" --health-interval 100ms -- sh -c '
	for _ in $(seq 600); do "$TEND" status >/dev/null && break; sleep 0.05; done
	unshare --mount sh -c "mount -o remount,bind,ro / || exit 9
	    if touch /x-$$ 2>/dev/null; then rm -f /x-$$; echo rw; else echo ro-ok; fi
	    \"$TEND\" status; echo rc \$?"
	setpriv --reuid 65534 --regid 65534 --clear-groups "$TEND" status; echo "rc $?"'
EOS
cp "$TMP/lo.sh" "$TMP/c6.sh.lo"
TEND="$TEND" $NS sh "$TMP/c6.sh" "$TMP" >"$TMP/out" 2>"$TMP/err"
expect_match "$TMP/out" '^ro-ok$' "root filesystem was read-only for the status client"
expect_eq "$(grep -c '^healthy: exit 0, ' "$TMP/out")" 2 "status answers on a read-only root and as uid 65534"
expect_eq "$(grep -c '^rc 0$' "$TMP/out")" 2 "both exit 0"
$NS "$TEND" status >"$TMP/out" 2>"$TMP/err"
expect_eq $? 2 "status exits 2 when no tend with health checks runs"
expect_match "$TMP/err" 'no tend with health checks is running' "and says so"

# Case 7: tend probe, one shot: up, down, refused, timeout, garbage, reset.
cat >"$TMP/c7.sh" <<'EOS'
. "$0.lo"
echo 204 >"$1/st7"
testsrv -p 0 -s "$1/st7" http >"$1/p7a" 2>/dev/null &
testsrv -p 0 hang >"$1/p7b" 2>/dev/null &
testsrv -p 0 garbage >"$1/p7c" 2>/dev/null &
testsrv -p 0 reset >"$1/p7d" 2>/dev/null &
testsrv -6 -p 0 tcp >"$1/p7e" 2>/dev/null &
for f in a b c d e; do while [ ! -s "$1/p7$f" ]; do sleep 0.05; done; done
p() { "$TEND" probe "$@"; echo "rc $?"; }
p "http://127.0.0.1:$(cat "$1/p7a")/"
echo 503 >"$1/st7"; p "http://localhost:$(cat "$1/p7a")/ready"
p tcp://127.0.0.1:1
p "http://127.0.0.1:$(cat "$1/p7b")/" --timeout 300ms
p "http://127.0.0.1:$(cat "$1/p7c")/"
p "http://127.0.0.1:$(cat "$1/p7d")/"
p "tcp://[::1]:$(cat "$1/p7e")"
p "exec:false"
p "bogus://x"
EOS
cp "$TMP/lo.sh" "$TMP/c7.sh.lo"
TEND="$TEND" $NS sh "$TMP/c7.sh" "$TMP" >"$TMP/out" 2>"$TMP/err"
expect_eq "$(tr '\n' '|' <"$TMP/out")" "healthy: HTTP 204|rc 0|unhealthy: HTTP 503|rc 1|\
unhealthy: connect: Connection refused|rc 1|unhealthy: timed out after 300ms|rc 1|\
$(sed -n 9p "$TMP/out")|rc 1|$(sed -n 11p "$TMP/out")|rc 1|healthy: connected|rc 0|\
unhealthy: exit 1|rc 1|rc 2|" "tend probe: 0 up, 1 down/refused/timeout/garbage/reset/exit, 2 bad spec"
expect_match "$TMP/out" '^unhealthy: bad HTTP response' "garbage is a bad HTTP response"
expect_match "$TMP/err" 'bad probe "bogus://x"' "a bad spec says what is wrong"

# Case 8: interim (1xx) responses before the final one are skipped, as the
# kubelet's Go client skips them: 100 Continue and 103 Early Hints (with a
# header) before a 200 or a 503; more than five of them are refused.
cat >"$TMP/c8.sh" <<'EOS'
. "$0.lo"
echo 200 >"$1/st8"
testsrv -p 0 -i 2 -s "$1/st8" http >"$1/p8a" 2>/dev/null &
testsrv -p 0 -i 5 -s "$1/st8" http >"$1/p8b" 2>/dev/null &
testsrv -p 0 -i 6 -s "$1/st8" http >"$1/p8c" 2>/dev/null &
for f in a b c; do while [ ! -s "$1/p8$f" ]; do sleep 0.05; done; done
p() { "$TEND" probe "$@"; echo "rc $?"; }
p "http://127.0.0.1:$(cat "$1/p8a")/"
p "http://127.0.0.1:$(cat "$1/p8b")/"
p "http://127.0.0.1:$(cat "$1/p8c")/"
echo 503 >"$1/st8"; p "http://127.0.0.1:$(cat "$1/p8a")/"
EOS
cp "$TMP/lo.sh" "$TMP/c8.sh.lo"
TEND="$TEND" $NS sh "$TMP/c8.sh" "$TMP" >"$TMP/out" 2>"$TMP/err"
expect_eq "$(tr '\n' '|' <"$TMP/out")" "healthy: HTTP 200|rc 0|healthy: HTTP 200|rc 0|\
unhealthy: bad HTTP response: too many 1xx responses|rc 1|unhealthy: HTTP 503|rc 1|" \
    "1xx responses: skipped (2 and 5 before a 200), more than 5 refused, the final 503 counts"
