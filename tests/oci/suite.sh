# SPDX-License-Identifier: MIT
# suite.sh - tend as PID 1 of a real OCI container, sourced by crun.sh and
# runc.sh with RT set. Each container's rootfs holds only static binaries
# (tend, busybox, the helpers); the runtime starts it and stops it with
# "RT kill ID TERM", as docker stop and podman stop do.
. "$TESTLIB"
oci_need

SH_TRAP='trap "echo got TERM; exit 42" TERM; echo ready; while :; do sleep 1 & wait $!; done'

# 0. The control: without an init, the kernel drops TERM sent to a PID 1
# that has no handler for it, so the container ignores "kill TERM". This
# is what tend is for, and it shows the test can tell a broken init.
oci_bundle control
oci_config /bin/busybox sleep 20
oci_run_bg
oci_wait_running "$ID"
rt_ kill "$ID" TERM || fail "$RT kill $ID TERM"
sleep 1
expect_eq "$(oci_status "$ID")" running "control: busybox sleep as PID 1 ignores kill TERM"
rt_ kill "$ID" KILL
oci_wait_exit
expect_rc 137 "control: KILL ends it, status 137"

# 1. A shell app gets TERM through tend; the container's exit status is
# the app's. "run" in the foreground is the only way to see that status.
oci_bundle trap
oci_config /tend -- /bin/sh -c "$SH_TRAP"
oci_run_bg
wait_for "$BUNDLE/stdout" '^ready$'
rt_ kill "$ID" TERM || fail "$RT kill $ID TERM"
oci_wait_exit
expect_rc 42 "run: app got TERM through tend, container exits with the app's 42"
expect_match "$BUNDLE/stdout" '^got TERM$' "run: the app's trap ran"

# 2. Several signals arrive one by one, in order (HUP, INT as from Ctrl-C,
# USR1, TERM).
oci_bundle sigs
oci_config /tend -- /bin/sigecho -n 4
oci_run_bg
wait_for "$BUNDLE/stdout" '^ready$'
for s in HUP INT USR1 TERM; do
	n=$(grep -cvx ready "$BUNDLE/stdout")
	rt_ kill "$ID" "$s" || fail "$RT kill $ID $s (status '$(oci_status "$ID")'); $(oci_show)"
	for _ in $(seq 50); do
		[ "$(grep -cvx ready "$BUNDLE/stdout")" -gt "$n" ] && break
		sleep 0.1
	done
done
oci_wait_exit
expect_rc 0 "signals: sigecho got 4 signals and exited 0"
expect_eq "$(grep -vx ready "$BUNDLE/stdout" | tr '\n' ' ')" "1 2 10 15 " "signals: HUP INT USR1 TERM forwarded in order"

# 3. An app killed by the signal: the container exits 128+15.
oci_bundle killed
oci_config /tend -- /bin/sh -c 'echo ready; exec sleep 20'
oci_run_bg
wait_for "$BUNDLE/stdout" '^ready$'
rt_ kill "$ID" TERM || fail "$RT kill $ID TERM"
oci_wait_exit
expect_rc 143 "run: app killed by TERM, container exits 143"

# 4. Orphans are reaped: 20 orphans exit inside, and no zombie is left
# under tend (PID 1) while the app goes on running.
oci_bundle reap
oci_config /tend -- /bin/sh -c 'orphans 20; echo made; sleep 20'
oci_run_bg
wait_for "$BUNDLE/stdout" '^made'
pid1=$(oci_pid "$ID")
[ -n "$pid1" ] || fail "no pid for $ID"
n=1
for _ in $(seq 50); do
	n=$(zombies "$pid1")
	[ "$n" = 0 ] && break
	sleep 0.1
done
expect_eq "$n" 0 "reap: no zombies left under tend after 20 orphans"
rt_ kill "$ID" TERM
oci_wait_exit
expect_rc 143 "reap: container stops on TERM"

# 5. The drain: after the app exits, a daemon it left behind gets TERM
# (and time to finish), and the container still exits with the app's code.
oci_bundle drain
oci_config /tend -v --grace 5s -- /bin/sh -c 'daemon term /out/drained 300 && echo left && exit 7'
oci_run_bg
oci_wait_exit 100
expect_rc 7 "drain: container exits with the app's 7 after the drain"
expect_eq "$(cat "$BUNDLE/out/drained" 2>/dev/null)" "drained" "drain: the leftover daemon got TERM and finished its work"

