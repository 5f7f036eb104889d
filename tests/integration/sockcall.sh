#!/bin/sh
# SPDX-License-Identifier: MIT
# sockcall.sh - on the ABIs whose sockets went only through socketcall(2)
# before Linux 4.3 (i386, s390x), tend's sockets work on such a kernel too:
# sockenosys (tests/helpers) makes the direct socket calls fail with ENOSYS,
# as that kernel does, and tend must fall back to socketcall for each of
# them: tcp and http probes (socket, connect, SO_ERROR, send, recv), a
# refused connect reported with its errno, "tend status" (bind, listen,
# accept4, connect, SO_PEERCRED, send) and sd_notify (sendto an address).
# Skipped where the ABI has no socketcall or seccomp is refused (qemu-user).
. "$TESTLIB"
out=$(sockenosys true 2>&1)
case $? in
0) ok "under sockenosys the direct socket calls answer ENOSYS and socketcall works" ;;
77) skip "$out" ;;
*) fail "sockenosys: $out" ;;
esac
need_ns

testsrv -t 60 http >"$TMP/port" 2>/dev/null &
BG_PIDS="$BG_PIDS $!"
wait_for "$TMP/port" '^[0-9]+$'
P=$(cat "$TMP/port")

# 1. tcp and http probes pass.
sockenosys "$TEND" wait --timeout 20s --interval 50ms "tcp://127.0.0.1:$P" \
    "http://127.0.0.1:$P/" >"$TMP/out" 2>"$TMP/err"
expect_eq $? 0 "tend wait: tcp and http probes pass"
expect_match "$TMP/err" "wait: http://127.0.0.1:$P/ is up \\(HTTP 200\\)$" \
    "the http probe had its answer (send, recv)"

# 2. A refused connect is reported with its own errno.
sockenosys "$TEND" wait --timeout 300ms --interval 100ms tcp://127.0.0.1:1 \
    >"$TMP/out" 2>"$TMP/err"
expect_eq $? 1 "tend wait: a closed port fails"
expect_match "$TMP/err" 'not up: tcp://127.0.0.1:1 \(connect: Connection refused\)$' \
    "with the connect's errno (ECONNREFUSED), not ENOSYS"

# 3. As PID 1: sd_notify to an address, and "tend status" from the app.
sock=$TMP/notify.sock
notifylisten "$sock" >"$TMP/msgs" 2>&1 &
BG_PIDS="$BG_PIDS $!"
wait_for "$TMP/msgs" '^ready$'
NOTIFY_SOCKET=$sock start_ns sockenosys "$TEND" --health "http://127.0.0.1:$P/" \
    --health-interval 100ms --health-start-interval 100ms -- sh -c \
    'for i in $(seq 200); do sockenosys "$0" status >"$1" 2>&1 && exit 0; sleep 0.1; done; exit 1' \
    "$TEND" "$TMP/st"
wait_exit 60
expect_eq "$RC" 0 "tend status (run by the app) answered"
expect_match "$TMP/st" '^healthy' "and said healthy"
wait_for "$TMP/msgs" '^READY=1 STATUS=healthy$'
ok "sd_notify: READY=1 sent to the socket's address"
