#!/bin/sh
# SPDX-License-Identifier: MIT
# tend as a drop-in for docker --init (tini) and dumb-init: tini's and
# dumb-init's documented invocations and variables, run under the real
# peer and under tend (same arguments, only the binary swapped), must
# behave the same; the rows of the migration table (docs/containers.md)
# that need a different flag are checked the same way.
. "$TESTLIB"
need_ns
for p in tini dumb-init; do
	command -v "$p" >/dev/null || skip "$p is not installed (scripts/deps.sh installs it)"
done

# bg ENV INIT ARGS...: INIT as PID 1 in the background, with ENV ("-" for
# none); sets PID1 and NSP. (env execs the init: the child of unshare is
# the init.)
bg() {
	e=$1; shift
	if [ "$e" = - ]; then set -- "$@"; else set -- env "$e" "$@"; fi
	start_ns "$@"
	NSP=$NS_PID
}

# group ENV INIT ARGS...: does a TERM sent to PID 1 reach the app's own
# child too (its process group), or the app alone? Prints group|app.
group() {
	rm -f "$TMP/gc" "$TMP/sh"
	# The trap first: the child's "ready" must also mean the app has its
	# trap. (Set after the child, a loaded app could still be without it
	# when the TERM came, die of it, and never write "term": a timeout.)
	bg "$@" sh -c 'trap "echo term >>$0/sh" TERM; sigecho >"$0/gc" &
		while :; do sleep 0.05; done' "$TMP"
	wait_for "$TMP/gc" '^ready$'
	kill -TERM "$PID1"
	wait_for "$TMP/sh" '^term$'
	# The app has it; its child, in the same group, got it in the same
	# kill() or never. To know which without giving the write a guessed
	# time, send the child a WINCH (28) now: sigecho takes its pending
	# signals one at a time, lowest first, so once 28 is written a 15
	# sent before it is written too, or never came.
	gc=""
	for a in $(cat /proc/"$PID1"/task/*/children); do
		for c in $(cat /proc/"$a"/task/*/children 2>/dev/null); do
			[ "$(cat "/proc/$c/comm" 2>/dev/null)" = sigecho ] && gc=$c
		done
	done
	[ -n "$gc" ] || fail "$*: the app's sigecho child is not found"
	kill -WINCH "$gc"
	wait_for "$TMP/gc" '^28$'
	kill -KILL "$PID1"; wait "$NSP" 2>/dev/null
	grep -qx 15 "$TMP/gc" && echo group || echo app
}
# same WHAT PEER-RESULT TEND-RESULT
same() { expect_eq "$3" "$2" "$1: tend behaves as the peer ($2)"; }

T=$TEND
same "tini --" "$(group - tini --)" "$(group - "$T" --)"
same "tini -g --" "$(group - tini -g --)" "$(group - "$T" -g --)"
same "TINI_KILL_PROCESS_GROUP=1 tini --" "$(group TINI_KILL_PROCESS_GROUP=1 tini --)" \
    "$(group TINI_KILL_PROCESS_GROUP=1 "$T" --)"
same "DUMB_INIT_SETSID=0 dumb-init --" "$(group DUMB_INIT_SETSID=0 dumb-init --)" \
    "$(group DUMB_INIT_SETSID=0 "$T" --)"
same "dumb-init -- (migrated: tend -g --)" "$(group - dumb-init --)" "$(group - "$T" -g --)"

# Exit codes: passed through, and tini's -e.
# (60 s only catches a hang: a loaded machine can take seconds per run.)
ex() { timeout -k 2 60 $NS "$@" >/dev/null 2>&1; echo $?; }
same "tini -- exit 3" "$(ex tini -- sh -c 'exit 3')" "$(ex "$T" -- sh -c 'exit 3')"
same "tini -e 3 --" "$(ex tini -e 3 -- sh -c 'exit 3')" "$(ex "$T" -e 3 -- sh -c 'exit 3')"
same "tini -p SIGKILL --" "$(ex tini -p SIGKILL -- true)" "$(ex "$T" -p SIGKILL -- true)"
same "dumb-init -- exit 3" "$(ex dumb-init -- sh -c 'exit 3')" "$(ex "$T" -- sh -c 'exit 3')"

