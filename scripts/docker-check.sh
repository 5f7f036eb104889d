#!/bin/sh
# SPDX-License-Identifier: MIT
# tend as Docker's init: a private dockerd (Debian's docker.io) started
# with --init-path TEND, offline: no bridge, no iptables, its own data and
# exec roots, socket and (empty) config file, and no IP forwarding. What
# dockerd may still change on the host (net.ipv4/ipv6 forwarding, the
# /etc/docker/key.json it creates) is put back as it was on the way out.
#
#   scripts/docker-check.sh [TEND]     (root; exits 77 without dockerd)
#
# Checks: "docker info" reads tend's --version without a warning;
# "docker run --init" makes tend PID 1 as "/sbin/docker-init -- CMD";
# "docker stop" reaches the app through it. The image is made here from a
# tar of busybox-static, so no registry is needed.
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
tend=${1:-$src/build/tend}
dir=$(mktemp -d /var/tmp/tend-docker.XXXXXX)
sock=$dir/docker.sock
DPID=""

skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*" >&2; [ -f "$dir/dockerd.log" ] && tail -n 15 "$dir/dockerd.log" >&2; exit 1; }
ok() { echo "ok: $*"; }

[ "$(id -u)" = 0 ] || skip "dockerd needs root"
command -v dockerd >/dev/null || skip "dockerd is not installed (apt-get install docker.io)"
dk=/usr/bin/docker
[ -x "$dk" ] || dk=$(command -v docker) || skip "no docker client"
[ -x "$tend" ] || fail "no tend binary at $tend"
bb=/bin/busybox
readelf -l "$bb" 2>/dev/null | grep -q INTERP && fail "$bb is not static: install busybox-static"

# What dockerd may touch outside its own roots, as it was before.
fw4=$(cat /proc/sys/net/ipv4/ip_forward 2>/dev/null)
fw6=$(cat /proc/sys/net/ipv6/conf/all/forwarding 2>/dev/null)
had_etc=0; [ -d /etc/docker ] && had_etc=1
had_key=0; [ -e /etc/docker/key.json ] && had_key=1
restore_host() {
	[ -n "$fw4" ] && [ "$(cat /proc/sys/net/ipv4/ip_forward)" != "$fw4" ] &&
	    echo "$fw4" >/proc/sys/net/ipv4/ip_forward
	[ -n "$fw6" ] && [ "$(cat /proc/sys/net/ipv6/conf/all/forwarding)" != "$fw6" ] &&
	    echo "$fw6" >/proc/sys/net/ipv6/conf/all/forwarding
	[ "$had_key" = 0 ] && rm -f /etc/docker/key.json
	[ "$had_etc" = 0 ] && rmdir /etc/docker 2>/dev/null
	return 0
}
cleanup() {
	[ -n "$DPID" ] && {
		DOCKER_HOST=unix://$sock "$dk" rm -f tend-dk >/dev/null 2>&1
		kill "$DPID" 2>/dev/null
		for _ in $(seq 100); do kill -0 "$DPID" 2>/dev/null || break; sleep 0.1; done
	}
	# The exec root may hold mounts (netns, overlay) until dockerd is gone.
	umount -R "$dir/exec" "$dir/data" 2>/dev/null
	rm -rf "$dir"
	restore_host
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

cp "$tend" "$dir/tend-init"
echo '{}' >"$dir/daemon.json"
dockerd --config-file "$dir/daemon.json" --ip-forward=false --data-root "$dir/data" --exec-root "$dir/exec" -H "unix://$sock" \
    --pidfile "$dir/dockerd.pid" --containerd-namespace tend-check \
    --iptables=false --ip6tables=false --ip-masq=false --bridge=none \
    --exec-opt native.cgroupdriver=cgroupfs --default-ulimit "nofile=$(ulimit -Hn):$(ulimit -Hn)" \
    --init-path "$dir/tend-init" >"$dir/dockerd.log" 2>&1 &
DPID=$!
export DOCKER_HOST=unix://$sock
for _ in $(seq 300); do "$dk" version >/dev/null 2>&1 && break; sleep 0.1; done
"$dk" version >/dev/null 2>&1 || fail "dockerd did not come up"

# 1. docker info's init version is tend's commit, and dockerd did not warn.
iv=$("$dk" info --format '{{.InitBinary}} {{.InitCommit.ID}}')
want="$dir/tend-init $("$tend" --version | sed -n 's/^[^-]* - git\.\([^ ]*\).*/\1/p')"
[ "$iv" = "$want" ] || fail "docker info: init '$iv', expected '$want'"
grep -i 'failed to retrieve.*version' "$dir/dockerd.log" | grep -q tend-init &&
    fail "dockerd could not parse tend's --version"
ok "docker info: Init Binary and init version '$iv' parsed without a warning"

# 2. A busybox-only image; "docker run --init" runs tend as PID 1.
mkdir -p "$dir/img/bin"
cp "$bb" "$dir/img/bin/busybox"
tar -C "$dir/img" -c . | "$dk" import - tend-check/busybox:1 >/dev/null || fail "docker import"
"$dk" run -d --name tend-dk --network none --init tend-check/busybox:1 /bin/busybox sh -c \
    'trap "exit 42" TERM; echo ready; while :; do /bin/busybox sleep 1 & wait $!; done' >/dev/null ||
    fail "docker run --init"
for _ in $(seq 50); do "$dk" logs tend-dk 2>/dev/null | grep -q ready && break; sleep 0.1; done
cmd1=$("$dk" exec tend-dk /bin/busybox cat /proc/1/cmdline | tr '\0' ' ')
case $cmd1 in
"/sbin/docker-init -- /bin/busybox sh -c "*) ok "docker run --init: PID 1 is '/sbin/docker-init -- /bin/busybox sh -c ...'" ;;
*) fail "docker run --init: PID 1 is '$cmd1'" ;;
esac
v=$("$dk" exec tend-dk /sbin/docker-init --version)
case $v in "tend version "*) ok "/sbin/docker-init is $v" ;; *) fail "/sbin/docker-init is not tend: $v" ;; esac

# 3. docker stop: TERM reaches the app through tend at once.
s=$(date +%s%N)
"$dk" stop -t 10 tend-dk >/dev/null
ms=$(( ($(date +%s%N) - s) / 1000000 ))
code=$("$dk" inspect --format '{{.State.ExitCode}}' tend-dk)
[ "$code" = 42 ] && [ "$ms" -lt 5000 ] || fail "docker stop: exit $code after $ms ms, expected 42 at once"
ok "docker stop: the app got TERM through tend in $ms ms, exit 42"
# 4. The host is as it was.
cleanup
DPID=""
trap - EXIT
[ "$(cat /proc/sys/net/ipv4/ip_forward 2>/dev/null)" = "$fw4" ] || fail "net.ipv4.ip_forward changed"
[ "$had_key" = 1 ] || [ ! -e /etc/docker/key.json ] || fail "/etc/docker/key.json was left behind"
ok "the host is as it was: ip_forward $fw4, no /etc/docker/key.json left"
echo "docker-check: all checks passed ($(dockerd --version))"
