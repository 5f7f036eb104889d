/* SPDX-License-Identifier: MIT */
/*
 * grpc.c - the HTTP/2 framing, gRPC message and protobuf subsets of one
 * health check (see grpc.h for what is sent and how the reply is judged).
 *
 * The reply is read a byte at a time into a frame header and then into
 * one buffer for the payload, so chunk boundaries never matter; each
 * frame is handled once whole. A header block (HEADERS and CONTINUATION
 * frames) is gathered whole, as HPACK needs it; DATA on stream 1 is
 * gathered into the one small gRPC message a health reply is, and judged
 * at the end of the stream.
 */
#include <string.h>

#include "be.h"
#include "fmt.h"
#include "grpc.h"

#define H2_DATA			0
#define H2_HEADERS		1
#define H2_RST_STREAM		3
#define H2_SETTINGS		4
#define H2_PUSH_PROMISE		5
#define H2_PING			6
#define H2_GOAWAY		7
#define H2_WINDOW_UPDATE	8
#define H2_CONTINUATION		9

#define H2_END_STREAM		0x01
#define H2_ACK			0x01
#define H2_END_HEADERS		0x04
#define H2_PADDED		0x08
#define H2_PRIORITY		0x20

#define H2_FRAME_MAX		16384	/* SETTINGS_MAX_FRAME_SIZE default */

#define GRPC_PROTO		"HTTP/2 protocol error"
#define GRPC_BAD_MSG		"bad HealthCheckResponse"

/*
 * What the client sends, up to the :authority value: the preface, SETTINGS
 * (HEADER_TABLE_SIZE = 0, ENABLE_PUSH = 0), the HEADERS frame header
 * (length patched in) and, in HPACK, :method POST and :scheme http (static
 * 3 and 6), :path as a literal with static name 4, then :authority's
 * static name 1.
 */
static const char grpc_head[] = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
	"\0\0\14\4\0\0\0\0\0" "\0\1\0\0\0\0" "\0\2\0\0\0\0"
	"\0\0\0\1\4\0\0\0\1"
	"\x83\x86\x04\x1c/grpc.health.v1.Health/Check\x01";
/* After it: content-type (static 31) and te, not indexed. */
static const char grpc_tail[] = "\x0f\x10\x10" "application/grpc"
	"\x00\x02te\x08trailers";
#define GRPC_HEADERS_AT	(24 + 21)	/* the HEADERS frame header */

/*
 * The ServingStatus names, "UNKNOWN", "SERVING", "NOT_SERVING" and
 * "SERVICE_UNKNOWN", as offsets into one string: two are the others' tails.
 */
static const char grpc_serving_names[] = "NOT_SERVING\0SERVICE_UNKNOWN";
static const uint8_t grpc_serving_at[] = { 20, 4, 0, 12 };

/* A frame header: 24-bit length, type, flags, stream id (< 256). */
static uint8_t *
grpc_frame_hdr(uint8_t *p, size_t len, unsigned type, unsigned flags,
    unsigned stream)
{
	p[0] = 0;
	p[1] = (uint8_t)(len >> 8);
	p[2] = (uint8_t)len;
	p[3] = (uint8_t)type;
	p[4] = (uint8_t)flags;
	memset(p + 5, 0, 3);
	p[8] = (uint8_t)stream;
	return p + 9;
}

/*
 * The length of s, at least min and at most max bytes of printable ASCII
 * without spaces (nothing that could corrupt the stream), or -1.
 */
static long
grpc_text_len(const char *s, size_t min, size_t max)
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++)
		if ((unsigned char)s[i] <= 0x20 || (unsigned char)s[i] >= 0x7f)
			return -1;
	return i < min || i > max ? -1 : (long)i;
}

/* v as a base-128 varint, low groups first (protobuf; HPACK's tail). */
static uint8_t *
grpc_varint(uint8_t *p, size_t v)
{
	for (; v >= 128; v >>= 7)
		*p++ = (uint8_t)(v | 0x80);
	*p++ = (uint8_t)v;
	return p;
}

