#!/bin/sh
# SPDX-License-Identifier: MIT
# compare.sh - check every claim that docs/containers.md makes about tend's
# peers, against the peers' Debian packages: tini (and tini-static),
# dumb-init and catatonit. Each row of the table is measured here, by
# running each init as PID 1 of a fresh PID namespace (or, for the
# subreaper row, as a plain process), and compared with the value the
# document states; any difference fails the script.
#
#   TEND=build/tend HELPERS=build/tests/helpers sh tests/peers/compare.sh
#
# Prints the observed table (markdown) and exits 0 if it matches, 1 if a
# claim is wrong, 77 if a peer is missing or namespaces are refused.
here=$(cd "$(dirname "$0")" && pwd)
TEND=${TEND:-$here/../../build/tend}
HELPERS=${HELPERS:-$here/../../build/tests/helpers}
export TEND HELPERS
. "$here/../integration/lib.sh"
need_ns
skip_emulated "$SUBREAPER_NOTE; the peers are the machine's own x86-64 builds"

INITS="tend tini dumb-init catatonit"
for p in tini tini-static dumb-init catatonit; do
	command -v "$p" >/dev/null || skip "$p is not installed (apt-get install tini dumb-init catatonit)"
done

# run_init INIT CMD...: CMD under INIT, in the foreground, as it is
# written in a Dockerfile's ENTRYPOINT.
init_argv() {
	case $1 in
	tend) echo "$TEND --" ;;
	tini) echo "tini --" ;;
	dumb-init) echo "dumb-init --" ;;
	catatonit) echo "catatonit --" ;;
	esac
}
# as_pid1_bg INIT CMD...: INIT as PID 1 in the background; sets PID1 (its
# pid here) and NSP (the unshare process).
as_pid1_bg() {
	# The init's argv is expanded here, not in the background command
	# (lib.sh: start_ns says why).
	_argv=$(init_argv "$1")
	shift
	# shellcheck disable=SC2086
	start_ns $_argv "$@"
	NSP=$NS_PID
}
# fg INIT CMD...: INIT as PID 1 in the foreground (10 s at most); prints
# its exit status.
fg() {
	_i=$1
	shift
	# shellcheck disable=SC2046
	timeout -k 2 10 $NS $(init_argv "$_i") "$@" >"$TMP/out" 2>"$TMP/err"
	echo $?
}
# wait_ready: until the app printed "ready" (5 s).
wait_ready() { wait_for "$TMP/out" '^ready$'; }

# Each measure prints one cell for one init.

