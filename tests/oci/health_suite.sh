# SPDX-License-Identifier: MIT
# health_suite.sh - tend's health probes in a real OCI container, sourced
# by crun_health.sh and runc_health.sh with RT set. The app is testsrv,
# which answers HTTP with the status code held in /out/status, a file the
# test rewrites from outside; "RT exec ID /tend status" asks tend inside,
# as a HEALTHCHECK or a Kubernetes exec probe would.
. "$TESTLIB"

"$TEND" --help 2>&1 | grep -q -- '--health ' || skip "this tend has no --health option"
"$TEND" probe tcp://127.0.0.1:1 >/dev/null 2>&1
[ $? = 1 ] || skip "this tend's 'probe' does not work yet (probe of a closed port did not exit 1)"
oci_need

PORT=8080	# the container has its own network namespace
URL="http://127.0.0.1:$PORT/"
HEALTH="--health $URL --health-interval 200ms --health-timeout 1s --health-retries 2"

# status_until ID WANT-RC: poll "tend status" inside until it exits WANT-RC
# (10 s); sets STATUS to its last line of output.
status_until() {
	for _ in $(seq 50); do
		STATUS=$(rt_ exec "$1" /tend status 2>&1)
		src=$?
		[ "$src" = "$2" ] && return 0
		sleep 0.2
	done
	fail "tend status in $1: expected exit $2, last got $src: $STATUS; $(oci_show)"
}

# 1. --health-action none: healthy, then unhealthy; the container runs on.
oci_bundle watch
echo 200 >"$BUNDLE/out/status"
# shellcheck disable=SC2086
oci_config /tend $HEALTH --health-action none -- /bin/testsrv -p "$PORT" -s /out/status -t 60 http
oci_run_bg
wait_for "$BUNDLE/stdout" "^$PORT\$"
status_until "$ID" 0
ok "status: healthy while the app answers 200 ($STATUS)"
rt_ exec "$ID" /tend probe "$URL" >/dev/null 2>&1
expect_eq $? 0 "probe: 'tend probe $URL' inside exits 0"
echo 500 >"$BUNDLE/out/status"
status_until "$ID" 1
case $STATUS in
*unhealthy*) ok "status: unhealthy once the app answers 500 ($STATUS)" ;;
*) fail "status: expected 'unhealthy', got: $STATUS" ;;
esac
rt_ exec "$ID" /tend probe "$URL" >/dev/null 2>&1
expect_eq $? 1 "probe: 'tend probe $URL' inside exits 1 on a 500"
expect_eq "$(oci_status "$ID")" running "action none: the unhealthy container keeps running"
rt_ kill "$ID" TERM || fail "$RT kill $ID TERM"
oci_wait_exit
expect_rc 0 "action none: TERM still stops it, testsrv exits 0"

# 2. --health-action stop: turning unhealthy ends the container.
oci_bundle stop
echo 200 >"$BUNDLE/out/status"
# shellcheck disable=SC2086
oci_config /tend $HEALTH --health-action stop -- /bin/testsrv -p "$PORT" -s /out/status -t 60 http
oci_run_bg
wait_for "$BUNDLE/stdout" "^$PORT\$"
status_until "$ID" 0
ok "stop: healthy first"
echo 500 >"$BUNDLE/out/status"
t0=$(now_ms)
oci_wait_exit 100
t=$(( $(now_ms) - t0 ))
# 124 is tend's "stopped for health" code (the runtime's timeout(1) would
# also say 124, but only after 30 s; oci_wait_exit gives up after 10).
expect_rc 124 "stop: unhealthy ended the container by itself (in ${t} ms), exit status 124"
expect_match "$BUNDLE/stderr" unhealthy "stop: tend logged why"
