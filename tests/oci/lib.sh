# SPDX-License-Identifier: MIT
# lib.sh - for the tests that run tend as PID 1 of a real OCI container:
# sourced, never run. It builds on tests/integration/lib.sh (ok, fail,
# skip, wait_for, ...) and adds bundles and a runtime wrapper.
#
# The caller sets RT (crun or runc) and then calls oci_need, which skips
# the test (exit 77, one line saying why) unless RT can really start a
# container here. Each container gets a fresh state directory under $TMP
# (--root), so a test never sees or touches anyone else's containers, and
# every container a test creates is deleted with "delete -f" when the test
# exits, passed or failed. Every runtime call is under timeout(1), and
# every app in these containers ends by itself, so a test killed by its
# ctest TIMEOUT cannot leave a container running for long either.

. "${TESTLIB%/*}/../integration/lib.sh"
skip_emulated "$SUBREAPER_NOTE (runc and crun start it as their child)"

: "${RT:?RT must name the OCI runtime (crun or runc)}"
RT_ROOT="$TMP/state"
RT_UNSHARE=0		# 1: run the runtime in a private mount namespace
OCI_IDS=""		# containers to delete on exit
OCI_SEQ=0

oci_cleanup() {
	for id in $OCI_IDS; do
		rt_ delete -f "$id" >/dev/null 2>&1
	done
	OCI_IDS=""
}
trap 'oci_cleanup; cleanup' EXIT
trap 'exit 1' INT TERM HUP

# rt_ ARGS...: the runtime with our state root, under a 30 s timeout.
#
# Debian 12's crun 1.8.1 refuses a hybrid cgroup layout (cgroup v1
# controllers plus a cgroup2 mount at /sys/fs/cgroup/unified that holds a
# controller) with "cgroups in hybrid mode not supported". There it runs
# in a private mount namespace with that cgroup2 mount lazily unmounted,
# so it sees plain cgroup v1; the host's mounts are not touched.
rt_() {
	if [ "$RT_UNSHARE" = 1 ]; then
		timeout -k 5 30 unshare --mount --propagation private sh -c \
		    'umount -l /sys/fs/cgroup/unified 2>/dev/null; exec "$@"' \
		    rt "$RT" --root "$RT_ROOT" "$@"
	else
		timeout -k 5 30 "$RT" --root "$RT_ROOT" "$@"
	fi
}

# json_str S: S as a JSON string (tests pass no control characters).
json_str() {
	printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"
}

# json_list ARGS...: the arguments as a JSON array of strings.
json_list() {
	_sep=""
	printf '['
	for _a in "$@"; do
		printf '%s%s' "$_sep" "$(json_str "$_a")"
		_sep=", "
	done
	printf ']'
}

# is_static FILE: true if FILE asks for no program interpreter.
is_static() { ! readelf -l "$1" 2>/dev/null | grep -q INTERP; }

BUSYBOX=""
for b in /bin/busybox /usr/bin/busybox; do
	[ -x "$b" ] && BUSYBOX=$b && break
done

# oci_bundle NAME: a bundle in $TMP/NAME whose read-only rootfs holds only
# static binaries: /tend, busybox with a few applet links, and the test
# helpers. $TMP/NAME/out is bind-mounted at /out, writable by anyone, so
# the test can read what processes inside write. Sets BUNDLE.
oci_bundle() {
	BUNDLE="$TMP/$1"
	mkdir -p "$BUNDLE/rootfs/bin" "$BUNDLE/out" || fail "mkdir $BUNDLE"
	chmod 1777 "$BUNDLE/out"
	for d in proc dev tmp run out etc; do mkdir -p "$BUNDLE/rootfs/$d"; done
	cp "$TEND" "$BUNDLE/rootfs/tend" || fail "copy $TEND"
	cp "$BUSYBOX" "$BUNDLE/rootfs/bin/busybox" || fail "copy busybox"
	for a in sh sleep cat echo kill ps id true false; do
		ln -s busybox "$BUNDLE/rootfs/bin/$a"
	done
	for h in sigecho orphans daemon testsrv; do
		cp "$HELPERS/$h" "$BUNDLE/rootfs/bin/$h" || fail "copy $h"
	done
	echo "root:x:0:0:root:/:/bin/sh" >"$BUNDLE/rootfs/etc/passwd"
	echo "nobody:x:65534:65534:nobody:/:/bin/false" >>"$BUNDLE/rootfs/etc/passwd"
	printf 'root:x:0:\nnogroup:x:65534:\n' >"$BUNDLE/rootfs/etc/group"
}

