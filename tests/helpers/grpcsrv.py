#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# A real gRPC server (Debian's python3-grpcio) serving
# grpc.health.v1.Health/Check, for tend's gRPC probe tests.
#
# Usage: grpcsrv.py PORTFILE [SERVICE=STATUS ...]
# STATUS is SERVING, NOT_SERVING, SERVICE_UNKNOWN, UNKNOWN or HANG (never answers). A
# service not listed gets NOT_FOUND, as the standard health servicer
# answers. The port (on 127.0.0.1, chosen by the kernel) is written to
# PORTFILE once the server has answered a call of its own.
#
# The health-checking package (grpcio-health-checking) is not in Debian,
# so the servicer is registered by hand with a generic handler, and the
# two tiny protobuf messages are encoded by hand:
#   HealthCheckRequest  { string service = 1; }       -> 0x0a LEN BYTES
#   HealthCheckResponse { ServingStatus status = 1; } -> 0x08 VALUE
import os
import sys
import time
from concurrent import futures

import grpc

CODES = {"UNKNOWN": 0, "SERVING": 1, "NOT_SERVING": 2, "SERVICE_UNKNOWN": 3}
PORTFILE = sys.argv[1]
TABLE = dict(a.split("=", 1) for a in sys.argv[2:])
TABLE["self-check"] = "SERVING"


def service_of(req):
    """The service field of a HealthCheckRequest ("" when absent)."""
    if len(req) >= 2 and req[0] == 0x0A:
        return req[2:2 + req[1]].decode()
    return ""


def check(request, context):
    st = TABLE.get(service_of(request))
    print("check %r: %s" % (service_of(request), st), file=sys.stderr,
          flush=True)
    if st is None:
        context.abort(grpc.StatusCode.NOT_FOUND, "unknown service")
    if st == "HANG":
        time.sleep(120)
    return bytes([0x08, CODES[st]]) if CODES[st] else b""


server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler(
    "grpc.health.v1.Health",
    {"Check": grpc.unary_unary_rpc_method_handler(check)}),))
port = server.add_insecure_port("127.0.0.1:0")
server.start()
print("listening on %d" % port, file=sys.stderr, flush=True)
channel = grpc.insecure_channel("127.0.0.1:%d" % port,
                                options=[("grpc.enable_http_proxy", 0)])
channel.unary_unary("/grpc.health.v1.Health/Check")(b"\x0a\x0aself-check",
                                                    timeout=60)
channel.close()
with open(PORTFILE + ".tmp", "w") as f:
    f.write("%d\n" % port)
os.rename(PORTFILE + ".tmp", PORTFILE)
server.wait_for_termination()
