#!/bin/sh
# SPDX-License-Identifier: MIT
# Install what building and testing tend needs, from Debian's archive, if
# anything is missing. Usage: scripts/deps.sh [EXTRA-PACKAGE...]
set -eu
pkgs="cmake make gcc libc6-dev musl-tools libcmocka-dev binutils file util-linux iproute2 mandoc procps tmux crun runc busybox-static jq tini dumb-init catatonit python3-grpcio dnsmasq-base $*"
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "deps: missing:$missing (run as root, or install them)" >&2
	exit 1
fi
echo "deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