# TERM sent to PID 1 reaches the app (sigecho exits 0 after one signal).
m_term() {
	as_pid1_bg "$1" sigecho -n 1
	wait_ready
	kill -TERM "$PID1"
	wait_exit 15 "$NSP"
	[ "$RC" = 0 ] && grep -qx 15 "$TMP/out" && echo yes || echo no
}
# Exit status when the app is killed by TERM.
m_killed() {
	as_pid1_bg "$1" sh -c 'echo ready; exec sleep 30'
	wait_ready
	sleep 0.1
	sleep 0.2
	kill -TERM "$PID1"
	wait_exit 15 "$NSP"
	echo "$RC"
}
# Exit status when the command cannot be run.
m_execfail() { fg "$1" /nonexistent/app; }
# Exit status when the command exists but cannot be executed.
m_notexec() {
	printf 'not a program\n' >"$TMP/notexec"
	chmod 644 "$TMP/notexec"
	fg "$1" "$TMP/notexec"
}
# Zombies left under PID 1, 1 s after 20 orphans exited.
m_reap() {
	fg "$1" sh -c 'orphans 20 >/dev/null; sleep 1
		cat /proc/[0-9]*/stat 2>/dev/null | awk "\$3 == \"Z\" { n++ } END { print n + 0 }"' >/dev/null
	cat "$TMP/out"
}
# After the app exits 3: does a daemon it left behind get TERM and 300 ms
# to finish (it writes a file), and is the status still 3?
m_drain() {
	rm -f "$TMP/drained"
	rc=$(fg "$1" sh -c "daemon term '$TMP/drained' 300 && exit 3")
	if [ -e "$TMP/drained" ]; then echo "yes ($rc)"; else echo "no ($rc)"; fi
}
# Voluntary context switches of an idle PID 1 in 3 s (its wake-ups).
m_idle() {
	as_pid1_bg "$1" sh -c 'echo ready; exec sleep 20'
	wait_ready
	sleep 0.5
	a=$(awk '/^voluntary_ctxt_switches/ { print $2 }' "/proc/$PID1/status")
	sleep 3
	b=$(awk '/^voluntary_ctxt_switches/ { print $2 }' "/proc/$PID1/status")
	kill -KILL "$PID1" 2>/dev/null
	wait "$NSP" 2>/dev/null
	echo $((b - a))
}
# Not PID 1 and given no option: does it adopt the app's orphans (become
# a child subreaper)? The orphan reports its parent.
m_subreaper() {
	case $1 in
	tend) set -- "$TEND" -- ;;
	tini) set -- tini -- ;;
	dumb-init) set -- dumb-init -- ;;
	catatonit) set -- catatonit -- ;;
	esac
	# The app prints its orphan's parent and its own: equal if adopted.
	timeout -k 2 10 "$@" sh -c '(sleep 2 & echo $! >"$0") ; sleep 0.3
		o=$(awk "/^PPid:/ { print \$2 }" /proc/$(cat "$0")/status)
		echo "$o $PPID"' "$TMP/orphan" >"$TMP/out" 2>/dev/null
	read -r o me <"$TMP/out"
	[ -n "$o" ] && [ "$o" = "$me" ] && echo yes || echo no
}
# Does an option rewrite TERM into another signal for the app? "no
# option" when the help text shows none.
m_rewrite() {
	case $1 in
	tend) set -- "$TEND" -r 15:2 -- ;;
	dumb-init) set -- dumb-init -r 15:2 -- ;;
	*)
		if $1 -h 2>&1 | grep -qi rewrite; then echo "undocumented"; else echo "no option"; fi
		return
		;;
	esac
	start_ns "$@" sigecho -n 1
	NSP=$NS_PID
	wait_ready
	kill -TERM "$PID1"
	wait_exit 15 "$NSP"
	echo "TERM -> $(grep -vx ready "$TMP/out" | tr -d '\n')"
}
# A pause mode (run nothing, reap, exit 0 on INT).
m_pause() {
	case $1 in
	tend) set -- "$TEND" --pause ;;
	catatonit) set -- catatonit -P ;;
	*)
		if $1 -h 2>&1 | grep -qi pause; then echo "undocumented"; else echo "no option"; fi
		return
		;;
	esac
	start_ns "$@"
	NSP=$NS_PID p1=$PID1
	# An INT sent before PID 1 has set itself up is dropped by the kernel:
	# wait until it blocks or catches INT (bit 2 of SigBlk or SigCgt).
	for _ in $(seq 100); do
		awk '/^Sig(Blk|Cgt):/ { m = m $2 " " } END { exit !(m ~ /[2367abef] |[2367abef]$/) }' \
		    "/proc/$p1/status" 2>/dev/null && break
		sleep 0.05
	done
	kill -INT "$p1" 2>/dev/null
	# A watchdog, so a PID 1 that ignores INT cannot hang the script.
	(sleep 8; kill -KILL "$p1" 2>/dev/null) &
	wd=$!
	wait "$NSP"
	rc=$?
	kill "$wd" 2>/dev/null
	[ "$rc" = 137 ] && { echo "no exit on INT"; return; }
	echo "yes ($rc)"
}
# An option to run the app as another user: the help text mentions one.
m_user() {
	case $1 in tend) h=$("$TEND" --help 2>&1) ;; *) h=$($1 -h 2>&1) ;; esac
	echo "$h" | grep -Eqi -- '--user|setuid|uid' && echo yes || echo no
}
# Health probes of its own: the help text mentions them.
m_health() {
	case $1 in tend) h=$("$TEND" --help 2>&1) ;; *) h=$($1 -h 2>&1) ;; esac
	echo "$h" | grep -qi health && echo yes || echo no
}
# gRPC health probes and waiting for dependencies: the help text.
m_grpc() {
	case $1 in tend) h=$("$TEND" --help 2>&1) ;; *) h=$($1 -h 2>&1) ;; esac
	echo "$h" | grep -q 'grpc://' && echo yes || echo no
}
m_wait() {
	case $1 in tend) h=$("$TEND" --help 2>&1) ;; *) h=$($1 -h 2>&1) ;; esac
	echo "$h" | grep -Eq -- '--wait-for|wait .*PROBE' && echo yes || echo no
}
# Is the Debian binary static? (tini-static is tini's static build.)
m_static() {
	case $1 in
	tend) f=$TEND ;;
	*) f=$(command -v "$1") ;;
	esac
	s=$(wc -c <"$f" | tr -d ' ')
	if is_static "$f"; then echo "static, $((s / 1024)) KiB"; else echo "dynamic, $((s / 1024)) KiB"; fi
}
is_static() { ! readelf -l "$1" 2>/dev/null | grep -q INTERP; }
# What dockerd reads from --version when this is its --init-path: the
# commit after " - git.", else a version after "tini version ".
m_docker() {
	case $1 in tend) v=$("$TEND" --version 2>&1) ;; *) v=$($1 --version 2>&1) ;; esac
	rest=${v#* - }
	f2=${rest%% - *}
	if [ "$rest" != "$v" ] && [ "${f2#git.}" != "$f2" ] && [ "${f2#git.*.}" = "$f2" ]; then
		echo "commit ${f2#git.}"
	else
		f1=${v%% - *}
		case $f1 in
		"tini version "*) echo "version ${f1#tini version }" ;;
		*) echo "unknown format" ;;
		esac
	fi
}

