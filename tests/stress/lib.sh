# SPDX-License-Identifier: MIT
# lib.sh - shared by the stress tests: sourced, never run.
#
# Everything in ../integration/lib.sh (ok/fail/skip, need_ns, start_pid1,
# wait_for, wait_exit, zombies, ...), plus what the fault and stress tests
# need.
. "${TESTLIB%/*}/../integration/lib.sh"

# need_health: skip unless this tend runs health probes ("tend probe"
# gets a verdict from a listening port). Starts a testsrv in tcp mode.
need_health() {
	"$TEND" --help 2>/dev/null | grep -q -- '--health' ||
	    skip "this tend has no --health"
	testsrv -t 30 tcp >"$TMP/need_health.port" 2>/dev/null &
	BG_PIDS="$BG_PIDS $!"
	wait_for "$TMP/need_health.port" '^[0-9]+$'
	"$TEND" probe "tcp://127.0.0.1:$(cat "$TMP/need_health.port")" \
	    >/dev/null 2>"$TMP/need_health.err" ||
	    skip "this tend does not run probes yet: $(head -1 "$TMP/need_health.err")"
}

# start_server MODE: a testsrv in the background; sets PORT.
start_server() {
	testsrv -t 600 "$1" >"$TMP/srv.$1.port" 2>"$TMP/srv.$1.err" &
	BG_PIDS="$BG_PIDS $!"
	wait_for "$TMP/srv.$1.port" '^[0-9]+$'
	PORT=$(cat "$TMP/srv.$1.port")
}

# sanitized: true if this tend is the ASan+UBSan build (scripts/sanitize.sh).
sanitized() { "$TEND" --version 2>/dev/null | grep -q 'ASan'; }

# fd_count PID: how many fds PID has open.
fd_count() { ls "/proc/$1/fd" | wc -l; }

# rss_kb PID: PID's resident set in kB.
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }

# app_pid: the pid (as seen from here) of tend's first child.
app_pid() { cut -d' ' -f1 "/proc/$TEND_PID/task/$TEND_PID/children"; }

# settled_zombies PID: true once a sample finds no zombie under PID (up to
# 20 samples, 50 ms apart). With probes every millisecond, one that exited
# an instant ago is a zombie until tend's next turn: only a zombie that
# stays is a leak.
settled_zombies() {
	for _ in $(seq 20); do
		[ "$(zombies "$1")" = 0 ] && return 0
		sleep 0.05
	done
	return 1
}

# Side by side (probe_load.sh, probe_stuck.sh): an idle tend and a busy
# one, each PID 1 running "sigcount -p $TMP/ping.NAME -x 42", their pids in
# PID_idle/PID_busy and their unshare processes in NS_idle/NS_busy.

# ping_both LABEL: $PINGS signals to each, taking turns (sigping), so both
# see the same machine load; sets LAT_IDLE and LAT_BUSY (median, us).
ping_both() {
	sigping "$PINGS" "$PID_idle" "$TMP/ping.idle" "$PID_busy" "$TMP/ping.busy" \
	    >"$TMP/lat" 2>&1 || fail "$1: pings lost: $(cat "$TMP/lat")"
	LAT_IDLE=$(awk -v p="$PID_idle" '$1 == p { print $7 }' "$TMP/lat")
	LAT_BUSY=$(awk -v p="$PID_busy" '$1 == p { print $7 }' "$TMP/lat")
	kill -0 "$PID_busy" 2>/dev/null || fail "$1: tend died"
}

# latency_holds LABEL: the busy tend's median is within 2x the idle one's
# plus 1 ms. The millisecond is one scheduler slice: with both CPUs busy
# (other tests, or a load), a tend that has just done real work waits its
# turn a little longer than one that has done none. A tend that blocked on
# a probe would wait out the probe's 50 ms timeout, over and over.
latency_holds() {
	[ "$LAT_BUSY" -le $((2 * LAT_IDLE + 1000)) ] ||
	    fail "$1: median signal latency $LAT_BUSY us, more than 2x idle ($LAT_IDLE us) + 1 ms: $(cat "$TMP/lat")"
	ok "$1: median signal latency $LAT_BUSY us is within 2x of idle ($LAT_IDLE us) + 1 ms [p90 $(awk -v p="$PID_busy" '$1 == p { print $9 }' "$TMP/lat") vs $(awk -v p="$PID_idle" '$1 == p { print $9 }' "$TMP/lat") us]"
}

# finish NAME LABEL: SIGTERM to that tend; it must exit with the app's 42.
finish() {
	eval "TEND_PID=\$PID_$1 NS_PID=\$NS_$1"
	kill -TERM "$TEND_PID"
	wait_exit 10
	expect_eq "$RC" 42 "$2: SIGTERM forwarded, tend exits with the app's code"
}
