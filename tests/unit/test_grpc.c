/* SPDX-License-Identifier: MIT */
/*
 * test_grpc.c - unit tests for the gRPC health call (src/grpc.c).
 *
 * Replies come from two places: grpc_replies.h holds streams captured from
 * a real python3-grpcio server answering the request grpc_build_request()
 * writes (C core: plain HPACK literals, a PING, WINDOW_UPDATEs), and
 * streams built with python3-hpack's encoder with Huffman coding and
 * incremental indexing on, the way grpc-go and others write headers (into
 * a dynamic table of size 0, as our SETTINGS ask).
 * Hand-made frames below cover the failures. Every reply is fed once
 * whole and once a byte at a time; the verdict must not differ.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "grpc.h"
#include "grpc_replies.h"

static struct grpc_call	call;

static const uint8_t settings_ack[9] = { 0, 0, 0, 4, 1, 0, 0, 0, 0 };

/* Feed whole, then byte by byte; both must end in verdict and why. */
static void
expect(const uint8_t *p, size_t n, enum grpc_verdict v, const char *why)
{
	size_t i;

	grpc_init(&call);
	if (grpc_feed(&call, p, n) == GRPC_MORE)
		(void)grpc_eof(&call);
	assert_int_equal(call.verdict, v);
	assert_string_equal(call.why, why);
	grpc_init(&call);
	for (i = 0; i < n && call.verdict == GRPC_MORE; i++) {
		(void)grpc_feed(&call, p + i, 1);
		grpc_sent(&call);
	}
	if (call.verdict == GRPC_MORE)
		(void)grpc_eof(&call);
	assert_int_equal(call.verdict, v);
	assert_string_equal(call.why, why);
}

static void
test_build_request(void **state)
{
	uint8_t		 b[GRPC_REQ_MAX], small[40];
	size_t		 n;
	const uint8_t	 head[] = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
	    "\0\0\14\4\0\0\0\0\0" "\0\1\0\0\0\0" "\0\2\0\0\0\0";
	/* DATA frame: 5-byte prefix then field 1 = "svc". */
	const uint8_t	 data[] = "\0\0\12\0\1\0\0\0\1" "\0\0\0\0\5"
	    "\x0a\x03svc";

	(void)state;
	n = grpc_build_request(b, sizeof(b), "10.0.0.1:50051", "svc");
	assert_true(n > sizeof(head) - 1 + sizeof(data) - 1);
	assert_memory_equal(b, head, sizeof(head) - 1);
	assert_memory_equal(b + n - (sizeof(data) - 1), data,
	    sizeof(data) - 1);
	/* The HEADERS frame on stream 1 with END_HEADERS: :method POST and
	 * :scheme http (static 3, 6), :path with static name 4, :authority
	 * with static name 1, content-type with 31, te a new name. */
	assert_memory_equal(b + 45 + 3, "\1\4\0\0\0\1", 6);
	assert_memory_equal(b + 54, "\x83\x86\x04\x1c/grpc.health.v1.Health/"
	    "Check\x01\x0e" "10.0.0.1:50051\x0f\x10\x10" "application/grpc"
	    "\x00\x02te\x08trailers", 2 + 30 + 16 + 19 + 12);
	/* The empty service (the default) is an empty message. */
	n = grpc_build_request(b, sizeof(b), "[::1]:9", "");
	assert_memory_equal(b + n - 14, "\0\0\5\0\1\0\0\0\1\0\0\0\0\0", 14);
	/* Too small, or text that would corrupt the stream. */
	assert_int_equal(grpc_build_request(small, sizeof(small), "a:1", ""),
	    0);
	assert_int_equal(grpc_build_request(b, sizeof(b), "", ""), 0);
	assert_int_equal(grpc_build_request(b, sizeof(b), "a b:1", ""), 0);
	assert_int_equal(grpc_build_request(b, sizeof(b), "a:1", "x\ny"), 0);
}

