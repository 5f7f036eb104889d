#!/bin/sh
# SPDX-License-Identifier: MIT
# --log-format json / TEND_LOG_FORMAT=json: every line tend writes is one
# JSON object on one line, with time, level and msg, plus the event's own
# fields (pid, cmd, exit_code, signal, count). Checked with jq, a real JSON
# parser, not with patterns: an app name full of quotes, backslashes and
# control bytes must come back out of the parser byte for byte.
. "${TESTLIB%/*}/../integration/lib.sh"
skip_emulated "$SUBREAPER_NOTE"

if ! command -v jq >/dev/null 2>&1; then
	[ -n "${CI:-}" ] && fail "jq is not installed (CI must apt-get install jq)"
	skip "jq is not installed"
fi

SCHEMA='type == "object"
	and (.time | type == "string"
	     and test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$"))
	and (.level | IN("error", "warn", "info", "debug"))
	and (.msg | type == "string" and length > 0)'

# check_lines FILE WHAT: each line parses alone and fits the schema.
check_lines() {
	[ -s "$1" ] || fail "$2: tend logged nothing"
	n=0
	while IFS= read -r line; do
		n=$((n + 1))
		printf '%s\n' "$line" | jq -e "$SCHEMA" >/dev/null 2>&1 ||
		    fail "$2: line $n is not a JSON object with time/level/msg: $line"
	done <"$1"
	ok "$2: all $n lines are JSON objects with time, level and msg"
}

# field FILE MSG-REGEX JQ-EXPR: the line whose msg matches has EXPR true.
field() {
	jq -e --arg re "$2" "select(.msg | test(\$re)) | $3" "$1" 2>/dev/null | grep -q true ||
	    fail "no line with msg ~ /$2/ and $3 in: $(cat "$1")"
	ok "event: /$2/ has $3"
}

# 1. An app killed by TERM that leaves a TERM-ignoring daemon: start,
# death by signal, and the drain's TERM and KILL, each with its fields.
"$TEND" --log-format json -vv --grace 300ms -- \
    sh -c "daemon ignore '$TMP/stubborn'; kill -TERM \$\$" >/dev/null 2>"$TMP/log"
expect_eq $? 143 "app killed by TERM: exit 143"
check_lines "$TMP/log" "--log-format json"
field "$TMP/log" '^started ' '(.pid | type == "number") and .cmd == "sh"'
field "$TMP/log" 'killed by SIGTERM' '.signal == 15 and .exit_code == 143 and .reason == "signal" and .level == "warn"'
field "$TMP/log" '^sent TERM' '.count | type == "number" and . >= 1'
field "$TMP/log" '^sent KILL' '.count == 1'

# 2. The environment variable, and a name that would break a naive
# formatter: quote, backslash, newline, a control byte and a tab.
weird=$(printf 'we"ird\\\nx\001\tname')
TEND_LOG_FORMAT=json "$TEND" -- "$weird" >/dev/null 2>"$TMP/log2"
expect_eq $? 127 "TEND_LOG_FORMAT=json: a missing command still exits 127"
check_lines "$TMP/log2" "TEND_LOG_FORMAT=json"
expect_eq "$(wc -l <"$TMP/log2" | tr -d ' ')" 1 "the escaped newline kept the error on one line"
jq -e --arg w "$weird" '.level == "error" and (.msg | contains($w))' "$TMP/log2" >/dev/null ||
    fail "the app's name did not survive JSON escaping: $(cat "$TMP/log2")"
ok "the app's name comes back from the parser byte for byte"

# 3. Text stays the default, and --log-format wins over the environment.
TEND_LOG_FORMAT=json "$TEND" --log-format text -- sh -c 'exit 5' 2>"$TMP/log3"
expect_eq $? 5 "text: app's exit code"
if grep -q '^{' "$TMP/log3"; then fail "--log-format text printed JSON: $(cat "$TMP/log3")"; fi
"$TEND" -- sh -c 'exit 0' 2>"$TMP/log4"
if grep -q '^{' "$TMP/log4"; then fail "the default format is not text: $(cat "$TMP/log4")"; fi
ok "text is the default, and the option overrides TEND_LOG_FORMAT"

# 4. A bad format is a usage error, not silently text.
"$TEND" --log-format xml -- true 2>/dev/null
rc=$?
[ "$rc" != 0 ] || fail "--log-format xml was accepted"
ok "--log-format xml is refused (exit $rc)"

# 5. Lines over 1 KiB and bytes that are not UTF-8: still one JSON object
# in valid UTF-8, cut between whole escapes, every field whole or absent.
long=$(i=0; while [ $i -lt 600 ]; do printf '"\\\001'; i=$((i + 1)); done; printf '\377\303')
TEND_LOG_FORMAT=json "$TEND" -- "$long" >/dev/null 2>"$TMP/log5"
rc=$?
[ "$rc" = 126 ] || [ "$rc" = 127 ] || fail "a 1800-byte hostile name: exit $rc, not 126/127"
check_lines "$TMP/log5" "an over-long line"
expect_eq "$(wc -l <"$TMP/log5" | tr -d ' ')" 1 "the over-long error is one line"
[ "$(wc -c <"$TMP/log5")" -le 1024 ] || fail "a line is over 1024 bytes: $(wc -c <"$TMP/log5")"
jq -e '.msg | startswith("cannot run '"'"'\"\\\u0001\"\\\u0001")' "$TMP/log5" >/dev/null ||
    fail "the cut message does not start as the name does: $(cat "$TMP/log5")"
ok "an over-long line is cut to one valid JSON object"
# argv[0] of 1 KiB in "started" (msg and the cmd field): pid survives.
path=/bin/$(printf '%0500d' 0 | sed 's|0|./|g')true
"$TEND" --log-format json -vv -- "$path" >/dev/null 2>"$TMP/log6"
expect_eq $? 0 "a 1 KiB argv[0] runs"
check_lines "$TMP/log6" "a 1 KiB argv[0]"
field "$TMP/log6" '^started ' '(.pid | type == "number") and (.cmd | startswith("/bin/././"))'
