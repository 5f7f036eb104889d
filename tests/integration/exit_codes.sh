#!/bin/sh
# SPDX-License-Identifier: MIT
# tend exits with the app's code, 128+N for death by signal N, 126/127 when
# the app cannot run, 2 for usage errors, and applies -e remapping.
. "$TESTLIB"
need_ns

for c in 0 1 42 255; do
	as_pid1 -- sh -c "exit $c" 2>"$TMP/err"
	expect_eq $? "$c" "app exit $c is tend's exit code"
done
# Every signal whose default is to end the process (Linux's generic
# numbers, the same on all seven architectures), and two real-time ones.
for sn in HUP:1 INT:2 QUIT:3 ILL:4 TRAP:5 ABRT:6 BUS:7 FPE:8 KILL:9 USR1:10 \
    SEGV:11 USR2:12 PIPE:13 ALRM:14 TERM:15 XCPU:24 XFSZ:25 VTALRM:26 PROF:27 \
    IO:29 PWR:30 SYS:31 40:40 64:64; do
	s=${sn%:*} n=${sn#*:}
	if emulated && [ "$n" -ge 32 ]; then
		echo "note: SIG$s left out under user-mode emulation ($TEST_EMULATOR remaps real-time signals)"
		continue
	fi
	as_pid1 -- sh -c "kill -$s \$\$" 2>"$TMP/err"
	expect_eq $? $((128 + n)) "app killed by SIG$s exits $((128 + n))"
done

as_pid1 -- /nonexistent/app 2>"$TMP/err"
expect_eq $? 127 "missing app exits 127"
# ({ ...; } so that under emulation the line is left out, with a note.)
if emulated; then echo "note: exec error lines left out under user-mode emulation ($VFORK_NOTE)"; else
expect_match "$TMP/err" "^tend: cannot run '/nonexistent/app': No such file or directory$" \
    "missing app gets one line naming it"
fi
as_pid1 -- no-such-command-anywhere 2>"$TMP/err"
expect_eq $? 127 "command not in PATH exits 127"
printf 'echo hi\n' >"$TMP/noexec"
chmod 644 "$TMP/noexec"
as_pid1 -- "$TMP/noexec" 2>"$TMP/err"
expect_eq $? 126 "non-executable file exits 126"
emulated || expect_match "$TMP/err" "cannot run '.*noexec': Permission denied" "126 says why"
as_pid1 -- "$TMP" 2>"$TMP/err"
expect_eq $? 126 "a directory exits 126"

"$TEND" 2>"$TMP/err"
expect_eq $? 2 "no command exits 2"
expect_match "$TMP/err" "^tend: no command given" "no command is one clear line"
"$TEND" --grace 5x -- true 2>"$TMP/err"
expect_eq $? 2 "bad duration exits 2"
expect_match "$TMP/err" '^tend: --grace: bad value "5x"' "bad value names option and value"
"$TEND" --frobnicate -- true 2>"$TMP/err"
expect_eq $? 2 "unknown option exits 2"
TEND_KILL_GROUP=maybe "$TEND" -- true 2>"$TMP/err"
expect_eq $? 2 "bad variable exits 2"
expect_match "$TMP/err" '^tend: TEND_KILL_GROUP: bad value "maybe"' "bad variable is named"
[ "$(wc -l <"$TMP/err")" -eq 1 ] || fail "usage error is more than one line"
# A value checked after parsing is named as it was given, too.
"$TEND" --health bogus -- true 2>"$TMP/err"
expect_eq $? 2 "a bad --health exits 2"
expect_match "$TMP/err" '^tend: --health: ' "a bad --health names the option"
TEND_HEALTH=bogus "$TEND" -- true 2>"$TMP/err"
expect_eq $? 2 "a bad TEND_HEALTH exits 2"
expect_match "$TMP/err" '^tend: TEND_HEALTH: ' "a bad TEND_HEALTH names the variable"

# Usage errors honour the log format asked for, even when another option
# is the one that is wrong, and quote what was given as valid JSON.
json_error() {
	[ "$(wc -l <"$TMP/err")" -eq 1 ] || fail "$1: not one line: $(cat "$TMP/err")"
	jq -e "select(.level == \"error\" and (.msg | $2))" "$TMP/err" >/dev/null ||
	    fail "$1: not a JSON error line whose msg is $2: $(cat "$TMP/err")"
	ok "$1: one JSON error line"
}
"$TEND" --grace "$(printf '5x\033\377')" --log-format json -- true 2>"$TMP/err"
expect_eq $? 2 "bad duration before --log-format json exits 2"
json_error "--log-format json after the bad option" \
    'startswith("--grace: bad value \"5x?\ufffd\"")'
TEND_LOG_FORMAT=json "$TEND" --frobnicate -- true 2>"$TMP/err"
expect_eq $? 2 "unknown option with TEND_LOG_FORMAT=json exits 2"
json_error "TEND_LOG_FORMAT=json" 'startswith("unknown option \"--frobnicate\"")'
TEND_LOG_FORMAT=json TEND_KILL_GROUP=maybe "$TEND" -- true 2>"$TMP/err"
json_error "a bad variable with TEND_LOG_FORMAT=json" 'startswith("TEND_KILL_GROUP: bad value")'
TEND_LOG_FORMAT=json "$TEND" 2>"$TMP/err"
json_error "no command with TEND_LOG_FORMAT=json" 'startswith("no command given")'
# An app name with ESC and invalid UTF-8, in JSON and in text.
bad=$(printf 'no\033[31mapp\377')
as_pid1 --log-format json -- "$bad" 2>"$TMP/err"
expect_eq $? 127 "a missing app with a hostile name exits 127"
json_error "a hostile app name in JSON" \
    '. == "cannot run '"'"'no\u001b[31mapp\ufffd'"'"': No such file or directory"'
as_pid1 -- "$bad" 2>"$TMP/err"
expect_match "$TMP/err" "^tend: cannot run 'no\\\\x1b\\[31mapp\\\\xff': No such file" \
    "a text line shows ESC and invalid bytes as \\xHH"
if grep -q "$(printf '\033')" "$TMP/err"; then fail "a text line holds a raw ESC"; fi

as_pid1 -e 3 -- sh -c 'exit 3' 2>"$TMP/err"
expect_eq $? 0 "-e 3 maps 3 to 0"
as_pid1 -e 3:7 -e 4 -- sh -c 'exit 3' 2>"$TMP/err"
expect_eq $? 7 "-e 3:7 maps 3 to 7"
TEND_REMAP_EXIT=143,130:0 as_pid1 -- sh -c 'kill -TERM $$' 2>"$TMP/err"
expect_eq $? 0 "TEND_REMAP_EXIT=143 maps death by TERM to 0"
as_pid1 -e 5 -- sh -c 'exit 6' 2>"$TMP/err"
expect_eq $? 6 "-e leaves other codes alone"

"$TEND" --help >"$TMP/out"
expect_eq $? 0 "--help exits 0"
expect_match "$TMP/out" '^usage: tend \[OPTIONS\] \[--\] COMMAND \[ARG \.\.\.\]$' "--help prints the synopsis"
"$TEND" --version >"$TMP/out"
expect_eq $? 0 "--version exits 0"
expect_match "$TMP/out" '^tend version [0-9]+\.[0-9]+\.[0-9]+ - git\.' "--version is parseable"