size_t
grpc_build_request(uint8_t *buf, size_t n, const char *authority,
    const char *service)
{
	uint8_t	*p = buf + sizeof(grpc_head) - 1, *m;
	long	 alen = grpc_text_len(authority, 1, GRPC_AUTHORITY_MAX);
	long	 slen = grpc_text_len(service, 0, GRPC_SERVICE_MAX);
	size_t	 mlen;

	if (n < GRPC_REQ_MAX || alen < 0 || slen < 0)
		return 0;
	memcpy(buf, grpc_head, sizeof(grpc_head) - 1);
	/* :authority value: an HPACK string, 7-bit prefix length. */
	if (alen < 127)
		*p++ = (uint8_t)alen;
	else {
		*p++ = 127;
		p = grpc_varint(p, (size_t)alen - 127);
	}
	memcpy(p, authority, (size_t)alen);
	p += alen;
	memcpy(p, grpc_tail, sizeof(grpc_tail) - 1);
	p += sizeof(grpc_tail) - 1;
	(void)grpc_frame_hdr(buf + GRPC_HEADERS_AT,
	    (size_t)(p - buf) - GRPC_HEADERS_AT - 9, H2_HEADERS,
	    H2_END_HEADERS, 1);
	/*
	 * DATA, END_STREAM: an uncompressed HealthCheckRequest after the
	 * frame header and the 5-byte prefix, field 1 unless empty.
	 */
	m = p + 9 + 5;
	if (slen > 0) {
		*m++ = 0x0a;		/* field 1, length-delimited */
		m = grpc_varint(m, (size_t)slen);
		memcpy(m, service, (size_t)slen);
		m += slen;
	}
	mlen = (size_t)(m - p) - 9 - 5;
	p = grpc_frame_hdr(p, 5 + mlen, H2_DATA, H2_END_STREAM, 1);
	memset(p, 0, 4);
	p[4] = (uint8_t)mlen;
	return (size_t)(m - buf);
}

void
grpc_init(struct grpc_call *c)
{
	memset(c, 0, sizeof(*c));
	c->grpc_status = -1;
}

/*
 * Decide: unhealthy, why being "WHAT", or with msg "WHAT N" and ": MSG"
 * unless msg is empty. The first verdict stands.
 */
static void
grpc_failn(struct grpc_call *c, const char *what, long n, const char *msg)
{
	if (c->verdict != GRPC_MORE)
		return;
	(void)fmt_format(c->why, sizeof(c->why), msg != NULL ?
	    "%s %ld%s%s" : "%s", what, n, msg != NULL && msg[0] != '\0' ?
	    ": " : "", msg);
	c->verdict = GRPC_UNHEALTHY;
}

static void
grpc_fail(struct grpc_call *c, const char *what)
{
	grpc_failn(c, what, 0, NULL);
}

/*
 * Queue an acknowledgement: a frame header and the PING's 8 bytes, if
 * any. A peer that sends more than a caller can drain is not a server.
 */
static void
grpc_ack(struct grpc_call *c, unsigned type, size_t len)
{
	if (c->out_len + 9 + len > GRPC_OUT_MAX) {
		grpc_fail(c, GRPC_PROTO);
		return;
	}
	memcpy(grpc_frame_hdr(c->out + c->out_len, len, type, H2_ACK, 0),
	    c->blk, len);
	c->out_len += 9 + len;
}

/* HealthCheckResponse: field 1 (varint) is the status; skip the rest. */
static int
grpc_pb_varint(const uint8_t **p, const uint8_t *end, uint64_t *v)
{
	unsigned shift = 0;

	*v = 0;
	do {
		if (*p >= end || shift > 63)
			return -1;
		*v |= (uint64_t)(**p & 0x7f) << shift;
		shift += 7;
	} while (*(*p)++ & 0x80);
	return 0;
}

static int
grpc_pb_parse(const uint8_t *p, size_t n, int *serving)
{
	const uint8_t	*end = p + n;
	uint64_t	 key, v;
	unsigned	 wt;

	*serving = GRPC_SERVING_UNKNOWN;
	while (p < end) {
		if (grpc_pb_varint(&p, end, &key) != 0 || key >> 3 == 0)
			return -1;
		/*
		 * Wire types 0 (varint), 2 (length, then bytes), 1 and 5 (8
		 * and 4 bytes): v is what to skip after the key and varint.
		 */
		wt = key & 7;
		if (wt == 1)
			v = 8;
		else if (wt == 5)
			v = 4;
		else if (wt > 2 || grpc_pb_varint(&p, end, &v) != 0)
			return -1;
		if (wt == 0) {
			if (key >> 3 == 1)
				*serving = (int)(int32_t)(uint32_t)v;
			v = 0;
		}
		if (v > (uint64_t)(end - p))
			return -1;
		p += v;
	}
	return 0;
}

/* END_STREAM on stream 1: everything is in. */
static void
grpc_stream_end(struct grpc_call *c)
{
	int serving;

	if (c->grpc_status < 0)
		grpc_fail(c, "no grpc-status");
	else if (c->grpc_status != 0)
		grpc_failn(c, "grpc-status", c->grpc_status,
		    c->grpc_msg);
	/* One uncompressed message, and nothing after it. */
	else if (c->msg_len < 5 || c->msg[0] != 0 ||
	    be32(c->msg + 1) != c->msg_len - 5 ||
	    grpc_pb_parse(c->msg + 5, c->msg_len - 5, &serving) != 0)
		grpc_fail(c, GRPC_BAD_MSG);
	else if (serving >= 0 && serving <= GRPC_SERVICE_UNKNOWN) {
		grpc_fail(c, grpc_serving_names + grpc_serving_at[serving]);
		if (serving == GRPC_SERVING)
			c->verdict = GRPC_HEALTHY;
	} else
		grpc_failn(c, "status", serving, "");
}

