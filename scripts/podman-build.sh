#!/bin/sh
# SPDX-License-Identifier: MIT
# Build Dockerfile.example with podman, offline, and check the image it
# makes; then check tend as podman's own init (--init --init-path).
#
#   scripts/podman-build.sh [ARCH]     (as root; exits 77 if it cannot run)
#
# ARCH (a Debian architecture: arm64, armhf, i386, ppc64el, s390x) builds
# the image for that CPU instead (--platform): the build stage still runs
# on this machine's CPU and cross-compiles, and needs the network for
# Debian's cross compiler and musl source (--network host: no firewall
# rule is added). The image then runs under qemu-user: qemu-ARCH-static is
# registered in binfmt_misc for the run (mounted first if it is not) and
# unregistered (and unmounted) at the end. Not part of CI.
#
# Offline means: no registry. The build stage's base image is made here
# with debootstrap from Debian's archive (with the compilers already in it)
# and imported into a private podman store, then handed to the Dockerfile
# as BUILD_IMAGE. Every container gets --network none (podman's default
# bridge would edit the host's iptables). Podman's default ulimits are
# lowered to this machine's hard limits, which root may not raise here.
# There is no systemd, so podman cannot arm health timers (it logs that
# and goes on); "podman healthcheck run" runs the HEALTHCHECK on demand.
#
# TEND_PODMAN_DIR (default /var/tmp/tend-podman) holds the store and the
# base image between runs; a second run skips debootstrap.
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
dir=${TEND_PODMAN_DIR:-/var/tmp/tend-podman}
BASE=localhost/tend-build-base:bookworm
IMAGE=localhost/tend-example:check
# dpkg-dev: scripts/cross-deps.sh unpacks Debian's musl source with it.
PKGS=gcc,libc6-dev,musl-tools,cmake,make,busybox-static,dpkg-dev
host=$(dpkg --print-architecture)
arch=${1:-$host}
BUILD_NET=none
PLATFORM=""
BINFMT=""
UNMOUNT=""
if [ "$arch" != "$host" ]; then
	case $arch in
	arm64) PLATFORM=linux/arm64 q=aarch64 ;;
	armhf) PLATFORM=linux/arm/v7 q=arm ;;
	i386) PLATFORM=linux/386 q="" ;;
	ppc64el) PLATFORM=linux/ppc64le q=ppc64le ;;
	s390x) PLATFORM=linux/s390x q=s390x ;;
	*) echo "podman-build: no image for $arch" >&2; exit 2 ;;
	esac
	IMAGE=localhost/tend-example:check-$arch
	BUILD_NET=host
fi
NAMES=""

skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }

[ "$(id -u)" = 0 ] || skip "podman-build needs root (for debootstrap and a rootful store)"
command -v podman >/dev/null || skip "podman is not installed (apt-get install podman)"
command -v debootstrap >/dev/null || skip "debootstrap is not installed (apt-get install debootstrap)"
command -v runc >/dev/null || skip "runc is not installed"

