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

# Ctrl-Z under a job-control shell (tend not PID 1): tend stops with the app,
# the shell sees the job stopped, and fg resumes both.
command -v tmux >/dev/null || fail "tmux is missing (scripts/deps.sh installs it)"
# The server's socket in $TMP, which cleanup removes (with -L it would stay
# behind in /tmp/tmux-UID).
tm() { tmux -S "$TMP/tmux.sock" "$@"; }
# pane_wait REGEX WHAT: until the pane shows a line matching REGEX (20 s).
pane_wait() {
	for _ in $(seq 200); do
		tm capture-pane -p >"$TMP/pane" 2>/dev/null
		grep -Eq -- "$1" "$TMP/pane" && { ok "$2"; return 0; }
		sleep 0.1
	done
	fail "$2: no line matching '$1' in the pane: $(cat "$TMP/pane")"
}
tm new-session -d -x 150 -y 40 "env PS1='$ ' bash --norc --noprofile -i" || fail "tmux"
BG_PIDS="$BG_PIDS $(tm display-message -p '#{pid}' 2>/dev/null)"
trap 'tm kill-server 2>/dev/null; cleanup' EXIT
pane_wait '^\$' "the job-control shell is up"
tm send-keys "$TEND -v -- sleep 2; echo ST=\$?" Enter
pane_wait "started 'sleep' as pid" "tend started the app under the shell"
tm send-keys C-z
pane_wait 'app stopped by SIGTSTP; stopping too' "Ctrl-Z: tend stops along with the app"
tm send-keys "jobs -l" Enter
pane_wait 'Stopped.*tend' "Ctrl-Z: the shell sees the job stopped"
tm send-keys "fg" Enter
pane_wait 'app exited with 0' "fg resumes tend and the app, which finishes"
tm send-keys 'echo FG=$?' Enter
pane_wait '^FG=0$' "and tend's status, which fg returns, is the app's 0"
