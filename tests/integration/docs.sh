#!/bin/sh
# SPDX-License-Identifier: MIT
# The man page renders without warnings and its SYNOPSIS is --help's usage.
. "$TESTLIB"
MAN="$(dirname "$TESTLIB")/../../man/tend.1"
[ -f "$MAN" ] || fail "no man page at $MAN"
if command -v mandoc >/dev/null; then
	mandoc -Tlint -Wwarning "$MAN" >"$TMP/lint" 2>&1
	grep -v 'mandoc.db' "$TMP/lint" >"$TMP/lint2"
	[ ! -s "$TMP/lint2" ] || fail "mandoc -Tlint: $(cat "$TMP/lint2")"
	ok "mandoc -Tlint -Wwarning finds nothing"
	mandoc -Tascii "$MAN" | col -b >"$TMP/man.txt"
else
	groff -man -ww -z "$MAN" 2>"$TMP/lint"
	[ ! -s "$TMP/lint" ] || fail "groff -ww: $(cat "$TMP/lint")"
	ok "groff -man -ww finds nothing"
	groff -man -Tascii "$MAN" 2>/dev/null | col -b >"$TMP/man.txt"
fi
sed -n '/^SYNOPSIS/,/^DESCRIPTION/p' "$TMP/man.txt" | sed '1d;$d' |
    sed 's/^ *//' | grep . >"$TMP/man.syn"
"$TEND" --help | sed -n '1,/^$/p' | sed 's/^usage: //; s/^ *//' | grep . >"$TMP/usage.syn"
diff "$TMP/man.syn" "$TMP/usage.syn" >"$TMP/diff" || fail "SYNOPSIS differs from --help: $(cat "$TMP/diff")"
ok "the man page SYNOPSIS is exactly --help's usage lines"
# Every option --help lists is documented in the man page, with its variable.
"$TEND" --help | grep -o -- '--[a-z-]*' | sort -u | while read -r o; do
	grep -q -- "$o" "$TMP/man.txt" || fail "$o is in --help but not in the man page"
done || exit 1
"$TEND" --help | grep -o 'TEND_[A-Z_]*' | sort -u | while read -r v; do
	grep -q "$v" "$TMP/man.txt" || fail "$v is in --help but not in the man page"
done || exit 1
ok "every option and variable of --help is in the man page"
