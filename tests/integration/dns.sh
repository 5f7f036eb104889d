#!/bin/sh
# SPDX-License-Identifier: MIT
# Probes by host name against a real DNS server: Debian's dnsmasq on
# 127.0.0.1:53 of a private network namespace, with our own /etc/hosts and
# /etc/resolv.conf bind-mounted in a private mount namespace (the host's
# files are never touched). Covers a name from hosts, from DNS, through a
# search domain (ndots:5, three domains as in a Kubernetes pod), a name
# that does not exist, a server that never answers (with and without a
# second server to fail over to), a truncated answer retried over TCP,
# addresses tried in order, and a name probed by tend as PID 1.
. "$TESTLIB"
need_net_probes
PY=$(dirname "$TESTLIB")/../helpers
[ "$(id -u)" = 0 ] || skip "needs root for network and mount namespaces"
command -v dnsmasq >/dev/null || [ -x /usr/sbin/dnsmasq ] ||
    skip "dnsmasq is not installed (scripts/deps.sh installs dnsmasq-base)"
[ -x /usr/bin/python3 ] || skip "python3 is not installed"
unshare --net --mount --pid --fork true 2>/dev/null ||
    skip "the kernel refuses network, mount and PID namespaces"

cat >"$TMP/inner.sh" <<'EOS'
set -u
D=$1
PATH=/usr/sbin:/sbin:$PATH
ip link set lo up
mount --make-rprivate /
: >"$D/hosts"; : >"$D/resolv.conf"
mount --bind "$D/hosts" /etc/hosts
mount --bind "$D/resolv.conf" /etc/resolv.conf
testsrv -p 0 -t 60 http >"$D/port" 2>/dev/null &
pids=$!
dnsmasq --keep-in-foreground --conf-file=/dev/null --no-resolv --no-hosts \
    --listen-address=127.0.0.1 --bind-interfaces --port=53 --user=root \
    --pid-file= --local=/test/ --local=/local/ --local=/example/ \
    --address=/db.test/127.0.0.1 \
    --host-record=web.svc.cluster.local,127.0.0.1 2>"$D/dnsmasq.log" &
pids="$pids $!"
/usr/bin/python3 "$PY/dnsfake.py" tc 127.0.0.2 2>"$D/tc.log" &
pids="$pids $!"
/usr/bin/python3 "$PY/dnsfake.py" drop 127.0.0.3 2>"$D/drop.log" &
pids="$pids $!"
for _ in $(seq 100); do
	[ -s "$D/port" ] && grep -q ready "$D/tc.log" && grep -q ready "$D/drop.log" &&
	    break
	sleep 0.1
done
P=$(cat "$D/port")
ms() { echo $(( $(date +%s%N) / 1000000 )); }
# run NAME PROBE [ARGS]: one "tend probe", its output, code and time.
run() {
	n=$1; shift
	t0=$(ms)
	"$TEND" probe "$@" >"$D/$n.out" 2>&1
	echo "$n rc $? ms $(( $(ms) - t0 )) $(cat "$D/$n.out")" >>"$D/results"
}
conf() { printf '%s\n' "$@" >"$D/resolv.conf"; }

printf '127.0.0.1 hostsonly.example\n127.0.0.9 multi.example\n127.0.0.1 multi.example\n' >"$D/hosts"
conf "nameserver 127.0.0.3" "options timeout:5"	# DNS never answers: hosts must not ask
run hosts "tcp://hostsonly.example:$P" --timeout 3s
run order "tcp://multi.example:$P" --timeout 3s
grep -c . "$D/drop.log" >"$D/drop.hosts"
conf "nameserver 127.0.0.1"
run dns "http://db.test:$P/" --timeout 5s
run absolute "http://db.test.:$P/" --timeout 5s
conf "search ns1.svc.cluster.local svc.cluster.local cluster.local" \
    "nameserver 127.0.0.1" "options ndots:5"
