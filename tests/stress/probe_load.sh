#!/bin/sh
# SPDX-License-Identifier: MIT
# Probes against hostile servers: one that accepts and never answers, one
# that answers with 1 MB of garbage, one that resets the connection. With
# a probe every few milliseconds, tend (PID 1) must stay responsive: the
# median time for a signal to reach the app stays within 2x of an idle
# tend's plus 1 ms, measured side by side (lib.sh: latency_holds), every
# probe is judged a failure, and SIGTERM still ends it all with the app's
# code.
. "$TESTLIB"
need_ns
need_health

PINGS=300
mkfifo "$TMP/ping.idle" "$TMP/ping.busy"

# launch NAME TEND-ARGS...: tend as PID 1 running sigcount, in the
# background, its output in $TMP/NAME.*; sets PID_NAME and NS_NAME.
launch() {
	name=$1
	shift
	$NS "$TEND" -vvv "$@" -- sigcount -p "$TMP/ping.$name" -x 42 \
	    >"$TMP/$name.out" 2>"$TMP/$name.err" &
	eval "NS_$name=$!"
	BG_PIDS="$BG_PIDS $!"
	wait_for "$TMP/$name.out" '^ready$'
	eval "PID_$name=\$(cat /proc/\$NS_$name/task/\$NS_$name/children | tr -d ' ')"
	eval "BG_PIDS=\"\$BG_PIDS \$PID_$name\""
}

launch idle
for mode in hang garbage reset; do
	start_server $mode
	launch busy --health "http://127.0.0.1:$PORT/" \
	    --health-interval 5ms --health-timeout 50ms --health-retries 1
	# Let the probe loop get going first.
	sleep 0.5
	ping_both "$mode server"
	finish busy "$mode server"
	probes=$(grep -c '^tend: health: ' "$TMP/busy.err")
	[ "$probes" -ge 20 ] || fail "$mode server: only $probes probes ran"
	grep '^tend: health: ' "$TMP/busy.err" | grep -v 'unhealthy' | grep -q . &&
	    fail "$mode server: a probe passed: $(grep '^tend: health: ' "$TMP/busy.err" | grep -v unhealthy | head -1)"
	ok "$mode server: $probes probes, every one failed ($(grep -m1 '^tend: health: .*unhealthy (' "$TMP/busy.err" | sed 's/.*(//; s/)$//'))"
	latency_holds "$mode server"
done
finish idle "idle"
