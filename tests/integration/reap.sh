#!/bin/sh
# SPDX-License-Identifier: MIT
# Orphans reparented to tend are reaped, as PID 1 and as an automatic
# subreaper outside a PID namespace, even in a storm of thousands.
. "$TESTLIB"
need_ns
skip_emulated "the orphanstorm helper clones with flags qemu-user refuses (EINVAL)"

# As PID 1: count every zombie left in the namespace after the storm.
as_pid1 -- sh -c '. "$0"; orphanstorm 10000 && sleep 0.5 && echo "zombies $(zombies)"' \
    "$TESTLIB" >"$TMP/out" 2>"$TMP/err"
expect_eq $? 0 "PID 1: app made 10000 orphans and exited 0"
expect_match "$TMP/out" '^made 10000$' "PID 1: all 10000 orphans were made"
expect_match "$TMP/out" '^zombies 0$' "PID 1: no zombie is left"

# Not PID 1: tend makes itself a subreaper and reaps its orphans.
"$TEND" -- sh -c '. "$0"; orphans 2000 && sleep 0.5 &&
    echo "zombies $(zombies $PPID) under $PPID"' \
    "$TESTLIB" >"$TMP/out" 2>"$TMP/err"
expect_eq $? 0 "subreaper: app exited 0"
expect_match "$TMP/out" '^zombies 0 under [0-9]+$' "subreaper: no zombie left under tend"
[ -s "$TMP/err" ] && fail "subreaper: unexpected warning: $(cat "$TMP/err")"
ok "subreaper: became one without a warning"

# The orphans really were reparented to tend (not to the real init). The
# orphan lives until it is killed, and its parent is read until it is tend
# (10 s at most), so a loaded machine cannot end it before it is looked at.
"$TEND" -- sh -c 'sh -c "sleep 60 & echo \$!" >"$0"; o=$(cat "$0"); i=0
    while ppid=$(awk "/^PPid:/ {print \$2}" /proc/$o/status)
        [ "$ppid" != "$PPID" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
    echo "ppid $ppid tend $PPID"; kill $o' \
    "$TMP/orphan" >"$TMP/out" 2>"$TMP/err"
ppid=$(sed -n 's/^ppid \([0-9]*\) tend.*/\1/p' "$TMP/out")
tpid=$(sed -n 's/.* tend \([0-9]*\)$/\1/p' "$TMP/out")
expect_eq "$ppid" "$tpid" "subreaper: an orphan's new parent is tend"
