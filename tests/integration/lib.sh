# SPDX-License-Identifier: MIT
# lib.sh - shared by the integration tests: sourced, never run.
#
# Each test runs the real tend binary ($TEND), usually as PID 1 of a fresh
# PID namespace, with the C helpers in $HELPERS as apps. A test prints one
# "ok: ..." line per check, exits 0 when all passed, 1 on the first failure
# (saying what was expected and what was seen), and 77 when the kernel
# refuses the namespaces it needs (ctest reports that as skipped).

set -u
: "${TEND:?TEND must name the tend binary}"
: "${HELPERS:?HELPERS must name the helpers directory}"
PATH="$HELPERS:$PATH"
export PATH

TMP=$(mktemp -d "${TMPDIR:-/tmp}/tend-test.XXXXXX")
BG_PIDS=""
cleanup() {
	for p in $BG_PIDS; do kill -9 "$p" 2>/dev/null; done
	rm -rf "$TMP"
}
trap cleanup EXIT
# A test killed from outside still cleans up: TERM, INT or HUP (from a
# pkill, or a ctest TIMEOUT_SIGNAL_NAME), and PIPE too: when the ctest
# that reads our output dies, the next "ok: ..." line gets SIGPIPE, whose
# default action would end the script without this trap, leaving every
# tend it started running (seen: orphaned tends after a killed ctest run).
trap "exit 143" TERM INT HUP
trap "exit 141" PIPE

# Sanitizer builds start and exit several times slower: timing bounds
# scale by SLOW (1 for the real binary).
case $("$TEND" --version 2>/dev/null) in *ASan*) SLOW=10 ;; *) SLOW=1 ;; esac

# fail WHY: say what was expected and seen, with the end of tend's stderr
# (a debug-level tend logs a line per probe), and end the test.
fail() {
	echo "FAIL: $*" >&2
	[ -s "$TMP/err" ] && tail -n 40 "$TMP/err" | sed 's/^/  stderr: /' >&2
	exit 1
}
skip() { echo "SKIP: $*"; exit 77; }
ok() { echo "ok: $*"; }

# expect_eq GOT WANT WHAT
expect_eq() { [ "$1" = "$2" ] || fail "$3: expected '$2', got '$1'"; ok "$3"; }
# expect_match FILE REGEX WHAT
expect_match() { grep -Eq -- "$2" "$1" || fail "$3: no line matching '$2' in $(cat "$1")"; ok "$3"; }

# Whatever ends the script, even a KILL (which no trap sees), takes what
# it started with it: setpriv gives the unshare (or tend) the script
# starts a parent-death signal, and --kill-child passes it on to the PID 1
# of the namespace; when that dies the kernel kills the rest of it.
PDEATH=""
setpriv --pdeathsig KILL true 2>/dev/null && PDEATH="setpriv --pdeathsig KILL"
if [ "$(id -u)" = 0 ]; then
	NS="$PDEATH unshare --pid --fork --mount-proc --kill-child"
else
	NS="$PDEATH unshare --user --map-root-user --pid --fork --mount-proc --kill-child"
fi
# need_ns: skip unless the kernel gives us a PID namespace.
need_ns() {
	$NS true 2>/dev/null || skip "the kernel refuses a new PID namespace ($NS)"
}

# as_pid1 ARGS...: run tend as PID 1 of a new namespace, in the foreground.
as_pid1() { $NS "$TEND" "$@"; }

# need_net_probes: skip unless this tend was built with gRPC probes and
# host names (cmake -DTEND_NET_PROBES=ON).
need_net_probes() {
	"$TEND" probe grpc://127.0.0.1:1 2>&1 | grep -q 'not built into' &&
	    skip "this tend is built without gRPC probes and host names (-DTEND_NET_PROBES=OFF)"
	return 0
}

