#!/bin/sh
# SPDX-License-Identifier: MIT
# Probes against hostile servers: one that accepts and never answers, one
# that answers with 1 MB of garbage, one that resets the connection. With
# a probe every few milliseconds, tend (PID 1) must stay responsive: the
# median time for a signal to reach the app stays within 2x of an idle
# tend's, measured side by side (pings take turns, so both see the same
# machine load), every probe is judged a failure, and SIGTERM still ends
# it all with the app's code.
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
# finish NAME LABEL: SIGTERM to that tend; it must exit with the app's 42.
finish() {
	eval "TEND_PID=\$PID_$1 NS_PID=\$NS_$1"
	kill -TERM "$TEND_PID"
	wait_exit 10
	expect_eq "$RC" 42 "$2: SIGTERM forwarded, tend exits with the app's code"
}

launch idle
for mode in hang garbage reset; do
	start_server $mode
	launch busy --health "http://127.0.0.1:$PORT/" \
	    --health-interval 5ms --health-timeout 50ms --health-retries 1
	# Let the probe loop get going first.
	sleep 0.5
	sigping "$PINGS" "$PID_idle" "$TMP/ping.idle" "$PID_busy" "$TMP/ping.busy" \
	    >"$TMP/lat" 2>&1 || fail "$mode server: pings lost: $(cat "$TMP/lat")"
	idle=$(awk -v p="$PID_idle" '$1 == p { print $7 }' "$TMP/lat")
	busy=$(awk -v p="$PID_busy" '$1 == p { print $7 }' "$TMP/lat")
	kill -0 "$PID_busy" 2>/dev/null || fail "$mode server: tend died"
	finish busy "$mode server"
	probes=$(grep -c '^tend: health: ' "$TMP/busy.err")
	[ "$probes" -ge 20 ] || fail "$mode server: only $probes probes ran"
	grep '^tend: health: ' "$TMP/busy.err" | grep -v 'unhealthy' | grep -q . &&
	    fail "$mode server: a probe passed: $(grep '^tend: health: ' "$TMP/busy.err" | grep -v unhealthy | head -1)"
	ok "$mode server: $probes probes, every one failed ($(grep -m1 '^tend: health: .*unhealthy (' "$TMP/busy.err" | sed 's/.*(//; s/)$//'))"
	[ "$idle" -gt 0 ] || idle=1
	[ "$busy" -le $((2 * idle)) ] ||
	    fail "$mode server: median signal latency $busy us, more than 2x idle ($idle us): $(cat "$TMP/lat")"
	ok "$mode server: median signal latency $busy us is within 2x of idle ($idle us) [p90 $(awk -v p="$PID_busy" '$1 == p { print $9 }' "$TMP/lat") vs $(awk -v p="$PID_idle" '$1 == p { print $9 }' "$TMP/lat") us]"
done
finish idle "idle"