run search "http://web:$P/" --timeout 5s
run nxdomain "tcp://nosuch.test:$P" --timeout 5s
conf "nameserver 127.0.0.3" "options timeout:1 attempts:1"
run timeout "tcp://db.test:$P" --timeout 5s
conf "nameserver 127.0.0.3" "options timeout:5"
run probetimeout "tcp://db.test:$P" --timeout 500ms
conf "nameserver 127.0.0.3" "nameserver 127.0.0.1" "options timeout:1 attempts:1"
run failover "tcp://db.test:$P" --timeout 5s
conf "nameserver 127.0.0.2"
run truncated "tcp://big.test:$P" --timeout 5s
# tend as PID 1 probing a name from its loop.
conf "nameserver 127.0.0.1"
unshare --pid --fork --mount-proc "$TEND" --health "http://db.test:$P/" \
    --health-interval 100ms -- sleep 1 2>"$D/pid1.err"
echo "pid1 rc $?" >>"$D/results"
kill $pids 2>/dev/null
wait
EOS
TEND="$TEND" PY="$PY" PATH="$PATH" unshare --net --mount --fork sh "$TMP/inner.sh" "$TMP" \
    >"$TMP/out" 2>"$TMP/err"
expect_eq $? 0 "the namespace script ran"
res() { grep "^$1 " "$TMP/results" || fail "no result for $1: $(cat "$TMP/results" "$TMP/dnsmasq.log")"; }
ms_of() { res "$1" | awk '{ print $5 }'; }
expect_match "$TMP/results" '^hosts rc 0 ms [0-9]+ healthy: connected$' "a name from /etc/hosts, without asking DNS"
expect_eq "$(cat "$TMP/drop.hosts")" 1 "hosts: the nameserver was never asked"
expect_match "$TMP/results" '^order rc 0 ms [0-9]+ healthy: connected$' "the next address is tried when the first refuses"
expect_match "$TMP/results" '^dns rc 0 ms [0-9]+ healthy: HTTP 200$' "a name from dnsmasq"
expect_match "$TMP/results" '^absolute rc 0 ms [0-9]+ healthy: HTTP 200$' "an absolute name (final dot)"
expect_match "$TMP/results" '^search rc 0 ms [0-9]+ healthy: HTTP 200$' "a short name through the second of three search domains (ndots:5)"
expect_match "$TMP/results" '^nxdomain rc 1 ms [0-9]+ unhealthy: no such host$' "a name that does not exist: no such host"
[ "$(ms_of nxdomain)" -lt 3000 ] || fail "no such host took $(ms_of nxdomain) ms"
ok "no such host is answered at once ($(ms_of nxdomain) ms)"
expect_match "$TMP/results" '^timeout rc 1 ms [0-9]+ unhealthy: DNS timeout$' "a server that never answers: DNS timeout"
t=$(ms_of timeout)
[ "$t" -ge 900 ] && [ "$t" -lt 4000 ] || fail "DNS timeout after $t ms, expected the 1 s of resolv.conf"
ok "the resolv.conf timeout applies ($t ms)"
expect_match "$TMP/results" '^probetimeout rc 1 ms [0-9]+ unhealthy: DNS timeout$' "resolution counts inside the probe's timeout"
t=$(ms_of probetimeout)
[ "$t" -ge 450 ] && [ "$t" -lt 3000 ] || fail "probe timeout during DNS after $t ms, expected 500"
ok "the probe's 500ms timeout cuts the 5 s DNS try short ($t ms)"
expect_match "$TMP/results" '^failover rc 0 ms [0-9]+ healthy: connected$' "a dead first nameserver fails over to the second"
t=$(ms_of failover)
[ "$t" -ge 900 ] || fail "failover after $t ms: the first server was not tried for its timeout"
ok "failover after the first server's timeout ($t ms)"
expect_match "$TMP/results" '^truncated rc 0 ms [0-9]+ healthy: connected$' "a truncated answer is asked again over TCP"
expect_match "$TMP/tc.log" '^tcp big.test 1$' "the TCP query was made"
expect_match "$TMP/results" '^pid1 rc 0$' "tend as PID 1 with a probe by name: app exited 0"
expect_match "$TMP/pid1.err" 'starting -> healthy \(HTTP 200\)' "the loop resolves the name and probes it"
