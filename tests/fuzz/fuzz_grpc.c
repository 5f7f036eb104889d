/* SPDX-License-Identifier: MIT */
/*
 * fuzz_grpc.c - libFuzzer target for the gRPC health reply parser.
 *
 * The first byte seeds the chunk sizes; the rest is the server's byte
 * stream. It is fed once whole and once in chunks (acks drained after
 * every chunk), and both must reach the same verdict and reason. A
 * decided call has a reason; the ack queue never overflows; the request
 * builder, given the input as authority and service, either refuses or
 * writes a stream that starts with the HTTP/2 preface.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "grpc.h"

static struct grpc_call	whole, chunked;

static void
check_call(const struct grpc_call *c)
{
	CHECK(c->out_len <= GRPC_OUT_MAX);
	CHECK(memchr(c->why, '\0', sizeof(c->why)) != NULL);
	CHECK((c->verdict == GRPC_MORE) == (c->why[0] == '\0'));
	CHECK(c->verdict != GRPC_HEALTHY || strcmp(c->why, "SERVING") == 0);
}

static void
check_request(const uint8_t *data, size_t size)
{
	char	 *s = malloc(size + 1);
	uint8_t	  req[GRPC_REQ_MAX];
	size_t	  n;

	if (s == NULL)
		return;
	memcpy(s, data, size);
	s[size] = '\0';
	n = grpc_build_request(req, sizeof(req), s, s + strlen(s) / 2);
	CHECK(n == 0 || (n > 24 && n <= sizeof(req) &&
	    memcmp(req, "PRI * HTTP/2.0\r\n", 16) == 0));
	free(s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint32_t	x;
	size_t		off = 0, n;

	if (size == 0)
		return 0;
	x = data[0] * 2654435761u + 1;
	data++;
	size--;
	grpc_init(&whole);
	if (grpc_feed(&whole, data, size) == GRPC_MORE)
		(void)grpc_eof(&whole);
	check_call(&whole);
	grpc_init(&chunked);
	while (off < size && chunked.verdict == GRPC_MORE) {
		x = x * 1103515245u + 12345u;
		n = (x >> 16) % 40;
		if (n > size - off)
			n = size - off;
		(void)grpc_feed(&chunked, data + off, n);
		check_call(&chunked);
		grpc_sent(&chunked);
		off += n;
	}
	if (chunked.verdict == GRPC_MORE)
		(void)grpc_eof(&chunked);
	check_call(&chunked);
	/*
	 * Only the ack queue may tell them apart: never drained, the whole
	 * feed can hit its limit (out then nearly full) where the chunked
	 * one does not.
	 */
	if (whole.out_len + 26 <= GRPC_OUT_MAX ||
	    strcmp(whole.why, "HTTP/2 protocol error") != 0) {
		CHECK(whole.verdict == chunked.verdict);
		CHECK(strcmp(whole.why, chunked.why) == 0);
	}
	check_request(data, size);
	return 0;
}