# 6. The drain's KILL: a daemon that ignores TERM is killed after --grace.
oci_bundle drainkill
oci_config /tend --grace 700ms -- /bin/sh -c 'daemon ignore /out/stubborn && exit 3'
t0=$(now_ms)
oci_run_bg
oci_wait_exit 100
t=$(( $(now_ms) - t0 ))
expect_rc 3 "drain: a TERM-ignoring daemon does not change the exit code"
[ -e "$BUNDLE/out/stubborn.ready" ] || fail "drain: the stubborn daemon never started ($(oci_show))"
[ "$t" -ge 600 ] && [ "$t" -lt 6000 ] ||
    fail "drain: expected the KILL after --grace 700ms, the container took ${t} ms"
ok "drain: KILLed after the grace period (${t} ms in all)"

# 7. create + start, then kill TERM: the runtime hands the container away,
# so its exit status is not seen; what the app printed is.
oci_bundle detached
oci_config /tend -- /bin/sh -c "$SH_TRAP"
oci_id
rt_ create --bundle "$BUNDLE" "$ID" </dev/null >"$BUNDLE/stdout" 2>"$BUNDLE/stderr" ||
    fail "$RT create: $(oci_show)"
expect_eq "$(oci_status "$ID")" created "create: container created"
rt_ start "$ID" || fail "$RT start $ID"
wait_for "$BUNDLE/stdout" '^ready$'
rt_ kill "$ID" TERM || fail "$RT kill $ID TERM"
st=""
for _ in $(seq 100); do
	st=$(oci_status "$ID")
	[ "$st" = stopped ] && break
	sleep 0.1
done
expect_eq "$st" stopped "create/start: container stopped after kill TERM"
expect_match "$BUNDLE/stdout" '^got TERM$' "create/start: app got TERM through tend"
rt_ delete "$ID" || fail "$RT delete $ID"
ok "create/start: deleted"

# 8. tend as a non-root PID 1 (as with USER in a Dockerfile).
oci_bundle nonroot
OCI_UID=65534 oci_config /tend -- /bin/sh -c "id -u >/out/uid; $SH_TRAP"
oci_run_bg
wait_for "$BUNDLE/stdout" '^ready$'
rt_ kill "$ID" TERM || fail "$RT kill $ID TERM"
oci_wait_exit
expect_rc 42 "non-root: tend as uid 65534 forwards TERM, exit 42"
expect_eq "$(cat "$BUNDLE/out/uid" 2>/dev/null)" 65534 "non-root: the app ran as 65534"

# 9. A shared PID namespace (a pod with shareProcessNamespace): PID 1 is
# another container's process ("pause"), so tend is not PID 1. It becomes
# a child subreaper by itself: the app's orphans are tend's, not pause's,
# none is left a zombie, and TERM still reaches the app.
oci_bundle pause
oci_config /bin/sleep 30
oci_run_bg
PAUSE_ID=$ID
PAUSE_RUN=$RUN_PID
oci_wait_running "$PAUSE_ID"
pause_pid=$(oci_pid "$PAUSE_ID")
oci_bundle sidecar
OCI_PIDNS=/proc/$pause_pid/ns/pid oci_config /tend -- /bin/sh -c \
    "(sleep 20 &) ; sleep 0.2; orphans 10 >/dev/null; $SH_TRAP"
oci_run_bg
wait_for "$BUNDLE/stdout" '^ready$'
tpid=$(oci_pid "$ID")
[ "$(awk '/^NSpid:/ { print NF - 1 }' "/proc/$tpid/status")" -ge 2 ] ||
    fail "shared: tend is not in a child PID namespace"
[ "$(awk '/^NSpid:/ { print $3 }' "/proc/$tpid/status")" != 1 ] ||
    fail "shared: tend is PID 1, the namespace was not shared"
ok "shared: tend runs in the pause container's PID namespace, not as PID 1"
adopted=$(cat /proc/[0-9]*/stat 2>/dev/null |
    awk -v t="$tpid" '$4 == t && $2 == "(sleep)" { n++ } END { print n + 0 }')
[ "$adopted" -ge 1 ] || fail "shared: the app's orphaned sleep was not adopted by tend"
ok "shared: tend adopted the app's orphan (a subreaper, not pause's child)"
n=1
for _ in $(seq 50); do
	n=$(zombies "$tpid")
	[ "$n" = 0 ] && break
	sleep 0.1
done
expect_eq "$n" 0 "shared: no zombies under tend after 10 orphans"
rt_ kill "$ID" TERM || fail "$RT kill $ID TERM"
oci_wait_exit
expect_rc 42 "shared: kill TERM reaches the app through tend, exit 42"
expect_eq "$(oci_status "$PAUSE_ID")" running "shared: the pause container runs on"
rt_ kill "$PAUSE_ID" KILL
RUN_PID=$PAUSE_RUN
oci_wait_exit
