#!/bin/sh
# SPDX-License-Identifier: MIT
# Broken stdio: tend's stdout and stderr are a pipe nobody reads (or are
# closed outright) while it logs at debug level, and the app closes or
# redirects its own. tend must not die of SIGPIPE or EBADF: it still
# forwards SIGTERM and exits with the app's code, as PID 1 and not.
. "$TESTLIB"
need_ns

# A pipe whose reader is gone: fd 4 here, for good.
mkfifo "$TMP/fifo"
(exec 3<"$TMP/fifo") &
exec 4>"$TMP/fifo"
wait

# run_broken WANT LABEL ARGS...: tend ARGS with stdout and stderr on fd 4.
run_broken() {
	want=$1 label=$2
	shift 2
	"$@" >&4 2>&4
	expect_eq $? "$want" "$label"
}
run_broken 7 "PID 1, broken stderr: app closes its stdout/stderr, exits 7" \
    as_pid1 -vvv -- sh -c 'exec >&- 2>&-; exit 7'
run_broken 3 "PID 1, broken stderr: app redirects to /dev/null, exits 3" \
    as_pid1 -vvv -- sh -c 'exec >/dev/null 2>&1; echo hi; echo oops >&2; exit 3'
run_broken 141 "PID 1, broken stderr: app writing to the pipe dies of SIGPIPE (141), tend does not" \
    as_pid1 -vvv -- sh -c 'trap - PIPE; while :; do echo hi; done'
run_broken 4 "subreaper, broken stderr: app exits 4" \
    "$TEND" -vvv -- sh -c 'exec >&- 2>&-; exit 4'
run_broken 0 "PID 1, broken stderr, JSON logs: app exits 0" \
    as_pid1 -vvv --log-format json -- true
# Paths that log before the main loop has signals set up.
TEND_NO_SUCH_OPTION=1 run_broken 6 "PID 1, broken stderr, warning before the loop: app exits 6" \
    as_pid1 -vvv -- sh -c 'exit 6'
TEND_NO_SUCH_OPTION=1 run_broken 8 "subreaper, broken stderr, warning before the loop: app exits 8" \
    "$TEND" -vvv -- sh -c 'exit 8'
run_broken 2 "broken stderr, usage error: tend exits 2" \
    "$TEND" --no-such-option -- true
run_broken 127 "PID 1, broken stderr, missing app: tend exits 127" \
    as_pid1 -vvv -- /nonexistent

# closed_run WANT LABEL ARGS...: tend ARGS with stdout and stderr closed.
closed_run() {
	want=$1 label=$2
	shift 2
	"$@" >&- 2>&-
	expect_eq $? "$want" "$label"
}
closed_run 5 "PID 1, stdout and stderr closed: app exits 5" \
    as_pid1 -vvv -- sh -c 'exit 5'
closed_run 5 "PID 1, stdin, stdout and stderr closed: app exits 5" \
    as_pid1 -vvv -- sh -c 'exit 5' <&-
closed_run 2 "stderr closed, usage error: tend exits 2" \
    "$TEND" --no-such-option -- true

# A running app, tend logging every forwarded signal into the void; then
# the final SIGTERM still goes through.
for how in broken closed; do
	if [ $how = broken ]; then
		$NS "$TEND" -vvv -- sigcount -x 9 -c "$TMP/counts" >&4 2>&4 &
	else
		$NS "$TEND" -vvv -- sigcount -x 9 -c "$TMP/counts" >&- 2>&- &
	fi
	NS_PID=$!
	BG_PIDS="$BG_PIDS $NS_PID"
	for _ in $(seq 100); do
		TEND_PID=$(cat "/proc/$NS_PID/task/$NS_PID/children" 2>/dev/null | tr -d ' ')
		[ -n "$TEND_PID" ] && [ -s "$TMP/counts" ] && break
		sleep 0.05
	done
	[ -s "$TMP/counts" ] || fail "$how: the app did not start"
	BG_PIDS="$BG_PIDS $TEND_PID"
	sleep 0.1
	for _ in $(seq 50); do kill -USR1 "$TEND_PID"; kill -HUP "$TEND_PID"; done
	kill -0 "$TEND_PID" 2>/dev/null || fail "$how stderr: tend died while logging"
	kill -TERM "$TEND_PID"
	wait_exit 10
	expect_eq "$RC" 9 "PID 1, $how stderr: 100 signals logged, SIGTERM forwarded, app's code 9"
	rm -f "$TMP/counts"
done
