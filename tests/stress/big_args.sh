#!/bin/sh
# SPDX-License-Identifier: MIT
# Huge command lines: 100,000 arguments (one of them 100 KB) and
# environment values of 100 KB (random bytes in base64, and many lines)
# reach the app byte for byte through tend as PID 1 and as a subreaper.
. "$TESTLIB"
need_ns
skip_emulated "$SUBREAPER_NOTE"

BIG_B64=$(head -c 76800 /dev/urandom | base64 -w0)
BIG_LINES=$(seq 100000 | head -c 102400)
BIG_ARG=$(head -c 76800 /dev/urandom | base64 -w0)
export BIG_B64 BIG_LINES
[ ${#BIG_B64} = 102400 ] && [ ${#BIG_LINES} -ge 102399 ] || fail "could not make 100 KB values"

# The expected bytes: each argument and each variable NUL-terminated.
seq 99999 | tr '\n' '\0' >"$TMP/want.args"
printf '%s\0' "$BIG_ARG" >>"$TMP/want.args"
set -- $(seq 99999) "$BIG_ARG"
expect_eq "$#" 100000 "made 100,000 arguments"

for mode in as_pid1 plain; do
	# What this shell passes on, minus what a shell may set per command.
	env -0 | tr '\0\n' '\n\1' | grep -v '^_=' | tr '\n\1' '\0\n' >"$TMP/want.env"
	if [ $mode = as_pid1 ]; then
		as_pid1 -- argdump "$TMP/got" "$@" 2>"$TMP/err"
	else
		"$TEND" -- argdump "$TMP/got" "$@" 2>"$TMP/err"
	fi
	expect_eq $? 0 "$mode: the app ran"
	cmp -s "$TMP/want.args" "$TMP/got" ||
	    fail "$mode: arguments differ: $(cmp "$TMP/want.args" "$TMP/got" 2>&1)"
	ok "$mode: all 100,000 arguments ($(wc -c <"$TMP/got") bytes) arrived intact"
	tr '\0\n' '\n\1' <"$TMP/got.env" | grep -v '^_=' | tr '\n\1' '\0\n' >"$TMP/got.env2"
	cmp -s "$TMP/want.env" "$TMP/got.env2" ||
	    fail "$mode: environment differs: $(cmp "$TMP/want.env" "$TMP/got.env2" 2>&1)"
	ok "$mode: the environment ($(wc -c <"$TMP/got.env") bytes, two 100 KB values) arrived intact"
	[ -s "$TMP/err" ] && fail "$mode: tend said something: $(head -3 "$TMP/err")"
done
ok "tend logged nothing"
