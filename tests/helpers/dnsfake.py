#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# A misbehaving DNS server for tend's resolver tests (stdlib only).
#
# Usage: dnsfake.py MODE ADDR
#   drop  read every UDP query on ADDR:53 and never answer
#   tc    answer every UDP query on ADDR:53 with an empty, truncated (TC)
#         reply; answer the same query over TCP on ADDR:53 with the A
#         record 127.0.0.1 (AAAA: no records)
# Each query is logged on stderr as "udp NAME TYPE" or "tcp NAME TYPE".
import socket
import struct
import sys
import threading

MODE, ADDR = sys.argv[1], sys.argv[2]


def question(q):
    """(name, type, end offset) of the one question of query q."""
    i, labels = 12, []
    while q[i]:
        labels.append(q[i + 1:i + 1 + q[i]].decode())
        i += 1 + q[i]
    qtype = struct.unpack("!H", q[i + 1:i + 3])[0]
    return ".".join(labels), qtype, i + 5


def reply(q, tc):
    name, qtype, end = question(q)
    flags = 0x8180 | (0x0200 if tc else 0)
    ans = b""
    if not tc and qtype == 1:
        ans = b"\xc0\x0c" + struct.pack("!HHIH", 1, 1, 60, 4) + bytes([127, 0, 0, 1])
    return q[:2] + struct.pack("!HHHHH", flags, 1, 1 if ans else 0, 0, 0) + \
        q[12:end] + ans


def log(proto, q):
    name, qtype, _ = question(q)
    print("%s %s %d" % (proto, name, qtype), file=sys.stderr, flush=True)


def serve_tcp(ls):
    while True:
        c, _ = ls.accept()
        n = struct.unpack("!H", c.recv(2, socket.MSG_WAITALL))[0]
        q = c.recv(n, socket.MSG_WAITALL)
        log("tcp", q)
        r = reply(q, False)
        c.sendall(struct.pack("!H", len(r)) + r)
        c.close()


u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind((ADDR, 53))
if MODE == "tc":
    t = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    t.bind((ADDR, 53))
    t.listen(8)
    threading.Thread(target=serve_tcp, args=(t,), daemon=True).start()
print("ready", file=sys.stderr, flush=True)
while True:
    q, peer = u.recvfrom(512)
    log("udp", q)
    if MODE == "tc":
        u.sendto(reply(q, True), peer)