/*
 * The request HEADERS, decoded by our own HPACK decoder: it names only
 * the static entries a reply is judged by (content-type here), so the
 * pseudo-headers come out with empty names, and :method and :scheme
 * (fully indexed) with empty values; the bytes are checked above.
 */
static int
req_cb(void *arg, const struct hpack_field *f)
{
	char	*s = arg;
	size_t	 len = strlen(s);

	snprintf(s + len, 512 - len, "%.*s=%.*s;", (int)f->nlen, f->name,
	    (int)f->vlen, f->value);
	return 0;
}

static void
test_request_headers_decode(void **state)
{
	uint8_t			b[GRPC_REQ_MAX];
	char			text[512] = "";
	struct hpack_dec	d;
	size_t			n, hlen;

	(void)state;
	n = grpc_build_request(b, sizeof(b), "svc.local:50051",
	    "grpc.health.v1.Health");
	assert_true(n > 0);
	hlen = (size_t)b[45] << 16 | (size_t)b[46] << 8 | b[47];
	assert_int_equal(hpack_decode(&d, b + 54, hlen, req_cb, text), 0);
	assert_string_equal(text, "=;=;=/grpc.health.v1.Health/Check;"
	    "=svc.local:50051;content-type=application/grpc;te=trailers;");
}

/* The longest authority and service still fit in GRPC_REQ_MAX. */
static void
test_build_request_longest(void **state)
{
	char			auth[GRPC_AUTHORITY_MAX + 2], svc[GRPC_SERVICE_MAX + 2];
	char			text[1024] = "";
	uint8_t			b[GRPC_REQ_MAX];
	struct hpack_dec	d;
	size_t			n, hlen;

	(void)state;
	memset(auth, 'a', sizeof(auth));
	auth[GRPC_AUTHORITY_MAX] = '\0';
	memset(svc, 's', sizeof(svc));
	svc[GRPC_SERVICE_MAX] = '\0';
	n = grpc_build_request(b, sizeof(b), auth, svc);
	assert_true(n > 0 && n <= GRPC_REQ_MAX);
	hlen = (size_t)b[45] << 16 | (size_t)b[46] << 8 | b[47];
	assert_int_equal(hpack_decode(&d, b + 54, hlen, req_cb, text), 0);
	assert_non_null(strstr(text, ";=aaaa"));
	/* Our decoder keeps HPACK_STR_MAX bytes of it; all are on the wire. */
	assert_int_equal(strlen(strstr(text, ";=aaaa")) -
	    strlen(strstr(text, ";content-type")), 2 + HPACK_STR_MAX);
	assert_non_null(memmem(b, n, auth, GRPC_AUTHORITY_MAX));
	/* The DATA frame: 5 + 1 + 2 + 200 bytes of payload. */
	assert_int_equal(b[54 + hlen + 2], 208);
	assert_memory_equal(b + 54 + hlen + 9 + 5, "\x0a\xc8\x01", 3);
	/* One byte more of either is refused. */
	auth[GRPC_AUTHORITY_MAX] = 'a';
	auth[GRPC_AUTHORITY_MAX + 1] = '\0';
	assert_int_equal(grpc_build_request(b, sizeof(b), auth, ""), 0);
	svc[GRPC_SERVICE_MAX] = 's';
	svc[GRPC_SERVICE_MAX + 1] = '\0';
	assert_int_equal(grpc_build_request(b, sizeof(b), "a:1", svc), 0);
}

static void
test_grpcio_replies(void **state)
{
	(void)state;
	expect(grpcio_serving, sizeof(grpcio_serving), GRPC_HEALTHY,
	    "SERVING");
	expect(grpcio_not_serving, sizeof(grpcio_not_serving),
	    GRPC_UNHEALTHY, "NOT_SERVING");
	expect(grpcio_unknown_service, sizeof(grpcio_unknown_service),
	    GRPC_UNHEALTHY, "grpc-status 5: unknown service");
}

