#!/bin/sh
# SPDX-License-Identifier: MIT
# The app starts clean: empty signal mask, default dispositions, only the
# fds tend inherited, argv/env/cwd untouched, and tend keeps no stray fds.
. "$TESTLIB"
need_ns

# Start tend with signals blocked and ignored (the classic ones, the
# first a glibc app may use (34) and the last, 64) and an extra fd, as a careless parent
# might: the mask and dispositions tend gives the app must be the kernel's
# whole sigset on every ABI (on 32-bit, a 4-byte set is EINVAL: all blocked).
cd "$TMP" || fail "cd"
sh -c 'exec 7</dev/null; exec env --block-signal \
    --ignore-signal=INT,QUIT,PIPE,USR1,TERM,HUP,34,40,64 "$@"' sh \
    $NS "$TEND" -- procinfo "" "-x" "--" "two words" 'a"b' --env WEIRD EMPTY MISSING \
    >"$TMP/out" 2>"$TMP/err" 7</dev/null
expect_eq $? 0 "procinfo ran"
expect_match "$TMP/out" '^SigBlk:[[:space:]]+0+$' "app has an empty signal mask"
expect_match "$TMP/out" '^SigIgn:[[:space:]]+0+$' "app ignores no signal (tend reset them)"
# (Under qemu-user the emulator itself catches signals for the app.)
emulated || expect_match "$TMP/out" '^SigCgt:[[:space:]]+0+$' "app catches no signal"
# The baseline: what a process started the same way without tend inherits.
base=$(sh -c 'exec 7</dev/null; exec procinfo' 7</dev/null | sed -n 's/^fds: //p')
case " $base " in *" 7 "*) ;; *) fail "baseline lacks fd 7: $base" ;; esac
expect_match "$TMP/out" "^fds: $base\$" "app has exactly the fds tend inherited ($base), none of tend's"
expect_match "$TMP/out" '^args: \[procinfo\] \[\] \[-x\] \[--\] \[two words\] \[a"b\]$' \
    "argv passes through with empty and dash arguments"
expect_match "$TMP/out" "^cwd: $TMP\$" "app starts in tend's working directory"
# (qemu-user's own thread takes pid 2 of a new namespace.)
emulated || expect_match "$TMP/out" '^pid: 2$' "app is pid 2 beside tend as pid 1"
emulated || expect_match "$TMP/out" '^pgid: 2$' "app leads its own process group"

WEIRD='x=y;$(z) é
line2' EMPTY='' as_pid1 -- procinfo --env WEIRD EMPTY MISSING >"$TMP/out" 2>"$TMP/err"
expect_match "$TMP/out" '^env WEIRD=x=y;\$\(z\) é$' "environment passes through untouched"
expect_match "$TMP/out" '^line2$' "multi-line values survive"
expect_match "$TMP/out" '^env EMPTY=$' "empty variables survive"
expect_match "$TMP/out" '^env MISSING=\(unset\)$' "nothing is added"

# tend itself closed the stray fd 7 but the app still has it.
start_pid1 -- sh -c 'ls /proc/self/fd >"$0"; sleep 30' "$TMP/appfds" 7</dev/null
wait_for "$TMP/appfds" '^7$'
tfds=$(for f in /proc/$TEND_PID/fd/*; do
	n=${f##*/}; [ "$n" -gt 2 ] && readlink "$f"; done | tr '\n' ' ')
expect_eq "$tfds" "anon_inode:[signalfd] " "tend closed every inherited fd but stdio, keeping its signalfd"
kill -TERM "$TEND_PID"
wait "$NS_PID"; rc=$?
expect_eq "$rc" 143 "app killed by forwarded TERM"
