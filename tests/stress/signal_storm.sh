#!/bin/sh
# SPDX-License-Identifier: MIT
# Signal storm: 100,000 assorted signals at tend (PID 1) while the app
# counts them. Every queued real-time signal must arrive exactly once,
# every standard one at least once (the kernel merges those while they are
# pending), SIGCHLD never (it is tend's). Then SIGTERM still works.
. "$TESTLIB"
need_ns
skip_emulated "qemu-user remaps real-time signals, which the storm sends"

N=100000
# URG is dropped by default (signals.sh): ask for it, the storm sends it.
start_pid1 -r URG:URG -- sigcount -c "$TMP/counts" -x 42
wait_for "$TMP/out" '^ready$'
sigstorm "$TEND_PID" "$N" "$TMP/counts" >"$TMP/storm" 2>&1 ||
    fail "sigstorm failed: $(cat "$TMP/storm")"
expect_match "$TMP/storm" "^sent $N in [0-9]+ ms\$" "sent $N signals ($(sed -n 's/^sent [0-9]* in //p' "$TMP/storm"))"
kill -0 "$TEND_PID" 2>/dev/null || fail "tend died in the storm"
ok "tend is still up"

# live_count SIG: what the app has counted so far.
live_count() { od -An -v -t u8 -w8 "$TMP/counts" | sed -n "$(( $1 + 1 ))p" | tr -d ' '; }
# The last real-time signals may still be on their way.
for _ in $(seq 100); do
	behind=0
	for s in $(awk '$2 >= 34 { print $2 }' "$TMP/storm"); do
		want=$(awk -v s="$s" '$1 == "sent" && $2 == s { print $3 }' "$TMP/storm")
		[ "$(live_count "$s")" -lt "$want" ] && behind=1
	done
	[ "$behind" = 0 ] && break
	sleep 0.1
done

t0=$(now_ms)
kill -TERM "$TEND_PID"
wait_exit 10
expect_eq "$RC" 42 "SIGTERM after the storm is forwarded; tend exits with the app's code ($(( $(now_ms) - t0 )) ms)"

got() { awk -v s="$1" '$1 == "sig" && $2 == s { print $3 }' "$TMP/out"; }
rt=0
for s in $(awk '$1 == "sent" && $2 ~ /^[0-9]+$/ && NF == 3 { print $2 }' "$TMP/storm"); do
	want=$(awk -v s="$s" '$1 == "sent" && $2 == s { print $3 }' "$TMP/storm")
	n=$(got "$s")
	n=${n:-0}
	if [ "$s" = 17 ]; then
		[ "$n" = 0 ] || fail "SIGCHLD reached the app $n times"
	elif [ "$s" -ge 34 ]; then
		[ "$n" = "$want" ] || fail "real-time signal $s: sent $want, app got $n"
		rt=$((rt + n))
	else
		[ "$n" -ge 1 ] && [ "$n" -le "$want" ] ||
		    fail "signal $s: sent $want, app got $n (expected 1..$want)"
	fi
done
ok "every real-time signal arrived exactly once ($rt), every standard one at least once, no SIGCHLD"
expect_eq "$(got 15)" 1 "the app got exactly one SIGTERM"
[ -s "$TMP/err" ] && fail "tend logged during the storm: $(head -3 "$TMP/err")"
ok "tend logged nothing"
