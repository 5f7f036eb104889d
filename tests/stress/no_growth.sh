#!/bin/sh
# SPDX-License-Identifier: MIT
# No fd or memory growth: after a warm-up, 10,000 reaped orphans with
# 10,000 http health probe cycles at the same time, and then 500 exec
# probes (each forks, so each costs milliseconds), leave tend's open fd
# count and resident memory exactly as they were, read from /proc. Then
# SIGTERM still ends it with the app's code.
. "$TESTLIB"
need_ns
skip_emulated "too slow under emulation for its probe count"

# snapshot: tend's fds (count and kinds) and memory now. A probe may be
# in flight with its socket or pipe open, so take the quietest of 30
# looks over about a second.
snapshot() {
	FDS=999
	for _ in $(seq 30); do
		l=$(for f in /proc/"$TEND_PID"/fd/*; do readlink "$f"; done |
		    sed 's/:\[[0-9]*\]$//' | sort | tr '\n' ' ')
		c=$(echo $l | wc -w)
		[ "$c" -lt "$FDS" ] && FDS=$c FDLIST=$l
		sleep 0.03
	done
	RSS=$(rss_kb "$TEND_PID")
	ANON=$(awk '/^RssAnon:/ { print $2 }' "/proc/$TEND_PID/status")
}
# compare LABEL: the snapshot now against the one in B_*.
compare() {
	snapshot
	expect_eq "$FDS" "$B_FDS" "$1: open fds unchanged ($FDS: $FDLIST)"
	expect_eq "$FDLIST" "$B_FDLIST" "$1: the same kinds of fd"
	if sanitized; then
		# ASan keeps freed memory in quarantine and grows shadow pages.
		ok "$1: memory not compared in the ASan build (${B_RSS} -> ${RSS} kB)"
		return
	fi
	expect_eq "$ANON" "$B_ANON" "$1: anonymous memory unchanged (${ANON} kB)"
	expect_eq "$RSS" "$B_RSS" "$1: resident memory unchanged (${RSS} kB)"
}
baseline() { snapshot; B_FDS=$FDS B_FDLIST=$FDLIST B_RSS=$RSS B_ANON=$ANON; }
probes() { grep -c '^tend: health: ' "$TMP/err"; }
# wait_probes N SECONDS: until N probe results are logged.
wait_probes() {
	for _ in $(seq $(( $2 * 10 ))); do
		[ "$(probes)" -ge "$1" ] && return 0
		sleep 0.1
	done
	fail "only $(probes) of $1 probes in $2 s"
}

# check_probes LABEL: every probe logged so far passed.
check_probes() {
	grep '^tend: health: ' "$TMP/err" | grep -vq ' healthy (' &&
	    fail "$1: a probe failed: $(grep '^tend: health: ' "$TMP/err" | grep -v ' healthy (' | head -1)"
	ok "$1: every probe passed"
}

# The app: 1,000 orphans to warm up, then (once told) 10,000 more.
mkfifo "$TMP/go"
set -- sh -c 'orphanstorm 1000 && echo warm && read x <"$0" &&
    orphanstorm 10000 && exec sigcount -x 42' "$TMP/go"
health=1
( need_health ) >/dev/null || health=0

# 10,000 orphans, and at the same time 10,000 http probes, one per ms.
if [ $health = 1 ]; then
	start_server http
	start_pid1 -vvv --health "http://127.0.0.1:$PORT/health?x=1" \
	    --health-interval 1ms --health-timeout 5s -- "$@"
	wait_probes 200 60
	label="10,000 orphans and 10,000 http probes"
else
	start_pid1 -- "$@"
	label="10,000 orphans (this tend has no probes)"
fi
wait_for "$TMP/out" '^warm$' 300
baseline
start=$( [ $health = 1 ] && probes || echo 0 ) t0=$(now_ms)
echo go >"$TMP/go"
wait_for "$TMP/out" '^ready$' 1200
[ $health = 1 ] && wait_probes $((start + 10000)) 240
[ $health = 1 ] && label="$label ($(( ($(probes) - start) * 1000 / ($(now_ms) - t0 + 1) )) probes/s)"
settled_zombies "$TEND_PID" || fail "zombies left under tend"
compare "$label"
[ $health = 1 ] && check_probes "$label"
kill -TERM "$TEND_PID"
wait_exit 10
expect_eq "$RC" 42 "$label: SIGTERM forwarded, tend exits with the app's code"
[ $health = 1 ] || exit 0

# Exec probes fork a child each: 500 of them, after 50 to warm up.
start_pid1 -vvv --health "exec:true" --health-interval 1ms --health-timeout 5s -- sigcount -x 42
wait_probes 50 60
baseline
start=$(probes) t0=$(now_ms)
wait_probes $((start + 500)) 240
label="500 exec probes ($(( ($(probes) - start) * 1000 / ($(now_ms) - t0 + 1) ))/s)"
settled_zombies "$TEND_PID" || fail "$label: zombies left under tend"
compare "$label"
check_probes "$label"
kill -TERM "$TEND_PID"
wait_exit 10
expect_eq "$RC" 42 "$label: SIGTERM forwarded, tend exits with the app's code"
