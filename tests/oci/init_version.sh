#!/bin/sh
# SPDX-License-Identifier: MIT
# tend as a drop-in for Docker's and podman's init. dockerd runs
# "INIT --version" for "docker info" and splits ALL of its output on " - ":
# the second field must be "git.COMMIT" (one word, no dot) for the commit
# to be read, and a version is only read after "tini version ", which tend
# does not claim. Both engines then start containers as "INIT -- CMD ARGS".
. "${TESTLIB%/*}/../integration/lib.sh"

"$TEND" --version >"$TMP/v"
expect_eq $? 0 "--version exits 0"
expect_eq "$(wc -l <"$TMP/v" | tr -d ' ')" 1 "--version is one line (a second one would land in dockerd's commit field)"
v=$(cat "$TMP/v")

# dockerd's rule, restated: fields split on " - ".
f1=${v%% - *}
rest=${v#* - }
[ "$rest" != "$v" ] || fail "no ' - ' in: $v"
f2=${rest%% - *}
case $f2 in
git.*.* | git. | *" "*) fail "second field '$f2' is not git.COMMIT: dockerd would report an unknown format" ;;
git.*) ok "dockerd would read commit '${f2#git.}'" ;;
*) fail "second field '$f2' is not git.COMMIT" ;;
esac
expect_eq "$(echo "$f1" | sed -E 's/^tend version [0-9]+\.[0-9]+\.[0-9]+$/ok/')" ok "first field says tend and its version: '$f1'"
case $v in
*" - built "*" static"* | *" - built "*" dynamic"*) ok "the build (libc, static or not) is shown: '${v##* - }'" ;;
*) fail "no 'built LIBC static|dynamic' field in: $v" ;;
esac

# The engines' invocation: INIT -- CMD ARGS, the app's code passed on.
"$TEND" -- sh -c 'exit 7' 2>/dev/null
expect_eq $? 7 "'INIT -- CMD ARGS' as docker and podman call it"