# dumb-init --rewrite 15:2 (migrated: tend -r 15:2): what the app receives.
rw() {
	bg - "$@" sigecho -n 1
	wait_for "$TMP/out" '^ready$'
	kill -TERM "$PID1"; wait_exit 30 "$NSP"
	grep -v ready "$TMP/out"
}
same "dumb-init --rewrite 15:2 (migrated: tend -r 15:2)" "$(rw dumb-init --rewrite 15:2 --)" \
    "$(rw "$T" -r 15:2 --)"

# tini -w: a warning for each zombie reaped (3 orphans), none without it.
# The app ends only once the init has reaped all three (bounded): until
# then each is a child of PID 1, alive or a zombie, as the app itself is;
# a fixed 0.5 s let a loaded init exit with orphans still unreaped.
warns() {
	timeout -k 2 60 $NS "$@" sh -c 'orphans 3 >/dev/null
		for _ in $(seq 600); do
			[ "$(cat /proc/[0-9]*/status 2>/dev/null |
			    awk "/^PPid:/ && \$2 == 1 { n++ } END { print n + 0 }")" = 1 ] && exit 0
			sleep 0.05
		done
		exit 1' >/dev/null 2>"$TMP/err"
	grep -ci 'reaped zombie' "$TMP/err"
}
same "tini -w --" "$(warns tini -w --)" "$(warns "$T" -w --)"
same "tini --, no -w" "$(warns tini --)" "$(warns "$T" --)"

# tini -l: the license, exit 0.
tini -l >"$TMP/lic" && "$T" -l >"$TMP/out" || fail "-l: exit $?"
grep -q 'MIT License' "$TMP/lic" && expect_match "$TMP/out" 'MIT License' "tend -l prints the license (MIT, as tini's)"

# TINI_VERBOSITY: 2 (info) logs the app's start, 1 (the default) does not.
started() {
	env "$1" $NS "$2" -- true >"$TMP/out" 2>"$TMP/err"
	cat "$TMP/out" "$TMP/err" | grep -Eci 'spawned child|started'
}
same "TINI_VERBOSITY=1" "$(started TINI_VERBOSITY=1 tini)" "$(started TINI_VERBOSITY=1 "$T")"
same "TINI_VERBOSITY=2" "$(started TINI_VERBOSITY=2 tini)" "$(started TINI_VERBOSITY=2 "$T")"

# TINI_SUBREAPER (set, even empty): not PID 1, an orphan is reparented to
# the init. (tend is a subreaper whenever it is not PID 1 anyway.)
# The orphan's first parent writes both pids; the new parent is read once
# that one has exited (bounded), not after a guessed time.
orphan_parent() {
	rm -f "$TMP/opid"
	env TINI_SUBREAPER= "$@" sh -c 'sh -c "sleep 30 & echo \$! \$\$ >\"\$0/opid\"" "$0"
	    sleep 30' "$TMP" >/dev/null 2>&1 &
	ip=$!; BG_PIDS="$BG_PIDS $ip"
	wait_for "$TMP/opid" '^[0-9]+ [0-9]+$'
	read -r op mid <"$TMP/opid"
	for _ in $(seq 300); do
		pp=$(awk '/^PPid:/ { print $2 }' "/proc/$op/status" 2>/dev/null)
		[ -n "$pp" ] && [ "$pp" != "$mid" ] && break; sleep 0.1
	done
	kill -KILL "$op" "$ip" 2>/dev/null; wait "$ip" 2>/dev/null
	[ "$pp" = "$ip" ] && echo init || echo other
}
if emulated; then
	echo "note: TINI_SUBREAPER not compared: $SUBREAPER_NOTE"
else
	same "TINI_SUBREAPER= tini -- (not PID 1)" "$(orphan_parent tini --)" "$(orphan_parent "$T" --)"
fi
