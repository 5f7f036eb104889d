#!/bin/sh
# SPDX-License-Identifier: MIT
# gRPC health probes against a real gRPC server: Debian's python3-grpcio
# (tests/helpers/grpcsrv.py) serving grpc.health.v1.Health/Check, with
# SERVING, NOT_SERVING, SERVICE_UNKNOWN, an unknown service, a call that
# hangs, and an HTTP/1.1 server on the port instead; then tend as PID 1
# probing it from its loop. Each run gets its own network namespace.
. "$TESTLIB"
need_net_probes
PY=$(dirname "$TESTLIB")/../helpers
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import grpc' 2>/dev/null ||
    skip "python3-grpcio is not installed (scripts/deps.sh installs it)"
need_ns
unshare --net --pid --fork true 2>/dev/null || skip "the kernel refuses a network namespace"

cat >"$TMP/inner.sh" <<'EOS'
set -u
D=$1
ip link set lo up 2>/dev/null || ifconfig lo up
/usr/bin/python3 "$PY/grpcsrv.py" "$D/gport" =SERVING down=NOT_SERVING \
    gone=SERVICE_UNKNOWN hang=HANG 2>"$D/grpcsrv.log" &
pids=$!
testsrv -p 0 -t 60 http >"$D/hport" 2>/dev/null &
pids="$pids $!"
for _ in $(seq 600); do
	[ -s "$D/gport" ] && [ -s "$D/hport" ] && break
	sleep 0.1
done
G=$(cat "$D/gport"); H=$(cat "$D/hport")
ms() { echo $(( $(date +%s%N) / 1000000 )); }
run() {
	n=$1; shift
	t0=$(ms)
	"$TEND" probe "$@" >"$D/$n.out" 2>&1
	echo "$n rc $? ms $(( $(ms) - t0 )) $(cat "$D/$n.out")" >>"$D/results"
}
run serving "grpc://127.0.0.1:$G" --timeout 10s
run authority "grpc://localhost:$G/" --timeout 10s
run down "grpc://127.0.0.1:$G/down" --timeout 10s
run gone "grpc://127.0.0.1:$G/gone" --timeout 10s
run unknown "grpc://127.0.0.1:$G/nope" --timeout 10s
run hang "grpc://127.0.0.1:$G/hang" --timeout 500ms
run http1 "grpc://127.0.0.1:$H" --timeout 10s
unshare --pid --fork --mount-proc "$TEND" --health "grpc://127.0.0.1:$G/down" \
    --health-interval 100ms --health-retries 1 --health-action stop -- sleep 30 \
    2>"$D/pid1.err"
echo "pid1 rc $?" >>"$D/results"
kill $pids 2>/dev/null
wait
EOS
TEND="$TEND" PY="$PY" PATH="$PATH" unshare --net --fork sh "$TMP/inner.sh" "$TMP" \
    >"$TMP/out" 2>"$TMP/err"
expect_eq $? 0 "the namespace script ran"
[ -s "$TMP/gport" ] || skip "the gRPC server did not start: $(cat "$TMP/grpcsrv.log")"
expect_match "$TMP/results" '^serving rc 0 ms [0-9]+ healthy: SERVING$' "SERVING is healthy"
expect_match "$TMP/results" '^authority rc 0 ms [0-9]+ healthy: SERVING$' "localhost and an empty service after the slash"
expect_match "$TMP/results" '^down rc 1 ms [0-9]+ unhealthy: NOT_SERVING$' "NOT_SERVING is unhealthy"
expect_match "$TMP/results" '^gone rc 1 ms [0-9]+ unhealthy: SERVICE_UNKNOWN$' "SERVICE_UNKNOWN is unhealthy"
expect_match "$TMP/results" '^unknown rc 1 ms [0-9]+ unhealthy: grpc-status 5' "an unknown service: grpc-status 5 (NOT_FOUND)"
expect_match "$TMP/results" '^hang rc 1 ms [0-9]+ unhealthy: timed out after 500ms$' "a call that hangs times out"
t=$(awk '/^hang / { print $5 }' "$TMP/results")
[ "$t" -lt 3000 ] || fail "the hanging call took $t ms"
ok "the hanging call was cut at its timeout ($t ms)"
expect_match "$TMP/results" '^http1 rc 1 ms [0-9]+ unhealthy: .*HTTP/1' "an HTTP/1.1 server is not gRPC"
expect_match "$TMP/results" '^pid1 rc 124$' "tend as PID 1: NOT_SERVING stops the app (124)"
expect_match "$TMP/pid1.err" 'starting -> unhealthy \(NOT_SERVING\)' "the loop logs the gRPC reason"
