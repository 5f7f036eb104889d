#!/bin/sh
# SPDX-License-Identifier: MIT
# bench/probe_cost.sh [BUILD] - instructions (callgrind Ir, whole process:
# start-up, parsing, the probe, the output line) of one "tend probe" each:
# HTTP and TCP by address, the same by name (the resolver's /etc/hosts
# read, resolv.conf, and its A and AAAA round trips to dnsmasq), and one
# gRPC health check against python3-grpcio. Runs in a private network
# and mount namespace (as root), so the host's resolv.conf is untouched.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
B=${1:-$ROOT/build}
[ "$(id -u)" = 0 ] || { echo "probe_cost: needs root (namespaces)" >&2; exit 1; }
exec unshare --net --mount --fork sh -eu -c '
ROOT=$1 B=$2
D=$(mktemp -d)
trap "rm -rf $D" EXIT
ip link set lo up
printf "nameserver 127.0.0.1\n" >"$D/resolv.conf"; : >"$D/hosts"
mount --bind "$D/resolv.conf" /etc/resolv.conf; mount --bind "$D/hosts" /etc/hosts
"$B/tests/helpers/testsrv" -p 0 -t 120 http >"$D/hport" 2>/dev/null & p1=$!
PATH=/usr/sbin:$PATH dnsmasq --keep-in-foreground --conf-file=/dev/null --no-resolv --no-hosts \
    --listen-address=127.0.0.1 --bind-interfaces --port=53 --user=root \
    --pid-file= --address=/db.test/127.0.0.1 2>/dev/null & p2=$!
/usr/bin/python3 "$ROOT/tests/helpers/grpcsrv.py" "$D/gport" =SERVING 2>/dev/null & p3=$!
while [ ! -s "$D/gport" ] || [ ! -s "$D/hport" ]; do sleep 0.1; done
H=$(cat "$D/hport"); G=$(cat "$D/gport")
for spec in "tcp://127.0.0.1:$H" "tcp://db.test:$H" "http://127.0.0.1:$H/" \
    "http://db.test:$H/" "grpc://127.0.0.1:$G"; do
	valgrind --tool=callgrind --callgrind-out-file="$D/cg" "$B/tend" probe "$spec" \
	    >"$D/o" 2>/dev/null
	printf "%-28s %-22s Ir %s\n" "$spec" "$(cat "$D/o")" \
	    "$(awk "/^(summary|totals):/ { print \$2; exit }" "$D/cg")"
done
kill $p1 $p2 $p3
wait
' sh "$ROOT" "$B"