mkdir -p "$dir" || fail "mkdir $dir"
cat >"$dir/containers.conf" <<EOF
[containers]
default_ulimits = ["nofile=$(ulimit -Hn):$(ulimit -Hn)", "nproc=4096:4096"]
log_driver = "k8s-file"
netns = "none"
[engine]
cgroup_manager = "cgroupfs"
events_logger = "file"
runtime = "runc"
EOF
export CONTAINERS_CONF="$dir/containers.conf"
pm() {
	timeout -k 10 600 podman --root "$dir/storage" --runroot "$dir/run" \
	    --cgroup-manager cgroupfs --runtime runc --events-backend file "$@"
}
cleanup() {
	for n in $NAMES; do pm rm -f "$n" >/dev/null 2>&1; done
	[ -z "$BINFMT" ] || echo -1 >"/proc/sys/fs/binfmt_misc/$BINFMT"
	[ -z "$UNMOUNT" ] || umount /proc/sys/fs/binfmt_misc
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
# podman logs health-timer errors (no systemd): keep them out of the way.
quiet() { grep -v -e 'systemd connection' -e 'Removing timer' || true; }

t0=$(date +%s)

# 1. The build stage's base: Debian 12 with the compilers, from the archive.
if ! pm image exists "$BASE"; then
	mirror=$(sed -n 's/^URIs: *\(http[^ ]*\/debian\)\/*$/\1/p' \
	    /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n 1)
	mirror=${mirror:-http://deb.debian.org/debian}
	rm -rf "$dir/rootfs"
	echo "podman-build: debootstrap bookworm ($PKGS) from $mirror"
	timeout 1200 debootstrap --variant=minbase --include="$PKGS" bookworm \
	    "$dir/rootfs" "$mirror" >"$dir/debootstrap.log" 2>&1 ||
	    { tail -n 20 "$dir/debootstrap.log" >&2; fail "debootstrap failed"; }
	rm -rf "$dir/rootfs/var/cache/apt/archives"/*.deb "$dir/rootfs/var/lib/apt/lists"/*
	# The sources as Debian's own images have them (deb822), which
	# scripts/cross-deps.sh turns into deb-src for the musl source.
	rm -f "$dir/rootfs/etc/apt/sources.list"
	printf 'Types: deb\nURIs: %s\nSuites: bookworm bookworm-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
	    "$mirror" >"$dir/rootfs/etc/apt/sources.list.d/debian.sources"
	tar -C "$dir/rootfs" -c . | pm import - "$BASE" >"$dir/import.log" 2>&1 ||
	    fail "podman import of the base image failed"
	rm -rf "$dir/rootfs"
fi
ok "base image $BASE ($(( $(date +%s) - t0 )) s so far)"

# 2. Build. --format docker keeps HEALTHCHECK; --pull=never proves nothing
# came from a registry. For another CPU: --platform, and BUILDPLATFORM
# given by hand, which podman 4.3 does not set (without it the build
# stage's base is looked up for the target CPU and not found).
commit=$(git -C "$src" rev-parse --short=12 HEAD 2>/dev/null || echo release)
set --
[ -z "$PLATFORM" ] || set -- --platform "$PLATFORM" --build-arg BUILDPLATFORM="linux/$host"
pm build --format docker --network "$BUILD_NET" --pull=never "$@" \
    --build-arg BUILD_IMAGE="$BASE" --build-arg TEND_COMMIT="$commit" \
    -f "$src/Dockerfile.example" -t "$IMAGE" "$src" >"$dir/build.log" 2>&1 ||
    { tail -n 30 "$dir/build.log" >&2; fail "podman build of Dockerfile.example failed"; }
ok "podman build --network $BUILD_NET --format docker ${PLATFORM:+--platform $PLATFORM }of Dockerfile.example ($(( $(date +%s) - t0 )) s so far)"
if [ -n "$PLATFORM" ]; then
	a=$(pm image inspect --format '{{.Os}}/{{.Architecture}}' "$IMAGE")
	[ "$a" = "${PLATFORM%/v7}" ] || fail "the image is for $a, not $PLATFORM"
	ok "the image is for $a"
fi
# Another CPU runs under qemu-user through binfmt_misc (F: the emulator
# is opened now, so it works inside the container too).
if [ -n "$PLATFORM" ] && [ -n "$q" ]; then
	conf=/usr/lib/binfmt.d/qemu-$q.conf
	[ -r "$conf" ] || fail "no $conf: apt-get install qemu-user-static"
	if ! mountpoint -q /proc/sys/fs/binfmt_misc; then
		mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc || fail "mount binfmt_misc"
		UNMOUNT=1
	fi
	if [ ! -e "/proc/sys/fs/binfmt_misc/qemu-$q" ]; then
		cat "$conf" >/proc/sys/fs/binfmt_misc/register || fail "binfmt_misc register"
		BINFMT=qemu-$q
	fi
	ok "qemu-$q-static registered in binfmt_misc for the run"
fi

cfg=$(pm image inspect --format '{{json .Config.Entrypoint}} {{.Config.User}} {{json .Config.Healthcheck.Test}}' "$IMAGE")
case $cfg in
'["/tend","--"] 65534:65534 ["CMD","/tend","probe",'*) ok "image config: $cfg" ;;
*) fail "image config is not ENTRYPOINT /tend --, USER 65534, HEALTHCHECK tend probe: $cfg" ;;
esac

# The final image holds tend, the app and its page: no shell, no libc.
pm create --name tend-check-files "$IMAGE" >/dev/null 2>&1 || fail "podman create"
NAMES="$NAMES tend-check-files"
files=$(pm export tend-check-files | tar -tf - | grep -v '/$' | sort | tr '\n' ' ')
expect_files="bin/busybox tend www/index.html "
# podman adds empty mount points and /etc files of its own; ignore those.
got=$(printf '%s\n' $files | grep -v -e '^etc/' -e '^run/' -e '^dev/' -e '^proc/' -e '^sys/' | tr '\n' ' ')
[ "$got" = "$expect_files" ] || fail "unexpected files in the image: $files"
ok "the image holds only: $got"
pm rm -f tend-check-files >/dev/null 2>&1

# 3. Run it: tend is PID 1 as 65534, the app its child; the HEALTHCHECK
# passes; podman stop ends it at once with the app's 128+15.
NAMES="$NAMES tend-check-run"
pm run -d --name tend-check-run --network none "$IMAGE" 2>&1 | quiet >/dev/null
for _ in $(seq 50); do
	[ "$(pm inspect --format '{{.State.Status}}' tend-check-run 2>/dev/null)" = running ] && break
	sleep 0.1
done
ps1=$(pm exec tend-check-run /bin/busybox ps -o pid,user,args 2>&1)
# (Under qemu-user, ps shows "{tend} EMULATOR /tend /tend -- ...".)
echo "$ps1" | grep -Eq '^ *1 +65534 +(/tend|\{tend\} [^ ]+ /tend /tend) -- /bin/busybox httpd' ||
    fail "PID 1 is not tend as 65534: $ps1"
ok "PID 1 is tend, as uid 65534, with httpd its child"
if [ -n "$PLATFORM" ]; then
	m=$(pm exec tend-check-run /bin/busybox uname -m 2>&1)
	[ -n "$m" ] && [ "$m" != "$(uname -m)" ] || fail "uname -m in the container: '$m'"
	ok "the container runs on $m (this machine: $(uname -m))"
fi
body=""
for _ in $(seq 30); do
	body=$(pm exec tend-check-run /bin/busybox wget -qO- http://127.0.0.1:8080/ 2>/dev/null) && break
	sleep 0.1
done
case $body in *"served under tend"*) ok "the app serves" ;; *) fail "the app does not serve: $body" ;; esac
pm healthcheck run tend-check-run 2>&1 | quiet
hc=$(pm inspect --format '{{.State.Health.Status}}' tend-check-run 2>/dev/null)
[ "$hc" = healthy ] || fail "podman healthcheck run: status $hc"
ok "podman healthcheck run (tend probe): healthy"
s=$(date +%s%N)
pm stop -t 10 tend-check-run 2>&1 | quiet >/dev/null
ms=$(( ($(date +%s%N) - s) / 1000000 ))
code=$(pm inspect --format '{{.State.ExitCode}}' tend-check-run)
[ "$code" = 143 ] || fail "podman stop: exit code $code, expected 143"
[ "$ms" -lt 5000 ] || fail "podman stop took $ms ms: TERM did not reach the app"
ok "podman stop: TERM reached the app through tend in $ms ms, exit 143"

# 4. An app that answers 404 (it serves /bin, which has no index.html):
# the HEALTHCHECK fails.
NAMES="$NAMES tend-check-bad"
pm run -d --name tend-check-bad --network none "$IMAGE" \
    /bin/busybox httpd -f -p 8080 -h /bin 2>&1 | quiet >/dev/null
sleep 0.5
pm healthcheck run tend-check-bad >/dev/null 2>&1
rc=$?
[ "$rc" = 1 ] || fail "podman healthcheck run on a 404: exit $rc, expected 1"
ok "podman healthcheck run on an app answering 404: exit 1"
pm rm -f tend-check-bad >/dev/null 2>&1

# 5. tend's own probe loop with --health-action stop ends the container
# with 124, which a restart policy or orchestrator then acts on.
NAMES="$NAMES tend-check-stop"
pm run -d --name tend-check-stop --network none \
    --entrypoint '["/tend","--health","http://127.0.0.1:8080/","--health-interval","200ms","--health-retries","2","--health-action","stop","--"]' \
    "$IMAGE" /bin/busybox httpd -f -p 8080 -h /bin 2>&1 | quiet >/dev/null
# state NAME [SECONDS]: poll until the container is no longer running.
until_exited() {
	for _ in $(seq $(( ${2:-20} * 10 ))); do
		case $(pm inspect --format '{{.State.Status}}' "$1" 2>/dev/null) in
		running | created | "") sleep 0.1 ;;
		*) return 0 ;;
		esac
	done
	return 1
}
until_exited tend-check-stop || fail "--health-action stop: the container still runs after 20 s"
code=$(pm inspect --format '{{.State.ExitCode}}' tend-check-stop)
[ "$code" = 124 ] || fail "--health-action stop: exit $code, expected 124"
ok "--health-action stop: the unhealthy app ended the container, exit 124"

# 6. tend as podman's own init: "podman run --init --init-path FILE" binds
# FILE at /run/podman-init and runs "/run/podman-init -- CMD ARGS". The
# binary is the one just built, copied out of the image.
pm create --name tend-check-cp "$IMAGE" >/dev/null 2>&1 || fail "podman create"
NAMES="$NAMES tend-check-cp tend-check-init"
pm cp tend-check-cp:/tend "$dir/tend-init" || fail "podman cp /tend"
pm run -d --name tend-check-init --network none --init --init-path "$dir/tend-init" \
    --entrypoint /bin/busybox "$IMAGE" sh -c \
    'trap "exit 42" TERM; echo ready; while :; do /bin/busybox sleep 1 & wait $!; done' \
    2>&1 | quiet >/dev/null
for _ in $(seq 50); do
	pm logs tend-check-init 2>/dev/null | grep -q ready && break
	sleep 0.1
done
cmd1=$(pm exec tend-check-init /bin/busybox cat /proc/1/cmdline 2>&1 | tr '\0' ' ')
case $cmd1 in
"/run/podman-init -- /bin/busybox sh -c "* | *" /run/podman-init /run/podman-init -- /bin/busybox sh -c "*)
	ok "podman --init: PID 1 is '${cmd1%% -c *} -c ...'" ;;
*) fail "podman --init: PID 1 is '$cmd1'" ;;
esac
v=$(pm exec tend-check-init /run/podman-init --version 2>&1)
case $v in "tend version "*) ok "podman --init: /run/podman-init is $v" ;; *) fail "podman --init: not tend: $v" ;; esac
s=$(date +%s%N)
pm stop -t 10 tend-check-init 2>&1 | quiet >/dev/null
ms=$(( ($(date +%s%N) - s) / 1000000 ))
code=$(pm inspect --format '{{.State.ExitCode}}' tend-check-init)
[ "$code" = 42 ] && [ "$ms" -lt 5000 ] ||
    fail "podman --init: stop gave exit $code after $ms ms, expected the app's 42 at once"
ok "podman --init: podman stop reached the app through tend in $ms ms, exit 42"

echo "podman-build: all checks passed for $arch${PLATFORM:+ ($PLATFORM, under qemu-user)} in $(( $(date +%s) - t0 )) s"