# The claims: row, then the value stated for tend, tini, dumb-init and
# catatonit, "|"-separated. "*" accepts any value (measured, not claimed),
# "~N" any number up to N.
CLAIMS='term|TERM to PID 1 reaches the app|yes|yes|yes|yes
killed|exit status, app killed by TERM|143|143|143|143
execfail|exit status, command not found|127|127|2|1
notexec|exit status, command not executable|126|126|2|1
reap|zombies left by 20 orphans|0|0|0|0
drain|daemon left behind gets TERM and time (exit status)|yes (3)|no (3)|no (3)|no (3)
idle|wake-ups of an idle PID 1 in 3 s|~1|~4|~1|~1
subreaper|adopts orphans when not PID 1, no option|yes|no|no|yes
rewrite|rewrite TERM for the app|TERM -> 2|no option|TERM -> 2|no option
pause|pause mode (no app), exit on INT|yes (0)|no option|no option|yes (0)
health|health probes of its own|yes|no|no|no
grpc|gRPC health probes (no grpc_health_probe)|*|no|no|no
wait|wait for dependencies (tend wait, --wait-for)|yes|no|no|no
user|option to run the app as another user|yes|no|no|no
static|the Debian binary|*|dynamic, 27 KiB|dynamic, 18 KiB|static, 682 KiB
docker|what docker info reads from --version|*|version 0.19.0|unknown format|version 0.1.7_catatonit'

# holds WANT GOT: does the measured value bear the claim out?
holds() {
	case $1 in
	'*') return 0 ;;
	'~'*) [ "$2" -le "${1#\~}" ] 2>/dev/null ;;
	*) [ "$2" = "$1" ] ;;
	esac
}

echo "| | tend | tini | dumb-init | catatonit |"
echo "|---|---|---|---|---|"
echo "$CLAIMS" | while IFS='|' read -r key what e1 e2 e3 e4; do
	row="| $what"
	i=0
	for init in $INITS; do
		i=$((i + 1))
		eval "want=\$e$i"
		got=$(m_"$key" "$init" 2>/dev/null)
		# A peer measured on a busy machine can miss a timing once: a
		# claim fails only if a second measurement disagrees too.
		if ! holds "$want" "$got"; then
			sleep 0.5
			got=$(m_"$key" "$init" 2>/dev/null)
			holds "$want" "$got" || echo "$key/$init: claimed '$want', got '$got' (twice)" >>"$TMP/bad"
		fi
		row="$row | $got"
	done
	echo "$row |"
done
[ -s "$TMP/bad" ] && fail "claims that do not hold for the installed packages: $(cat "$TMP/bad")"
echo "tini-static: $(m_static tini-static); tini --version: $(tini --version); dumb-init: $(dumb-init --version 2>&1); catatonit: $(catatonit --version 2>&1)"
ok "every claim holds"
