/* SPDX-License-Identifier: MIT */
/*
 * grpc.h - one grpc.health.v1.Health/Check call over plaintext HTTP/2.
 *
 * The client speaks HTTP/2 with prior knowledge, as grpc_health_probe and
 * the kubelet do. grpc_build_request() writes everything the client ever
 * sends up front: the connection preface, a SETTINGS frame (header table
 * size 0, so the server keeps no HPACK dynamic table for us; push off), a
 * HEADERS frame on stream 1
 *
 *	:method POST, :scheme http, :path /grpc.health.v1.Health/Check,
 *	:authority HOST, content-type application/grpc, te trailers
 *
 * and a DATA frame ending the stream with the length-prefixed protobuf
 * HealthCheckRequest{service = 1}. grpc_feed() then parses the server's
 * bytes in whatever pieces they arrive, and queues in out[] what must go
 * back (SETTINGS and PING acknowledgements); the caller sends and then
 * clears it (grpc_sent()).
 *
 * The verdict: SERVING is healthy. NOT_SERVING, SERVICE_UNKNOWN, UNKNOWN,
 * a non-zero grpc-status, a non-200 :status, RST_STREAM, a GOAWAY that
 * drops the call, and anything malformed are unhealthy, each with a short
 * line in why ("NOT_SERVING", "grpc-status 12", "GOAWAY code 2",
 * "not HTTP/2 (an HTTP/1 reply)", "HTTP/2 protocol error").
 * Timeouts and connection errors are the caller's to report.
 *
 * Pure: fixed buffers, no allocation, no system calls.
 */
#ifndef TEND_GRPC_H
#define TEND_GRPC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hpack.h"

#define GRPC_SERVICE_MAX	200	/* service name bytes */
#define GRPC_AUTHORITY_MAX	261	/* host name of 253, ':', port */
#define GRPC_REQ_MAX		640	/* what grpc_build_request may need */
#define GRPC_BLOCK_MAX		4096	/* one header block, HEADERS + CONTINUATION */
#define GRPC_MSG_MAX		64	/* one HealthCheckResponse */
#define GRPC_OUT_MAX		128	/* queued acknowledgements */
#define GRPC_WHY_MAX		128

enum grpc_verdict {
	GRPC_MORE,		/* feed more */
	GRPC_HEALTHY,		/* SERVING */
	GRPC_UNHEALTHY		/* why says why */
};

/* HealthCheckResponse.ServingStatus */
enum grpc_serving {
	GRPC_SERVING_UNKNOWN = 0,
	GRPC_SERVING = 1,
	GRPC_NOT_SERVING = 2,
	GRPC_SERVICE_UNKNOWN = 3
};

/*
 * Callers read verdict, why and out/out_len; the rest is private. The
 * small fields come first: on most architectures they are then reached
 * with a short displacement, which makes the parser much smaller.
 */
struct grpc_call {
	enum grpc_verdict	verdict;
	size_t			out_len;

	/* The frame being read: its header, then its payload into blk. */
	uint32_t		fhdr_len;
	uint32_t		flen, fpos;	/* fhdr[3] type, [4] flags */
	bool			got_settings;	/* the server's preface */
	bool			in_block;	/* CONTINUATION expected */
	bool			block_end_stream;
	bool			ct_grpc;	/* content-type application/grpc */
	int			blocks;		/* header blocks on stream 1 */
	uint32_t		blk_len;

	/* What the reply said so far. */
	int			http_status;	/* :status, 0 if none */
	int			grpc_status;	/* -1 if none */
	uint32_t		msg_len;
	uint8_t			fhdr[9];
	uint8_t			msg[5 + GRPC_MSG_MAX];	/* DATA on stream 1 */
	char			grpc_msg[64];
	char			why[GRPC_WHY_MAX];
	uint8_t			out[GRPC_OUT_MAX];

	/*
	 * A header block being gathered (HEADERS + CONTINUATION), else the
	 * current frame's payload (its first GRPC_BLOCK_MAX bytes).
	 */
	uint8_t			blk[GRPC_BLOCK_MAX];
	struct hpack_dec	hpack;
};

/*
 * Write the client's bytes for one Check of service (may be "") on
 * authority (the :authority, e.g. "10.0.0.1:50051") into buf of n bytes.
 * Returns the length, or 0 if n is under GRPC_REQ_MAX or authority or
 * service is empty/too long/holds bytes outside printable ASCII.
 */
size_t	grpc_build_request(uint8_t *buf, size_t n, const char *authority,
	    const char *service);

void	grpc_init(struct grpc_call *c);

/*
 * Feed n more bytes from the server. Once the verdict is not GRPC_MORE it
 * is final, further bytes are ignored and the connection can be closed.
 * After each call, send out[0..out_len) and call grpc_sent().
 */
enum grpc_verdict	grpc_feed(struct grpc_call *c, const uint8_t *p,
			    size_t n);

/* The server closed the connection: decide if not decided yet. */
enum grpc_verdict	grpc_eof(struct grpc_call *c);

static inline void
grpc_sent(struct grpc_call *c)
{
	c->out_len = 0;
}

#endif