# oci_config ARGS...: write $BUNDLE/config.json to run ARGS as PID 1.
# OCI_UID (default 0) is the user; the container has its own PID, mount,
# IPC, UTS and network namespaces (loopback only) and no capabilities.
# OCI_PIDNS=/proc/PID/ns/pid joins that PID namespace instead, as the
# containers of a Kubernetes pod with shareProcessNamespace do.
oci_config() {
	_uid=${OCI_UID:-0}
	_pidns=""
	[ -n "${OCI_PIDNS:-}" ] && _pidns=", \"path\": \"$OCI_PIDNS\""
	cat >"$BUNDLE/config.json" <<EOF
{
  "ociVersion": "1.0.2",
  "process": {
    "terminal": false,
    "user": { "uid": $_uid, "gid": $_uid },
    "args": $(json_list "$@"),
    "env": [ "PATH=/bin", "HOME=/" ],
    "cwd": "/",
    "rlimits": [ { "type": "RLIMIT_NOFILE", "hard": 1024, "soft": 1024 } ],
    "noNewPrivileges": true
  },
  "root": { "path": "rootfs", "readonly": true },
  "hostname": "tend-oci",
  "mounts": [
    { "destination": "/proc", "type": "proc", "source": "proc" },
    { "destination": "/dev", "type": "tmpfs", "source": "tmpfs",
      "options": [ "nosuid", "noexec", "mode=755", "size=1024k" ] },
    { "destination": "/tmp", "type": "tmpfs", "source": "tmpfs",
      "options": [ "nosuid", "nodev", "mode=1777", "size=4096k" ] },
    { "destination": "/run", "type": "tmpfs", "source": "tmpfs",
      "options": [ "nosuid", "nodev", "mode=1777", "size=1024k" ] },
    { "destination": "/out", "type": "bind", "source": "$BUNDLE/out",
      "options": [ "rbind", "rw" ] }
  ],
  "linux": {
    "namespaces": [ { "type": "pid"$_pidns }, { "type": "mount" }, { "type": "ipc" },
                    { "type": "uts" }, { "type": "network" } ],
    "maskedPaths": [ "/proc/kcore", "/proc/keys", "/proc/timer_list" ],
    "readonlyPaths": [ "/proc/sys", "/proc/sysrq-trigger" ]
  }
}
EOF
}

# oci_id: a fresh container id, remembered for deletion; sets ID.
oci_id() {
	OCI_SEQ=$((OCI_SEQ + 1))
	ID="tend-test-$$-$OCI_SEQ"
	OCI_IDS="$OCI_IDS $ID"
}

# oci_run_bg: "RT run" the bundle in the background, as a foreground run
# would be (it waits, and its exit status is the container's). Output goes
# to $BUNDLE/stdout and $BUNDLE/stderr. Sets ID and RUN_PID.
oci_run_bg() {
	oci_id
	rt_ run --bundle "$BUNDLE" "$ID" </dev/null \
	    >"$BUNDLE/stdout" 2>"$BUNDLE/stderr" &
	RUN_PID=$!
}

# oci_status ID: created, running, stopped, or nothing once it is gone.
oci_status() {
	rt_ state "$1" 2>/dev/null | sed -n 's/^ *"status": *"\([a-z]*\)".*/\1/p'
}

# oci_pid ID: the container's PID 1 as seen from here.
oci_pid() {
	rt_ state "$1" 2>/dev/null | sed -n 's/^ *"pid": *\([0-9]*\).*/\1/p'
}

# oci_wait_running ID: until the container's PID 1 runs (5 s).
oci_wait_running() {
	for _ in $(seq 100); do
		[ "$(oci_status "$1")" = running ] && return 0
		sleep 0.05
	done
	fail "container $1 never ran: $(cat "$BUNDLE/stderr" 2>/dev/null)"
}

# oci_wait_exit [TENTHS]: wait for the backgrounded run (default 10 s);
# sets RC to its exit status.
oci_wait_exit() {
	WAIT_WHAT="container $ID" wait_exit $(( (${1:-100} + 9) / 10 )) "$RUN_PID"
}

# oci_show: the container's output, for failure messages.
oci_show() {
	printf '%s' "stdout: $(cat "$BUNDLE/stdout" 2>/dev/null) stderr: $(cat "$BUNDLE/stderr" 2>/dev/null)"
}

# oci_need: skip unless RT can start a container here, and pick how to run
# it (RT_UNSHARE). Busybox must be static: a missing busybox-static is a
# broken setup, not a reason to skip.
oci_need() {
	command -v "$RT" >/dev/null 2>&1 || skip "$RT is not installed"
	[ "$(id -u)" = 0 ] || skip "$RT needs root here (rootless containers are not set up by this test)"
	[ -n "$BUSYBOX" ] || fail "no busybox: install busybox-static"
	is_static "$BUSYBOX" || fail "$BUSYBOX is not static: install busybox-static"
	is_static "$TEND" || skip "$TEND is not static (a sanitizer build?): the bundle holds no libc"
	oci_bundle probe
	oci_config /bin/busybox true
	oci_id
	if rt_ run --bundle "$BUNDLE" "$ID" </dev/null >"$TMP/probe.out" 2>&1; then
		return 0
	fi
	rt_ delete -f "$ID" >/dev/null 2>&1
	if grep -q "hybrid mode" "$TMP/probe.out" && command -v unshare >/dev/null; then
		RT_UNSHARE=1
		oci_id
		rt_ run --bundle "$BUNDLE" "$ID" </dev/null >"$TMP/probe2.out" 2>&1 && {
			ok "$RT refuses hybrid cgroups: running it with /sys/fs/cgroup/unified unmounted in a private mount namespace"
			return 0
		}
		cat "$TMP/probe2.out" >>"$TMP/probe.out"
	fi
	skip "$RT cannot start a container here: $(tr '\n' ' ' <"$TMP/probe.out" | cut -c1-200)"
}

# expect_rc WANT WHAT: the container's exit status ($RC) is WANT.
expect_rc() {
	[ "$RC" = "$1" ] || fail "$2: expected exit status $1, got $RC; $(oci_show)"
	ok "$2"
}