# start_ns CMD...: CMD as PID 1 of a new PID namespace, in the background,
# its output in $TMP/out and $TMP/err (emptied first: an old "ready" would
# let a test signal PID 1 before it has its handlers); sets NS_PID (the
# unshare process to wait for) and PID1 (CMD's pid as seen from here).
# Expand any $(...) in CMD before calling: in the background command it
# would run in a child that the children file below shows for an instant.
start_ns() {
	: >"$TMP/out"
	$NS "$@" >"$TMP/out" 2>"$TMP/err" &
	NS_PID=$!
	BG_PIDS="$BG_PIDS $NS_PID"
	PID1=""
	# 30 s, as wait_for: 2 s was a guess a loaded machine can overrun.
	for _ in $(seq 1500); do
		PID1=$(cat "/proc/$NS_PID/task/$NS_PID/children" 2>/dev/null | tr -d ' ')
		# Kill it too on the way out: unshare alone would leave it running.
		[ -n "$PID1" ] && BG_PIDS="$BG_PIDS $PID1" && return 0
		sleep 0.02
	done
	fail "$1 did not start under $NS"
}

# start_pid1 ARGS...: tend ARGS as start_ns runs it; sets TEND_PID too.
start_pid1() {
	start_ns "$TEND" "$@"
	TEND_PID=$PID1
}

# start_plain ARGS...: tend in the background, not PID 1; sets TEND_PID.
# Its output files are emptied here first, as start_ns does: the background
# command's own redirection may come after the test's first look at them.
start_plain() {
	: >"$TMP/out"
	$PDEATH "$TEND" "$@" >"$TMP/out" 2>"$TMP/err" &
	TEND_PID=$!
	NS_PID=$TEND_PID
	BG_PIDS="$BG_PIDS $TEND_PID"
}

# wait_for FILE REGEX [TENTHS]: until FILE has a matching line (default
# 30 s). The bound only catches a hang: on a loaded machine a runtime or a
# namespace can take seconds to start, and waiting longer costs nothing
# when the state comes.
wait_for() {
	for _ in $(seq "${3:-300}"); do
		grep -Eq -- "$2" "$1" 2>/dev/null && return 0
		sleep 0.1
	done
	fail "timed out waiting for '$2' in $1: $(cat "$1" 2>/dev/null)"
}

# wait_exit SECONDS [PID]: wait for PID (default: the background tend,
# NS_PID) with a time limit; sets RC, or fails if it is still running.
wait_exit() {
	_pid=${2:-$NS_PID}
	for _ in $(seq $(( $1 * 10 ))); do
		kill -0 "$_pid" 2>/dev/null || break
		sleep 0.1
	done
	kill -0 "$_pid" 2>/dev/null && fail "${WAIT_WHAT:-tend} still running after $1 s"
	wait "$_pid"
	RC=$?
}

# now_ms: monotonic-enough milliseconds for coarse timing checks.
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# zombies [PPID]: how many processes are zombies (children of PPID, if given).
zombies() {
	cat /proc/[0-9]*/status 2>/dev/null | awk -v want="${1:-}" '
		/^Name:/ { s = ""; p = "" }
		/^State:/ { s = $2 }
		/^PPid:/ { p = $2; if (s == "Z" && (want == "" || p == want)) n++ }
		END { print n + 0 }'
}

# Under user-mode emulation (scripts/cross-test.sh sets TEST_EMULATOR to
# qemu-ARCH-static), some things cannot work, whatever tend does: qemu-user
# refuses PR_SET_CHILD_SUBREAPER and some clone flags, keeps real-time
# signals of its own, catches signals itself, runs a thread of its own.
# emulated: true there; skip_emulated WHY: skip the whole test there.
emulated() { [ -n "${TEST_EMULATOR:-}" ]; }
VFORK_NOTE="qemu-user runs CLONE_VM|CLONE_VFORK as a plain fork, so the child's error never reaches tend"
SUBREAPER_NOTE="qemu-user refuses PR_SET_CHILD_SUBREAPER, so tend not run as PID 1 warns"
skip_emulated() {
	emulated && skip "under user-mode emulation ($TEST_EMULATOR): $*"
	return 0
}