/* The headers a reply is judged by, each after its length. */
static const char grpc_names[] = "\7:status" "\13grpc-status"
	"\14content-type" "\14grpc-message";

/* A small decimal header value, or -1. */
static int
grpc_num(const struct hpack_field *f)
{
	int		v = 0;
	size_t		i;
	unsigned	d;

	if (f->vlen == 0 || f->vlen > 4)
		return -1;
	for (i = 0; i < f->vlen; i++) {
		if ((d = (unsigned char)f->value[i] - (unsigned)'0') > 9)
			return -1;
		v = v * 10 + (int)d;
	}
	return v;
}

static int
grpc_header(void *arg, const struct hpack_field *f)
{
	struct grpc_call	*c = arg;
	const char		*nm = grpc_names;
	size_t			 i, n;
	int			 k, v;

	for (k = 0; k < 4; k++, nm += nm[0] + 1)
		if (f->nlen == (size_t)nm[0] &&
		    memcmp(f->name, nm + 1, f->nlen) == 0)
			break;
	if (k < 2) {
		if ((v = grpc_num(f)) < 0)
			return 1;
		*(k == 0 ? &c->http_status : &c->grpc_status) = v;
	} else if (k == 2)
		c->ct_grpc = f->vlen >= 16 &&
		    memcmp(f->value, "application/grpc", 16) == 0 &&
		    (f->vlen == 16 || f->value[16] == '+' ||
		    f->value[16] == ';');
	else if (k == 3) {
		/* Kept short, control bytes made harmless: one log line. */
		n = f->vlen;
		if (n > sizeof(c->grpc_msg) - 1)
			n = sizeof(c->grpc_msg) - 1;
		for (i = 0; i < n; i++) {
			char ch = f->value[i];

			if ((unsigned char)ch < 0x20 || ch == 0x7f)
				ch = '?';
			c->grpc_msg[i] = ch;
		}
		c->grpc_msg[n] = '\0';
	}
	return 0;
}

/* A whole header block on stream 1 is in blk[0..blk_len). */
static void
grpc_block_done(struct grpc_call *c)
{
	int	r;

	c->in_block = false;
	r = hpack_decode(&c->hpack, c->blk, c->blk_len, grpc_header, c);
	c->blk_len = 0;
	if (r != 0) {
		grpc_fail(c, "bad HTTP/2 headers");
		return;
	}
	if (++c->blocks == 1) {
		if (c->http_status != 200) {
			grpc_failn(c, "HTTP status", c->http_status, "");
			return;
		}
		if (!c->ct_grpc) {
			grpc_fail(c, "not gRPC (content-type)");
			return;
		}
	} else if (!c->block_end_stream) {
		grpc_fail(c, GRPC_PROTO);
		return;
	}
	if (c->block_end_stream)
		grpc_stream_end(c);
}

/*
 * A whole frame is in: its payload at blk + blk_len (a header block being
 * gathered) or at blk (any other frame), GRPC_BLOCK_MAX bytes at most.
 */
static void
grpc_frame_end(struct grpc_call *c)
{
	uint8_t		*f = c->blk + c->blk_len, t = c->fhdr[3];
	uint32_t	 code, len, pad = 0, off = 0;
	unsigned	 skip = c->fhdr[4];

	if (t == H2_DATA || t == H2_HEADERS || t == H2_CONTINUATION) {
		/*
		 * Only the fragment or data counts, not padding or priority.
		 * The pad length is f[0]: with no payload, f[0] is a stale
		 * byte of blk, and off (1) is too much whatever it says.
		 */
		if (t == H2_CONTINUATION)
			skip = 0;
		else if (t == H2_DATA)
			skip &= ~H2_PRIORITY;
		if (skip & H2_PADDED) {
			pad = f[0];
			off = 1;
		}
		if (skip & H2_PRIORITY)
			off += 5;
		if (off + pad > c->flen) {
			grpc_fail(c, GRPC_PROTO);
			return;
		}
		len = c->flen - off - pad;
		if (t == H2_DATA) {
			/* More than one health reply's worth is not one. */
			if (len > sizeof(c->msg) - c->msg_len) {
				grpc_fail(c, GRPC_BAD_MSG);
				return;
			}
			memcpy(c->msg + c->msg_len, f + off, len);
			c->msg_len += len;
			if (c->fhdr[4] & H2_END_STREAM)
				grpc_stream_end(c);
		} else {
			memmove(f, f + off, len);
			c->blk_len += len;
			if (t == H2_HEADERS)
				c->block_end_stream =
				    (c->fhdr[4] & H2_END_STREAM) != 0;
			if (c->fhdr[4] & H2_END_HEADERS)
				grpc_block_done(c);
			else
				c->in_block = true;
		}
	} else if (t == H2_SETTINGS || t == H2_PING) {
		/* A PING echoes its 8 bytes; it only comes after SETTINGS. */
		if (!(c->fhdr[4] & H2_ACK))
			grpc_ack(c, t, t == H2_PING ? 8 : 0);
		c->got_settings = true;
	} else if (t == H2_RST_STREAM)
		grpc_failn(c, "RST_STREAM code", be32(f), "");
	else if (t == H2_GOAWAY) {
		/* A graceful GOAWAY that still covers stream 1 is harmless. */
		code = be32(f + 4);
		if (code != 0 || (be32(f) & 0x7fffffff) < 1)
			grpc_failn(c, "GOAWAY code", code, "");
	}
	c->fhdr_len = 0;
	c->fpos = 0;
}

