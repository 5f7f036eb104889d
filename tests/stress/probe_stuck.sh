#!/bin/sh
# SPDX-License-Identifier: MIT
# Probes stuck on a gRPC server whose Check never answers and on a
# nameserver that never answers (issue 13). With a probe every few
# milliseconds, each cut at its 50 ms timeout, tend (PID 1) must stay
# responsive: the median time for a signal to reach the app stays within
# 2x of an idle tend's plus 1 ms, measured side by side (lib.sh), every
# probe fails with the right reason, and SIGTERM still ends it all.
. "$TESTLIB"
need_net_probes
need_ns
need_health
PY=$(dirname "$TESTLIB")/../helpers
[ "$(id -u)" = 0 ] || skip "needs root for a private resolv.conf"
[ -x /usr/bin/python3 ] || skip "python3 is not installed"

PINGS=300
mkfifo "$TMP/ping.idle" "$TMP/ping.busy"

# launch NAME SETUP TEND-ARGS...: tend as PID 1 in its own PID, mount and
# network namespace, after the shell commands SETUP, running sigcount.
launch() {
	name=$1 setup=$2
	shift 2
	unshare --pid --fork --mount-proc --net sh -c "ip link set lo up; $setup
	    exec \"\$0\" -vvv \"\$@\"" "$TEND" "$@" -- sigcount -p "$TMP/ping.$name" -x 42 \
	    >"$TMP/$name.out" 2>"$TMP/$name.err" &
	eval "NS_$name=$!"
	BG_PIDS="$BG_PIDS $!"
	wait_for "$TMP/$name.out" '^ready$' 300
	eval "PID_$name=\$(cat /proc/\$NS_$name/task/\$NS_$name/children | tr -d ' ')"
	eval "BG_PIDS=\"\$BG_PIDS \$PID_$name\""
}

printf 'nameserver 127.0.0.1\noptions timeout:30 attempts:5\n' >"$TMP/resolv.conf"
launch idle ""
GRPC_SETUP="/usr/bin/python3 '$PY/grpcsrv.py' '$TMP/gport' hang=HANG 2>'$TMP/grpcsrv.log' &
	    while [ ! -s '$TMP/gport' ]; do sleep 0.1; done"
DNS_SETUP="mount --bind '$TMP/resolv.conf' /etc/resolv.conf &&
	    /usr/bin/python3 '$PY/dnsfake.py' drop 127.0.0.1 2>'$TMP/drop.log' &
	    while ! grep -q ready '$TMP/drop.log' 2>/dev/null; do sleep 0.1; done"
for kind in grpc dns; do
	if [ $kind = grpc ]; then
		/usr/bin/python3 -c 'import grpc' 2>/dev/null ||
		    { echo "SKIP (part): python3-grpcio is not installed"; continue; }
		rm -f "$TMP/gport"
		# The port is known only inside: the probe reads it through sh.
		launch busy "$GRPC_SETUP; set -- --health grpc://127.0.0.1:\$(cat '$TMP/gport')/hang \"\$@\"" \
		    --health-interval 5ms --health-timeout 50ms --health-retries 1
		want='timed out after 50ms'
	else
		launch busy "$DNS_SETUP" --health "http://stuck.example:80/" \
		    --health-interval 5ms --health-timeout 50ms --health-retries 1
		want='DNS timeout'
	fi
	sleep 0.5
	ping_both "$kind"
	fds=$(fd_count "$PID_busy")
	[ "$fds" -le 8 ] || fail "$kind: tend holds $fds fds after ~40 stuck probes: $(ls -l /proc/$PID_busy/fd)"
	ok "$kind stuck: no socket leaked ($fds fds open)"
	finish busy "$kind stuck"
	# (The probe in flight at the SIGTERM may see its server drained.)
	probes=$(grep -c "^tend: health: .*unhealthy ($want)" "$TMP/busy.err")
	[ "$probes" -ge 20 ] || fail "$kind: only $probes probes failed with '$want': $(tail -3 "$TMP/busy.err")"
	grep '^tend: health: ' "$TMP/busy.err" | grep -v "unhealthy (" | grep -q . &&
	    fail "$kind: a probe passed: $(grep '^tend: health: ' "$TMP/busy.err" | grep -v "unhealthy (" | head -1)"
	ok "$kind stuck: $probes probes failed with '$want', none passed"
	latency_holds "$kind stuck"
done
finish idle "idle"
