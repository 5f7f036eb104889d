#!/bin/sh
# SPDX-License-Identifier: MIT
# A hostile environment: every TEND_* variable tend knows (read from
# --help, so new ones are covered too) set in turn to garbage bytes,
# out-of-range numbers, 100 KB values and values wrong for its type.
# Each must give one clear line naming the variable and exit 2, within
# seconds, never a crash; only TEND_USER and TEND_WORKDIR are checked when
# the app is started, and exit 126 with one line, as documented. An empty
# value means unset.
. "$TESTLIB"
skip_emulated "$SUBREAPER_NOTE"

VARS=$("$TEND" --help | grep -o 'TEND_[A-Z_]*' | sort -u)
[ "$(echo $VARS | wc -w)" -ge 15 ] || fail "found only these variables in --help: $VARS"
ok "$(echo $VARS | wc -w) variables in --help"

GARBAGE=$(printf 'x\001\033[2J\177;$(reboot)`id`\377\376')
BIGX=$(head -c 102400 /dev/zero | tr '\0' x)
BIG9=$(head -c 102400 /dev/zero | tr '\0' 9)
NL=$(printf '1\n2')

# values VAR: hostile values for VAR, one per line (@NAME@ for the above).
values() {
	printf '%s\n' @GARBAGE@ @BIGX@ @BIG9@ @NL@ -1 99999999999999999999999 ' '
	case $1 in
	TEND_VERBOSITY)	printf '%s\n' 4 1.5 +1 0x1 '1 ' ;;
	TEND_LOG_FORMAT) printf '%s\n' JSON xml 'text ' ;;
	TEND_SUBREAPER|TEND_KILL_GROUP|TEND_PAUSE|TEND_NO_NEW_PRIVS)
		printf '%s\n' 2 yesno 'on ' y ;;
	TEND_PDEATHSIG)	printf '%s\n' 0 65 STOP SIGSTOP RTMIN+31 RTMAX-31 SIG 1x ;;
	TEND_REMAP_EXIT) printf '%s\n' 256 256:0 1:256 1, , 1::2 1:2:3 :1 ;;
	TEND_REWRITE)	printf '%s\n' TERM TERM:65 65:1 CHLD:1 KILL:1 STOP:1 TERM:USR1: , TERM:USR1, ;;
	TEND_HEALTH_RETRIES) printf '%s\n' 0 1000001 1.5 ;;
	TEND_HEALTH_ACTION) printf '%s\n' restart STOP ;;
	TEND_HEALTH)	printf '%s\n' http://exa..mple/ tcp://127.0.0.1 tcp://127.0.0.1:0 \
		    tcp://127.0.0.1:65536 exec: "exec:'open" https://127.0.0.1/ 'http://127.0.0.1/ x' ;;
	TEND_USER)	printf '%s\n' a:b:c : a: :b ;;
	esac
	case $1 in
	TEND_GRACE|TEND_STOP_TIMEOUT|TEND_PRE_STOP|TEND_HEALTH_*INTERVAL|TEND_HEALTH_TIMEOUT|TEND_HEALTH_START_PERIOD)
		printf '%s\n' 24001h 1.5s 1s1m 5x 18446744073709551616 0x10 1ms1s 1hh 1000d ;;
	esac
	case $1 in
	TEND_HEALTH_INTERVAL|TEND_HEALTH_TIMEOUT|TEND_HEALTH_START_INTERVAL)
		printf '%s\n' 0 0s 0ms ;;
	esac
}

# runtime_ok VAR: may a bad value be refused only at start, with 126?
# For --user and --workdir, as documented: exit 126 means a --user or
# --workdir step failed, whatever was wrong with it.
runtime_ok() {
	case $1 in
	TEND_USER|TEND_WORKDIR) return 0 ;;
	esac
	return 1
}

n=0
for var in $VARS; do
	opt=--$(echo "${var#TEND_}" | tr 'A-Z_' 'a-z-')
	values "$var" >"$TMP/values"
	while IFS= read -r tok; do
		case $tok in
		@GARBAGE@) val=$GARBAGE ;;
		@BIGX@) val=$BIGX ;;
		@BIG9@) val=$BIG9 ;;
		@NL@) val=$NL ;;
		*) val=$tok ;;
		esac
		show=$(printf '%.24s' "$tok" | tr -c '[:print:]' '?')
		env "$var=$val" timeout 10 "$TEND" -- true >"$TMP/out" 2>"$TMP/err" </dev/null
		rc=$?
		[ "$rc" = 124 ] && fail "$var=$show: tend hung"
		[ "$rc" -ge 128 ] && fail "$var=$show: tend crashed (exit $rc)"
		lines=$(wc -l <"$TMP/err")
		[ "$lines" = 1 ] || fail "$var=$show: expected one line, got $lines: $(head -c 300 "$TMP/err")"
		if [ "$rc" = 126 ] && runtime_ok "$var"; then
			grep -q '^tend: ' "$TMP/err" || fail "$var=$show: unclear: $(cat "$TMP/err")"
		elif [ "$rc" = 2 ]; then
			grep -Eq "^tend: ($var|$opt)[: ]" "$TMP/err" ||
			    fail "$var=$show: the error does not name $var: $(head -c 300 "$TMP/err")"
		else
			fail "$var=$show: expected exit 2, got $rc: $(head -c 300 "$TMP/err")"
		fi
		# One printable line: no byte of the value may reach a terminal raw.
		LC_ALL=C tr -d '\n' <"$TMP/err" | LC_ALL=C grep -q '[[:cntrl:]]' &&
		    fail "$var=$show: control bytes in the message: $(cat -v "$TMP/err")"
		[ -s "$TMP/out" ] && fail "$var=$show: tend wrote to stdout"
		n=$((n + 1))
	done <"$TMP/values"
done
ok "$n hostile values: each one clear line, exit 2 (126 for --user and --workdir), no crash"

# Empty means unset: the app runs as if the variable were not there.
for var in $VARS; do
	env "$var=" timeout 10 "$TEND" -- sh -c 'exit 3' >"$TMP/out" 2>"$TMP/err" </dev/null
	rc=$?
	[ "$rc" = 3 ] || fail "$var='': expected the app's exit 3, got $rc: $(cat "$TMP/err")"
	[ -s "$TMP/err" ] && fail "$var='': tend said: $(cat "$TMP/err")"
done
ok "an empty value of each variable means unset"

# All of them hostile at once, as PID 1: still one line, exit 2.
need_ns
set --
for var in $VARS; do set -- "$@" "$var=$GARBAGE"; done
env "$@" timeout 10 $NS "$TEND" -- true >"$TMP/out" 2>"$TMP/err" </dev/null
expect_eq $? 2 "every variable garbage at once, as PID 1: exit 2"
[ "$(wc -l <"$TMP/err")" = 1 ] || fail "more than one line: $(cat "$TMP/err")"
ok "every variable garbage at once: one line: $(cut -c1-60 "$TMP/err")"
