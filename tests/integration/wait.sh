#!/bin/sh
# SPDX-License-Identifier: MIT
# Waiting for dependencies: "tend wait PROBE..." and --wait-for as PID 1
# (success, timeout naming the probe, TERM while waiting exits 143 and
# starts nothing, TEND_WAIT_FOR's comma list, progress logged per state
# change and not per try). Each case runs in its own PID and network
# namespace, with testsrv as the dependency that comes up late.
. "$TESTLIB"
need_ns
NS="$NS --net"
$NS sh -c 'ip link set lo up 2>/dev/null || ifconfig lo up 2>/dev/null' ||
    skip "cannot bring up loopback in a new network namespace"

# A dependency that comes up after 0.6 s on a fixed port of its own namespace.
cat >"$TMP/late.sh" <<'EOS'
ip link set lo up 2>/dev/null || ifconfig lo up
(sleep 0.6; exec testsrv -p 7001 -t 30 http >/dev/null 2>&1) &
EOS

# 1: tend wait succeeds once the late server is up, logging each state once.
cat >"$TMP/c1.sh" <<'EOS'
. "$0.late"
"$TEND" wait --interval 50ms --timeout 20s tcp://127.0.0.1:7001 http://localhost:7001/
EOS
cp "$TMP/late.sh" "$TMP/c1.sh.late"
TEND="$TEND" $NS sh "$TMP/c1.sh" >"$TMP/out" 2>"$TMP/err"
expect_eq $? 0 "tend wait: exits 0 once every probe passed"
expect_eq "$(grep -c 'tcp://127.0.0.1:7001 is not up yet (connect: Connection refused)' "$TMP/err")" 1 \
    "the failing state is logged once, not once per try (about 12 tries)"
expect_match "$TMP/err" 'wait: tcp://127.0.0.1:7001 is up \(connected\)$' "the success is logged"
expect_match "$TMP/err" 'wait: http://localhost:7001/ is up \(HTTP 200\)$' "every probe is waited for"

# 2: tend wait gives up at the timeout with one line naming what failed.
t0=$(now_ms)
$NS sh -c 'ip link set lo up; exec "$0" "$@"' "$TEND" wait --timeout 700ms --interval 100ms tcp://127.0.0.1:7002 \
    >"$TMP/out" 2>"$TMP/err"
rc=$?; t=$(( $(now_ms) - t0 ))
expect_eq $rc 1 "tend wait: exits 1 at the timeout"
expect_match "$TMP/err" '^tend: wait: gave up after 700ms; not up: tcp://127.0.0.1:7002 \(connect: Connection refused\)$' \
    "the timeout line names the probe and its last result"
[ "$t" -ge 650 ] && [ "$t" -lt $((5000 * SLOW)) ] || fail "timeout after $t ms, expected 700"
ok "it gave up after the timeout ($t ms)"
"$TEND" wait --interval 0 tcp://127.0.0.1:1 2>"$TMP/err"
expect_eq $? 2 "a bad --interval is a usage error"
"$TEND" wait tcp://nowhere 2>"$TMP/err"
expect_eq $? 2 "a bad probe is a usage error"

# 3: --wait-for as PID 1 starts the app only after the probe passed.
cat >"$TMP/c3.sh" <<'EOS'
. "$0.late"
exec "$TEND" --wait-for tcp://127.0.0.1:7001 -- sh -c 'echo "started, dependency: $(cat /proc/net/tcp | grep -c ":1B59 ")"'
EOS
cp "$TMP/late.sh" "$TMP/c3.sh.late"
TEND="$TEND" $NS sh "$TMP/c3.sh" >"$TMP/out" 2>"$TMP/err"
expect_eq $? 0 "--wait-for: the app ran and exited 0"
expect_match "$TMP/out" '^started, dependency: [1-9]' "the app started after its dependency was listening"
expect_match "$TMP/err" 'wait: tcp://127.0.0.1:7001 is up' "--wait-for logs progress"

# 4: TEND_WAIT_FOR, comma-separated.
cat >"$TMP/c4.sh" <<'EOS'
. "$0.late"
TEND_WAIT_FOR="tcp://127.0.0.1:7001,http://127.0.0.1:7001/" exec "$TEND" -- echo started
EOS
cp "$TMP/late.sh" "$TMP/c4.sh.late"
TEND="$TEND" $NS sh "$TMP/c4.sh" >"$TMP/out" 2>"$TMP/err"
expect_eq "$?:$(cat "$TMP/out")" "0:started" "TEND_WAIT_FOR: the app ran"
expect_match "$TMP/err" 'wait: http://127.0.0.1:7001/ is up' "both probes of the list were waited for"

# 5: the timeout exits 123, names the probe, and never starts the app.
$NS sh -c 'ip link set lo up; exec "$0" "$@"' "$TEND" --wait-for tcp://127.0.0.1:7003 --wait-timeout 500ms -- \
    touch "$TMP/started" >"$TMP/out" 2>"$TMP/err"
expect_eq $? 123 "--wait-timeout: exits 123"
expect_match "$TMP/err" 'gave up after 500ms; not up: tcp://127.0.0.1:7003 \(connect: Connection refused\)$' \
    "the line names what never came up"
[ ! -e "$TMP/started" ] || fail "the app was started after the timeout"
ok "the app was never started"

# 6: TERM while waiting exits 143 at once and starts nothing.
start_pid1 --wait-for tcp://127.0.0.1:7004 --wait-timeout 0 -- touch "$TMP/started"
wait_for "$TMP/err" 'tcp://127.0.0.1:7004 is not up yet'
t0=$(now_ms)
kill -TERM "$TEND_PID"
wait "$NS_PID"
rc=$?; t=$(( $(now_ms) - t0 ))
expect_eq $rc 143 "TERM while waiting: exits 143"
[ "$t" -lt $((2000 * SLOW)) ] || fail "TERM took $t ms to end the wait"
ok "at once ($t ms)"
[ ! -e "$TMP/started" ] || fail "the app was started after TERM"
ok "the app was never started"

# 7: reaping works while waiting: exec probes (each under a keeper that is
# tend's child) fail every second and leave no zombie behind.
start_pid1 --wait-for "exec:sh -c 'sleep 0.1 & exit 3'" --wait-timeout 0 -- touch "$TMP/started"
wait_for "$TMP/err" 'is not up yet \(exit 3\)'
sleep 2.5
expect_eq "$(zombies "$TEND_PID")" 0 "no zombie after three failed exec probes while waiting"
kill -TERM "$TEND_PID"
wait "$NS_PID"
expect_eq $? 143 "TERM ends that wait too"
[ ! -e "$TMP/started" ] || fail "the app was started"
