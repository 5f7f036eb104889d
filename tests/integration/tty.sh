#!/bin/sh
# SPDX-License-Identifier: MIT
# With a terminal, the app owns the foreground: Ctrl-C reaches it directly,
# and a Ctrl-Z cannot wedge a container.
. "$TESTLIB"
need_ns
[ -x "$HELPERS/ptyrun" ] || fail "ptyrun helper missing"

# The app's group is the terminal's foreground group.
ptyrun -- "$TEND" -- procinfo >"$TMP/out" 2>&1
expect_eq $? 0 "procinfo under a pty"
pg=$(sed -n 's/^pgid: \([0-9]*\).*/\1/p' "$TMP/out")
fg=$(sed -n 's/^tty_fg: \([0-9-]*\).*/\1/p' "$TMP/out")
expect_eq "$fg" "$pg" "app's process group owns the terminal"

# Ctrl-C: the terminal sends SIGINT to the app's group; sigecho exits 0 on it.
ptyrun -d 500 -c 3 -- "$TEND" -- sigecho -x 2 >"$TMP/out" 2>&1
expect_eq $? 0 "Ctrl-C reached the app as SIGINT (tend as a plain process)"
ptyrun -d 500 -c 3 -- $NS "$TEND" -- sigecho -x 2 >"$TMP/out" 2>&1
expect_eq $? 0 "Ctrl-C reached the app as SIGINT (tend as PID 1)"
ptyrun -d 500 -c 3 -- $NS "$TEND" -- sleep 10 >"$TMP/out" 2>&1
expect_eq $? 130 "Ctrl-C kills a plain app: tend exits 130"

# Ctrl-Z as PID 1: nobody could resume the app, so tend does.
start=$(now_ms)
ptyrun -d 300 -c 26 -- $NS "$TEND" -- sleep 1 >"$TMP/out" 2>&1
rc=$?
took=$(( $(now_ms) - start ))
expect_eq "$rc" 0 "Ctrl-Z as PID 1: app resumed and finished"
expect_match "$TMP/out" 'app stopped by SIGTSTP; resuming it' "Ctrl-Z as PID 1 is logged"
[ "$took" -lt 5000 ] || fail "Ctrl-Z as PID 1 took ${took} ms"