/* grpcio sends SETTINGS and a PING: both are acknowledged, in order. */
static void
test_acks(void **state)
{
	(void)state;
	grpc_init(&call);
	assert_int_equal(grpc_feed(&call, grpcio_serving,
	    sizeof(grpcio_serving)), GRPC_HEALTHY);
	assert_int_equal(call.out_len, 9 + 17);
	assert_memory_equal(call.out, settings_ack, 9);
	assert_memory_equal(call.out + 9, "\0\0\10\6\1\0\0\0\0", 9);
	/* The PING's 8 bytes come back as they were. */
	assert_memory_equal(call.out + 18, grpcio_serving + 0x4b, 8);
	grpc_sent(&call);
	assert_int_equal(call.out_len, 0);
}

static void
test_huffman_replies(void **state)
{
	(void)state;
	expect(huff_serving, sizeof(huff_serving), GRPC_HEALTHY, "SERVING");
	expect(huff_not_serving, sizeof(huff_not_serving), GRPC_UNHEALTHY,
	    "NOT_SERVING");
	expect(huff_service_unknown, sizeof(huff_service_unknown),
	    GRPC_UNHEALTHY, "SERVICE_UNKNOWN");
	expect(huff_unknown, sizeof(huff_unknown), GRPC_UNHEALTHY,
	    "UNKNOWN");
	expect(huff_status12, sizeof(huff_status12), GRPC_UNHEALTHY,
	    "grpc-status 12: unimplemented method");
	expect(huff_trailers_only, sizeof(huff_trailers_only),
	    GRPC_UNHEALTHY, "grpc-status 5: unknown service");
}

static const uint8_t zeros[64];

/* A reply assembled from frames: the server's SETTINGS first. */
struct stream {
	uint8_t	b[512];
	size_t	n;
};

static void
frame(struct stream *s, unsigned type, unsigned flags, unsigned id,
    const void *p, size_t len)
{
	uint8_t h[9] = { 0, (uint8_t)(len >> 8), (uint8_t)len, (uint8_t)type,
	    (uint8_t)flags, 0, 0, 0, (uint8_t)id };

	memcpy(s->b + s->n, h, 9);
	memcpy(s->b + s->n + 9, p, len);
	s->n += 9 + len;
}

/* :status 200 and content-type application/grpc, static-indexed name. */
#define OK_HEADERS	"\x88\x0f\x10\x10" "application/grpc"
#define OK_HEADERS_LEN	20

static void
start(struct stream *s)
{
	s->n = 0;
	frame(s, 4, 0, 0, "", 0);
}

