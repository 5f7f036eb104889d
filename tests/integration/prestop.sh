#!/bin/sh
# SPDX-License-Identifier: MIT
# --pre-stop exec:CMD ARGS: on the stop signal, CMD runs before the signal
# is forwarded, as the app's user, with its environment and no_new_privs;
# its output is in tend's log; --pre-stop-timeout bounds it (its group is
# then KILLed); a second TERM, or an INT, cuts it short.
. "$TESTLIB"
need_ns

APP='trap "echo app-got-term; exit 0" TERM; trap "" INT; echo up; while :; do sleep 0.05; done'

# start_app TEND-ARGS...: tend as PID 1 with the app, once it is up. The
# app's output is in $TMP/out; tend's lines and the command's in $TMP/err.
start_app() {
	start_pid1 "$@" -- sh -c "$APP"
	wait_for "$TMP/out" '^up$'
}

# 1. The command runs first, then the app gets TERM; as the app's user,
#    with the app's environment (HOME from --user), and no_new_privs.
HOOK="exec:sh -c 'echo hook-start; echo hook-uid \$(id -u) home \$HOME foo \$FOO; grep NoNewPrivs /proc/self/status; sleep 0.3; echo hook-done'"
FOO=bar start_app --user 4242 --no-new-privs -v --pre-stop "$HOOK"
t0=$(now_ms)
kill -TERM "$TEND_PID"
wait "$NS_PID"
rc=$? took=$(( $(now_ms) - t0 ))
expect_eq "$rc" 0 "the app handled TERM: status 0"
expect_match "$TMP/err" '^hook-uid 4242 home / foo bar$' "the command runs as --user, with the app's environment"
expect_match "$TMP/err" 'NoNewPrivs:[[:space:]]*1' "and with no_new_privs"
expect_match "$TMP/err" "^tend: pre-stop: 'sh' exited 0 after [0-9]+ ms$" "its end is logged"
# The app's TERM came after the hook finished.
hook_done=$(grep -n '^hook-done$' "$TMP/err" | cut -d: -f1)
[ -n "$hook_done" ] || fail "no hook-done in $(cat "$TMP/err")"
awk '/^hook-done$/ { h = 1 } /exited 0 after/ { if (!h) exit 1 }' "$TMP/err" || fail "logged before it finished"
grep -q app-got-term "$TMP/out" || fail "the app never got TERM"
# The app exits at once on TERM, and the command takes 300 ms first.
[ "$took" -ge 300 ] || fail "tend was done $took ms after TERM: the app did not wait for the command"
ok "the app gets TERM after the command has exited ($took ms)"

# 2. --pre-stop-timeout: a command that hangs is KILLed, then TERM goes on.
start_app --pre-stop "exec:sh -c 'sleep 30 & sleep 30'" --pre-stop-timeout 300ms
t0=$(now_ms)
kill -TERM "$TEND_PID"
wait "$NS_PID"
took=$(( $(now_ms) - t0 ))
[ "$took" -ge 280 ] && [ "$took" -lt $((2500 * SLOW)) ] || fail "--pre-stop-timeout 300ms: took $took ms"
expect_match "$TMP/err" "^tend: pre-stop: 'sh' still running after [0-9]+ ms; KILLing it$" "a hanging command is KILLed at the timeout"
grep -q app-got-term "$TMP/out" || fail "the app never got TERM"
ok "then the app gets TERM ($took ms after the stop signal)"

# 3. A second TERM, or an INT, cuts it short.
for second in TERM INT; do
	start_app --pre-stop "exec:sleep 30" --pre-stop-timeout 20s
	kill -TERM "$TEND_PID"
	sleep 0.3
	grep -q app-got-term "$TMP/out" && fail "$second: TERM forwarded before the command ended"
	t0=$(now_ms)
	kill -"$second" "$TEND_PID"
	wait "$NS_PID"
	took=$(( $(now_ms) - t0 ))
	grep -q app-got-term "$TMP/out" || fail "$second: the app never got TERM"
	[ "$took" -lt $((1500 * SLOW)) ] || fail "$second: took $took ms"
	ok "a second $second cuts the command short ($took ms)"
done

# 4. TEND_PRE_STOP takes the same; a bad command is a usage error.
TEND_PRE_STOP="exec:echo from-env" start_app
kill -TERM "$TEND_PID"; wait "$NS_PID"
expect_match "$TMP/err" '^from-env$' "TEND_PRE_STOP=exec:... runs it"
"$TEND" --pre-stop "exec:" -- true 2>"$TMP/err"
expect_eq $? 2 "--pre-stop exec: with no command: exit 2"
expect_match "$TMP/err" '^tend: --pre-stop: ' "one line naming it"
"$TEND" --pre-stop "tcp://127.0.0.1:1" -- true 2>"$TMP/err"
expect_eq $? 2 "--pre-stop tcp://...: exit 2"