/*
 * What each known frame type may carry, by type: bits 5-7 the stream ids
 * allowed (bit 5 stream 0, 6 stream 1, 7 any other), bits 0-3 a length
 * that the payload must have exactly, or at least with bit 4. PUSH_PROMISE
 * is allowed on no stream (push is off); PRIORITY and types past
 * CONTINUATION are ignored, wherever and however long.
 */
static const uint8_t h2_rules[] = {
	[H2_DATA] = 0x50, [H2_HEADERS] = 0x50, [2] = 0xf0,
	[H2_RST_STREAM] = 0xc4, [H2_SETTINGS] = 0x30, [H2_PUSH_PROMISE] = 0x10,
	[H2_PING] = 0x28, [H2_GOAWAY] = 0x38, [H2_WINDOW_UPDATE] = 0xe4,
	[H2_CONTINUATION] = 0x50
};

/* Is the frame just announced allowed here? Fails c if not. */
static void
grpc_frame_check(struct grpc_call *c)
{
	uint32_t	len = c->flen, s = be32(c->fhdr + 5) & 0x7fffffff;
	unsigned	t = c->fhdr[3], ack = c->fhdr[4] & H2_ACK;
	unsigned	r = t < sizeof(h2_rules) ? h2_rules[t] : 0xf0;

	if (!c->got_settings && (t != H2_SETTINGS || ack)) {
		grpc_fail(c, memcmp(c->fhdr, "HTTP/", 5) == 0 ?
		    "not HTTP/2 (an HTTP/1 reply)" : "not HTTP/2");
		return;
	}
	/*
	 * A CONTINUATION is on stream 1 (the rules), as its HEADERS was.
	 * Once a second header block is in, the call is decided
	 * (grpc_block_done), so blocks is 0 or 1 here.
	 */
	if (len > H2_FRAME_MAX || c->in_block != (t == H2_CONTINUATION) ||
	    !(r >> 5 >> (s > 1 ? 2 : s) & 1) ||
	    ((r & 0x10) ? len < (r & 15) : len != (r & 15)) ||
	    (t == H2_DATA && c->blocks == 0) ||
	    ((t == H2_HEADERS || t == H2_CONTINUATION) &&
	    len > GRPC_BLOCK_MAX - c->blk_len) ||
	    (t == H2_SETTINGS && (len % 6 != 0 || (ack && len != 0))))
		grpc_fail(c, GRPC_PROTO);
}

/*
 * Out of line: called from one place, but inlined there its every field
 * is reached through the caller's big struct (128 B more on amd64).
 */
__attribute__((noinline)) enum grpc_verdict
grpc_feed(struct grpc_call *c, const uint8_t *p, size_t n)
{
	uint32_t at;

	while (c->verdict == GRPC_MORE) {
		if (c->fhdr_len == 9 && c->fpos == c->flen) {
			grpc_frame_end(c);
			continue;
		}
		if (n == 0)
			break;
		n--;
		if (c->fhdr_len < 9) {
			c->fhdr[c->fhdr_len++] = *p++;
			if (c->fhdr_len < 9)
				continue;
			c->flen = be32(c->fhdr) >> 8;
			grpc_frame_check(c);
			continue;
		}
		/* Header frames fit (grpc_frame_check); others keep a head. */
		at = c->blk_len + c->fpos++;
		if (at < GRPC_BLOCK_MAX)
			c->blk[at] = *p;
		p++;
	}
	return c->verdict;
}

enum grpc_verdict
grpc_eof(struct grpc_call *c)
{
	grpc_fail(c, "connection closed");
	return c->verdict;
}
