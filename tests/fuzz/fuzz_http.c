/* SPDX-License-Identifier: MIT */
/*
 * fuzz_http.c - libFuzzer target for the HTTP status-line parser (with the
 * 1xx interim responses it skips).
 *
 * The first byte seeds the chunk sizes; the rest is the response. It is
 * fed once whole and once in chunks, and the two parses must agree in
 * every field. The verdict's own invariants are checked too, and the
 * response is also tried as a request path, which must either be refused
 * or yield exactly the five catalogued CR LF lines.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "http.h"

static void
check_verdict(const struct http_resp *r, const char *data, size_t size)
{
	CHECK(r->len <= HTTP_HEAD_MAX && r->len <= size);
	CHECK(r->interim >= 0 && r->interim <= HTTP_INTERIM_MAX + 1);
	CHECK(r->interim > 0 || r->len <= HTTP_STATUS_LINE_MAX);
	switch (r->verdict) {
	case HTTP_DONE:
		/* Never an interim (1xx but 101) status. */
		CHECK(r->status == 101 || (r->status >= 200 && r->status <= 599));
		CHECK(r->why == NULL);
		CHECK(data[r->len - 1] == '\n');
		break;
	case HTTP_BAD:
		CHECK(r->status == 0 && r->why != NULL);
		break;
	case HTTP_MORE:
		CHECK(r->why == NULL && r->len == size);
		break;
	default:
		CHECK(!"unknown verdict");
	}
}

/* Feed in chunks of 0-16 bytes drawn from a tiny generator. */
static void
feed_chunked(struct http_resp *r, uint8_t seed, const char *data,
    size_t size)
{
	uint32_t		x = seed * 2654435761u + 1;
	size_t			off = 0, n;
	enum http_verdict	v = HTTP_MORE;

	http_resp_init(r);
	while (off < size) {
		x = x * 1103515245u + 12345u;
		n = (x >> 16) % 17;
		if (n > size - off)
			n = size - off;
		v = http_resp_feed(r, data + off, n);
		off += n;
	}
	CHECK(v == r->verdict || size == 0);
}

static void
check_request(const char *data, size_t size)
{
	char	*path, req[2048], *p;
	size_t	 len, crlf = 0;

	if ((path = malloc(size + 1)) == NULL)
		return;
	memcpy(path, data, size);
	path[size] = '\0';
	len = http_build_request(req, sizeof(req), "127.0.0.1:80", path);
	if (len > 0) {
		CHECK(strlen(req) == len);
		CHECK(strncmp(req, "GET /", 5) == 0);
		for (p = req; (p = strchr(p, '\n')) != NULL; p++, crlf++)
			CHECK(p > req && p[-1] == '\r');
		CHECK(crlf == 5 && strchr(req, '\r') != NULL);
	}
	free(path);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct http_resp	 whole, chunked;
	const char		*body;

	if (size == 0)
		return 0;
	body = (const char *)data + 1;
	size--;
	http_resp_init(&whole);
	(void)http_resp_feed(&whole, body, size);
	check_verdict(&whole, body, size);
	feed_chunked(&chunked, data[0], body, size);
	CHECK(chunked.verdict == whole.verdict);
	CHECK(chunked.status == whole.status);
	CHECK(chunked.why == whole.why);
	CHECK(chunked.len == whole.len);
	CHECK(chunked.interim == whole.interim);
	CHECK(http_resp_feed(&whole, body, size) == whole.verdict);
	check_request(body, size);
	return 0;
}