static void
test_failures(void **state)
{
	struct stream	s;

	(void)state;
	/* RST_STREAM after the headers. */
	start(&s);
	frame(&s, 1, 4, 1, OK_HEADERS, OK_HEADERS_LEN);
	frame(&s, 3, 0, 1, "\0\0\0\x08", 4);
	expect(s.b, s.n, GRPC_UNHEALTHY, "RST_STREAM code 8");
	/* GOAWAY that drops stream 1. */
	start(&s);
	frame(&s, 7, 0, 0, "\0\0\0\0\0\0\0\2", 8);
	expect(s.b, s.n, GRPC_UNHEALTHY, "GOAWAY code 2");
	start(&s);
	frame(&s, 7, 0, 0, "\0\0\0\0\0\0\0\0debug", 13);
	expect(s.b, s.n, GRPC_UNHEALTHY, "GOAWAY code 0");
	/* A graceful GOAWAY that still covers stream 1 does not end it. */
	start(&s);
	frame(&s, 7, 0, 0, "\0\0\0\1\0\0\0\0", 8);
	frame(&s, 1, 4, 1, OK_HEADERS, OK_HEADERS_LEN);
	frame(&s, 0, 0, 1, "\0\0\0\0\2\x08\x01", 7);
	frame(&s, 1, 5, 1, "\x00\x0bgrpc-status\x01" "0", 15);
	expect(s.b, s.n, GRPC_HEALTHY, "SERVING");
	/* An HTTP/1.1 server. */
	expect((const uint8_t *)"HTTP/1.1 400 Bad Request\r\n\r\n", 28,
	    GRPC_UNHEALTHY, "not HTTP/2 (an HTTP/1 reply)");
	expect((const uint8_t *)"\0\0\0\1\4\0\0\0\1", 9, GRPC_UNHEALTHY,
	    "not HTTP/2");
	/* Closed early, or after the message without trailers. */
	expect(NULL, 0, GRPC_UNHEALTHY, "connection closed");
	start(&s);
	frame(&s, 1, 4, 1, OK_HEADERS, OK_HEADERS_LEN);
	frame(&s, 0, 0, 1, "\0\0\0\0\2\x08\x01", 7);
	expect(s.b, s.n, GRPC_UNHEALTHY, "connection closed");
	frame(&s, 0, 1, 1, "", 0);
	expect(s.b, s.n, GRPC_UNHEALTHY, "no grpc-status");
	/* Not 200, not gRPC. */
	start(&s);
	frame(&s, 1, 5, 1, "\x8d", 1);
	expect(s.b, s.n, GRPC_UNHEALTHY, "HTTP status 404");
	start(&s);
	frame(&s, 1, 5, 1, "\x88\x0f\x10\x09text/html", 13);
	expect(s.b, s.n, GRPC_UNHEALTHY, "not gRPC (content-type)");
	/* Malformed HPACK, a bad grpc-status, a compressed message. */
	start(&s);
	frame(&s, 1, 4, 1, "\xbe", 1);
	expect(s.b, s.n, GRPC_UNHEALTHY, "bad HTTP/2 headers");
	start(&s);
	frame(&s, 1, 4, 1, OK_HEADERS, OK_HEADERS_LEN);
	frame(&s, 1, 5, 1, "\x00\x0bgrpc-status\x02-1", 16);
	expect(s.b, s.n, GRPC_UNHEALTHY, "bad HTTP/2 headers");
	/* A reference to a dynamic entry: our table size is 0. */
	start(&s);
	frame(&s, 1, 4, 1, OK_HEADERS, OK_HEADERS_LEN);
	frame(&s, 1, 5, 1, "\xbe", 1);
	expect(s.b, s.n, GRPC_UNHEALTHY, "bad HTTP/2 headers");
	start(&s);
	frame(&s, 1, 4, 1, "\x3f\xe1\x1f\x88", 4);
	expect(s.b, s.n, GRPC_UNHEALTHY, "bad HTTP/2 headers");
	start(&s);
	frame(&s, 1, 4, 1, OK_HEADERS, OK_HEADERS_LEN);
	frame(&s, 0, 0, 1, "\1\0\0\0\2\x08\x01", 7);
	frame(&s, 1, 5, 1, "\x00\x0bgrpc-status\x01" "0", 15);
	expect(s.b, s.n, GRPC_UNHEALTHY, "bad HealthCheckResponse");
	/* Two messages, or one longer than a health reply. */
	start(&s);
	frame(&s, 1, 4, 1, OK_HEADERS, OK_HEADERS_LEN);
	frame(&s, 0, 0, 1, "\0\0\0\0\2\x08\x01", 7);
	frame(&s, 0, 0, 1, "\0\0\0\0\2\x08\x01", 7);
	frame(&s, 1, 5, 1, "\x00\x0bgrpc-status\x01" "0", 15);
	expect(s.b, s.n, GRPC_UNHEALTHY, "bad HealthCheckResponse");
	start(&s);
	frame(&s, 1, 4, 1, OK_HEADERS, OK_HEADERS_LEN);
	frame(&s, 0, 0, 1, "\0\0\0\0\x41\x08\x01", 7);
	frame(&s, 0, 0, 1, zeros, 64);
	expect(s.b, s.n, GRPC_UNHEALTHY, "bad HealthCheckResponse");
	/* A message split across DATA frames is one message. */
	start(&s);
	frame(&s, 1, 4, 1, OK_HEADERS, OK_HEADERS_LEN);
	frame(&s, 0, 0, 1, "\0\0\0", 3);
	frame(&s, 0, 0, 1, "\0\2\x08", 3);
	frame(&s, 0, 0, 1, "\x01", 1);
	frame(&s, 1, 5, 1, "\x00\x0bgrpc-status\x01" "0", 15);
	expect(s.b, s.n, GRPC_HEALTHY, "SERVING");
	/* grpc-status 0 and no message at all. */
	start(&s);
	frame(&s, 1, 4, 1, OK_HEADERS, OK_HEADERS_LEN);
	frame(&s, 1, 5, 1, "\x00\x0bgrpc-status\x01" "0", 15);
	expect(s.b, s.n, GRPC_UNHEALTHY, "bad HealthCheckResponse");
	/* Frames that break the protocol. */
	start(&s);
	frame(&s, 0, 0, 1, "\0\0\0\0\0", 5);
	expect(s.b, s.n, GRPC_UNHEALTHY, "HTTP/2 protocol error");
	start(&s);
	frame(&s, 5, 4, 1, "\0\0\0\2", 4);
	expect(s.b, s.n, GRPC_UNHEALTHY, "HTTP/2 protocol error");
	start(&s);
	frame(&s, 1, 0, 1, "\x88", 1);
	frame(&s, 6, 0, 0, "12345678", 8);
	expect(s.b, s.n, GRPC_UNHEALTHY, "HTTP/2 protocol error");
	expect((const uint8_t *)"\0\x40\1\4\0\0\0\0\0", 9, GRPC_UNHEALTHY,
	    "HTTP/2 protocol error");
}

