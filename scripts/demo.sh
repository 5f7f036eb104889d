#!/bin/sh
# SPDX-License-Identifier: MIT
# Build tend and watch it run a real app as PID 1 in a fresh PID namespace:
# a small web server probed for health, orphans reaped, a daemon drained.
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh busybox-static
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
echo "== built: $(build/tend --version | head -1), $(stat -c %s build/tend) bytes, $(file -b build/tend | cut -d, -f1-5)"
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
echo '<h1>hello from an app under tend</h1>' >"$root/index.html"
H=$PWD/build/tests/helpers
# The app: busybox httpd in the foreground, plus a careless background job
# that leaves orphans, plus a daemon that needs time to flush on SIGTERM.
cat >"$root/app.sh" <<EOS
"$H/orphans" 300 >/dev/null
"$H/daemon" term "$root/flushed" 500
exec busybox httpd -f -p 127.0.0.1:8088 -h "$root"
EOS
echo "== starting: tend -v --health http://127.0.0.1:8088/ -- sh app.sh (as PID 1 of a new PID namespace)"
unshare --pid --fork --mount-proc --net sh -c '
	ip link set lo up
	exec "$0" -v --health http://127.0.0.1:8088/ --health-interval 1s \
	    --health-start-interval 200ms --health-start-period 10s -- sh "$1"' \
	    "$PWD/build/tend" "$root/app.sh" &
ns=$!
sleep 0.2
tend_pid=$(tr -d ' ' <"/proc/$ns/task/$ns/children")
inside() { nsenter -t "$tend_pid" -p -n -m "$@"; }
for _ in $(seq 50); do
	inside "$PWD/build/tend" status >/dev/null 2>&1 && break
	sleep 0.2
done
echo "== tend status, run inside the container (as docker exec would):"
inside "$PWD/build/tend" status || true
echo "== zombies in the namespace after 300 orphans: $(inside sh -c 'grep -l "^State:.*Z" /proc/[0-9]*/status 2>/dev/null | wc -l')"
echo "== tend probe, one shot: $(inside "$PWD/build/tend" probe http://127.0.0.1:8088/)"
echo "== docker stop: sending SIGTERM to tend"
kill -TERM "$tend_pid"
wait "$ns" || echo "== tend exited with $? (143 = the app died of SIGTERM, as it should)"
echo "== the daemon finished flushing before tend left: $(cat "$root/flushed" 2>/dev/null || echo NO)"