/* Padding and a PRIORITY block on HEADERS, padding on DATA. */
static void
test_padding(void **state)
{
	struct stream	s;
	uint8_t		p[64];

	(void)state;
	start(&s);
	p[0] = 3;
	memcpy(p + 1, "\0\0\0\0\x10", 5);
	memcpy(p + 6, OK_HEADERS, OK_HEADERS_LEN);
	memcpy(p + 6 + OK_HEADERS_LEN, "pad", 3);
	frame(&s, 1, 4 | 8 | 0x20, 1, p, 6 + OK_HEADERS_LEN + 3);
	frame(&s, 0, 8, 1, "\2\0\0\0\0\2\x08\x02zz", 10);
	frame(&s, 1, 5, 1, "\x00\x0bgrpc-status\x01" "0", 15);
	expect(s.b, s.n, GRPC_UNHEALTHY, "NOT_SERVING");
	start(&s);
	frame(&s, 1, 4 | 8, 1, "\x09\x88", 2);
	expect(s.b, s.n, GRPC_UNHEALTHY, "HTTP/2 protocol error");
}

/* A server that only PINGs: the ack queue is bounded. */
static void
test_ping_flood(void **state)
{
	struct stream	s;
	int		i;

	(void)state;
	start(&s);
	for (i = 0; i < 20; i++)
		frame(&s, 6, 0, 0, "12345678", 8);
	grpc_init(&call);
	assert_int_equal(grpc_feed(&call, s.b, s.n), GRPC_UNHEALTHY);
	assert_string_equal(call.why, "HTTP/2 protocol error");
	assert_true(call.out_len <= GRPC_OUT_MAX);
	/* Drained after every frame, any number of PINGs is fine. */
	grpc_init(&call);
	for (i = 0; i < 100; i++) {
		assert_int_equal(grpc_feed(&call, s.b + (i ? 9 : 0),
		    i ? 17 : 26), GRPC_MORE);
		grpc_sent(&call);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_build_request),
		cmocka_unit_test(test_request_headers_decode),
		cmocka_unit_test(test_build_request_longest),
		cmocka_unit_test(test_grpcio_replies),
		cmocka_unit_test(test_acks),
		cmocka_unit_test(test_huffman_replies),
		cmocka_unit_test(test_failures),
		cmocka_unit_test(test_padding),
		cmocka_unit_test(test_ping_flood),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
