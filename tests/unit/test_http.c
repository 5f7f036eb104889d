/* SPDX-License-Identifier: MIT */
/*
 * test_http.c - unit tests for the HTTP request builder and status-line
 * parser (src/http.c).
 *
 * Real servers are the integration tests' business; here every response
 * is a byte string fed in whatever pieces the test chooses.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "http.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* A response and what the parser must say about it, NUL bytes allowed. */
struct resp_case {
	const char		*data;
	size_t			 len;		/* 0: strlen(data) */
	enum http_verdict	 verdict;
	int			 status;	/* for DONE */
	const char		*why;		/* for BAD */
};

static size_t
case_len(const struct resp_case *c)
{
	return c->len != 0 ? c->len : strlen(c->data);
}

static const struct resp_case good[] = {
	{ "HTTP/1.1 200 OK\r\n", 0, HTTP_DONE, 200, NULL },
	{ "HTTP/1.0 404 Not Found\r\nServer: x\r\n\r\nbody", 0, HTTP_DONE,
	    404, NULL },
	{ "HTTP/1.1 204\r\n", 0, HTTP_DONE, 204, NULL },
	{ "HTTP/1.1 301 \r\n", 0, HTTP_DONE, 301, NULL },
	{ "HTTP/1.1 503 Service Unavailable\n", 0, HTTP_DONE, 503, NULL },
	{ "HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\n\r\n", 0,
	    HTTP_DONE, 101, NULL },
	/* Interim responses are skipped, headers and all (1xx but 101). */
	{ "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n", 0, HTTP_DONE,
	    200, NULL },
	{ "HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n"
	    "Link: </b.js>\r\n\r\nHTTP/1.1 503 Busy\r\n\r\n", 0, HTTP_DONE,
	    503, NULL },
	{ "HTTP/1.1 100\n\nHTTP/1.1 102\nX: \r\x01\xff\n\nHTTP/1.0 302 x\n", 0,
	    HTTP_DONE, 302, NULL },
	{ "HTTP/1.1 100\r\n\r\nHTTP/1.1 100\r\n\r\nHTTP/1.1 100\r\n\r\n"
	    "HTTP/1.1 100\r\n\r\nHTTP/1.1 199\r\n\r\nHTTP/1.1 204\r\n", 0,
	    HTTP_DONE, 204, NULL },
	{ "HTTP/2.0 599 x\r\n", 0, HTTP_DONE, 599, NULL },
	{ "HTTP/1.1   200 OK\r\n", 0, HTTP_DONE, 200, NULL },
	{ "HTTP/1.1 200 \tOK \xc3\xa9\xff\r\n", 0, HTTP_DONE, 200, NULL },
	{ "HTTP/1.1 200 OK\r\n\0\0\0", 20, HTTP_DONE, 200, NULL },
};

static const struct resp_case bad[] = {
	{ "http/1.1 200 OK\r\n", 0, HTTP_BAD, 0, "not an HTTP response" },
	{ "\r\nHTTP/1.1 200 OK\r\n", 0, HTTP_BAD, 0, "not an HTTP response" },
	{ "SSH-2.0-OpenSSH_9.2\r\n", 0, HTTP_BAD, 0, "not an HTTP response" },
	{ "HTTP/11 200 OK\r\n", 0, HTTP_BAD, 0, "bad HTTP version" },
	{ "HTTP/1 200 OK\r\n", 0, HTTP_BAD, 0, "bad HTTP version" },
	{ "HTTP/x.y 200 OK\r\n", 0, HTTP_BAD, 0, "bad HTTP version" },
	{ "HTTP/1.1200 OK\r\n", 0, HTTP_BAD, 0, "no space after HTTP version" },
	{ "HTTP/1.1\t200 OK\r\n", 0, HTTP_BAD, 0,
	    "no space after HTTP version" },
	{ "HTTP/1.1 20 OK\r\n", 0, HTTP_BAD, 0, "bad status code" },
	{ "HTTP/1.1 2000 OK\r\n", 0, HTTP_BAD, 0, "bad status code" },
	{ "HTTP/1.1 abc OK\r\n", 0, HTTP_BAD, 0, "bad status code" },
	{ "HTTP/1.1 200OK\r\n", 0, HTTP_BAD, 0, "bad status code" },
	{ "HTTP/1.1 \r\n", 0, HTTP_BAD, 0, "bad status code" },
	{ "HTTP/1.1 099 x\r\n", 0, HTTP_BAD, 0, "status code out of range" },
	{ "HTTP/1.1 600 x\r\n", 0, HTTP_BAD, 0, "status code out of range" },
	{ "HTTP/1.1 000 x\r\n", 0, HTTP_BAD, 0, "status code out of range" },
	{ "HTTP/1.1 200 O\0K\r\n", 18, HTTP_BAD, 0, "NUL byte in status line" },
	{ "HTTP\0/1.1 200 OK\r\n", 18, HTTP_BAD, 0, "not an HTTP response" },
	{ "HTTP/1.1 200 O\bK\r\n", 0, HTTP_BAD, 0,
	    "control byte in status line" },
	{ "HTTP/1.1 200 OK\x7f\r\n", 0, HTTP_BAD, 0,
	    "control byte in status line" },
	{ "HTTP/1.1 200 OK\rX", 0, HTTP_BAD, 0, "CR not followed by LF" },
	{ "HTTP/1.1 200\r\r\n", 0, HTTP_BAD, 0, "CR not followed by LF" },
	{ "HTTP/1.1 100\r\n\r\nSSH-2.0-x\r\n", 0, HTTP_BAD, 0,
	    "not an HTTP response" },
	{ "HTTP/1.1 100\r\nA: b\r\n\rX", 0, HTTP_BAD, 0, "CR not followed by LF" },
	{ "HTTP/1.1 100\r\n\r\nHTTP/1.1 100\r\n\r\nHTTP/1.1 100\r\n\r\n"
	    "HTTP/1.1 100\r\n\r\nHTTP/1.1 100\r\n\r\nHTTP/1.1 100\r\n\r\n"
	    "HTTP/1.1 200\r\n", 0, HTTP_BAD, 0, "too many 1xx responses" },
};

/* Incomplete: everything said so far could still be a status line. */
static const struct resp_case more[] = {
	{ "", 0, HTTP_MORE, 0, NULL },
	{ "H", 0, HTTP_MORE, 0, NULL },
	{ "HTTP/1.", 0, HTTP_MORE, 0, NULL },
	{ "HTTP/1.1 ", 0, HTTP_MORE, 0, NULL },
	{ "HTTP/1.1     ", 0, HTTP_MORE, 0, NULL },
	{ "HTTP/1.1 20", 0, HTTP_MORE, 0, NULL },
	{ "HTTP/1.1 200", 0, HTTP_MORE, 0, NULL },
	{ "HTTP/1.1 200 OK", 0, HTTP_MORE, 0, NULL },
	{ "HTTP/1.1 200 OK\r", 0, HTTP_MORE, 0, NULL },
	/* An interim response alone is not the verdict. */
	{ "HTTP/1.1 100\n", 0, HTTP_MORE, 0, NULL },
	{ "HTTP/1.1 100 Continue\r\n\r\n", 0, HTTP_MORE, 0, NULL },
	{ "HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n", 0, HTTP_MORE, 0, NULL },
	{ "HTTP/1.1 100\r\n\r\nHTTP/1.1 2", 0, HTTP_MORE, 0, NULL },
};

/* Feed data in pieces of the given sizes (cycled), return the verdict. */
static enum http_verdict
feed_pieces(struct http_resp *r, const char *data, size_t len,
    size_t split)
{
	enum http_verdict v;

	http_resp_init(r);
	v = http_resp_feed(r, data, split);
	if (split < len)
		v = http_resp_feed(r, data + split, len - split);
	return v;
}

static void
expect_case(const struct resp_case *c, const struct http_resp *r,
    enum http_verdict v, size_t split)
{
	if (v != c->verdict || (v == HTTP_DONE && r->status != c->status) ||
	    (v == HTTP_BAD && strcmp(r->why, c->why) != 0))
		fail_msg("response \"%.*s\" split at %zu: verdict %d status "
		    "%d why \"%s\"", (int)case_len(c), c->data, split, v,
		    r->status, r->why ? r->why : "(none)");
	if (v == HTTP_BAD)
		assert_int_equal(r->status, 0);
}

static void
expect_table(const struct resp_case *c, size_t n)
{
	struct http_resp	r;
	size_t			i;

	for (i = 0; i < n; i++)
		expect_case(&c[i], &r, feed_pieces(&r, c[i].data,
		    case_len(&c[i]), case_len(&c[i])), case_len(&c[i]));
}

static void
build_request_writes_exactly_the_catalogued_request(void **state)
{
	static const char	want[] = "GET /healthz?x=1 HTTP/1.1\r\n"
	    "Host: 127.0.0.1:8080\r\n"
	    "User-Agent: tend\r\n"
	    "Connection: close\r\n"
	    "\r\n";
	char			buf[256];

	(void)state;
	assert_int_equal(http_build_request(buf, sizeof(buf),
	    "127.0.0.1:8080", "/healthz?x=1"), sizeof(want) - 1);
	assert_string_equal(buf, want);
}

static void
build_request_returns_0_when_the_buffer_is_one_byte_short(void **state)
{
	char	buf[256];
	size_t	len;

	(void)state;
	len = http_build_request(buf, sizeof(buf), "[::1]", "/");
	assert_true(len > 0);
	assert_int_equal(http_build_request(buf, len + 1, "[::1]", "/"), len);
	assert_int_equal(http_build_request(buf, len, "[::1]", "/"), 0);
	assert_string_equal(buf, "");
	assert_int_equal(http_build_request(buf, 0, "[::1]", "/"), 0);
}

static void
build_request_refuses_text_that_would_inject_headers(void **state)
{
	static const struct {
		const char	*host, *path;
	} c[] = {
		{ "1.2.3.4\r\nX-Evil: 1", "/" },
		{ "1.2.3.4", "/a b" },
		{ "1.2.3.4", "/a\nb" },
		{ "1.2.3.4", "/\x7f" },
		{ "1.2.3.4", "/\xc3\xa9" },
		{ "", "/" },
		{ "1.2.3.4", "" },
		{ "1.2.3.4", "relative" },
		{ NULL, "/" },
		{ "1.2.3.4", NULL },
	};
	char	buf[256];
	size_t	i;

	(void)state;
	for (i = 0; i < NELEM(c); i++)
		assert_int_equal(http_build_request(buf, sizeof(buf),
		    c[i].host, c[i].path), 0);
}

static void
valid_status_lines_give_done_and_the_code(void **state)
{
	(void)state;
	expect_table(good, NELEM(good));
}

static void
malformed_status_lines_give_bad_and_a_reason(void **state)
{
	(void)state;
	expect_table(bad, NELEM(bad));
}

static void
incomplete_status_lines_ask_for_more(void **state)
{
	(void)state;
	expect_table(more, NELEM(more));
}

static void
every_split_point_gives_the_same_verdict(void **state)
{
	const struct {
		const struct resp_case	*c;
		size_t			 n;
	} tables[] = {
		{ good, NELEM(good) },
		{ bad, NELEM(bad) },
		{ more, NELEM(more) },
	};
	struct http_resp	r;
	size_t			t, i, split;

	(void)state;
	for (t = 0; t < NELEM(tables); t++)
		for (i = 0; i < tables[t].n; i++)
			for (split = 0; split <= case_len(&tables[t].c[i]);
			    split++)
				expect_case(&tables[t].c[i], &r,
				    feed_pieces(&r, tables[t].c[i].data,
				    case_len(&tables[t].c[i]), split), split);
}

static void
byte_at_a_time_gives_the_same_verdict(void **state)
{
	struct http_resp	r;
	enum http_verdict	v = HTTP_MORE;
	size_t			i, j;

	(void)state;
	for (i = 0; i < NELEM(bad); i++) {
		http_resp_init(&r);
		for (j = 0; j < case_len(&bad[i]); j++)
			v = http_resp_feed(&r, bad[i].data + j, 1);
		expect_case(&bad[i], &r, v, 1);
	}
	for (i = 0; i < NELEM(good); i++) {
		http_resp_init(&r);
		for (j = 0; j < case_len(&good[i]); j++)
			v = http_resp_feed(&r, good[i].data + j, 1);
		expect_case(&good[i], &r, v, 1);
	}
}

static void
a_megabyte_of_junk_is_bad(void **state)
{
	static char		junk[1 << 20];
	struct http_resp	r;
	uint32_t		x = 12345;
	size_t			i;

	(void)state;
	for (i = 0; i < sizeof(junk); i++) {
		x = x * 1103515245 + 12345;
		junk[i] = (char)(x >> 16);
	}
	junk[0] = 'X';
	http_resp_init(&r);
	assert_int_equal(http_resp_feed(&r, junk, sizeof(junk)), HTTP_BAD);
	assert_string_equal(r.why, "not an HTTP response");
}

static void
a_megabyte_long_reason_phrase_is_bad_at_the_cap(void **state)
{
	static char		line[1 << 20];
	struct http_resp	r;

	(void)state;
	memset(line, 'A', sizeof(line));
	memcpy(line, "HTTP/1.1 200 ", 13);
	http_resp_init(&r);
	assert_int_equal(http_resp_feed(&r, line, sizeof(line)), HTTP_BAD);
	assert_string_equal(r.why, "status line too long");
	assert_int_equal(r.len, HTTP_STATUS_LINE_MAX);
}

static void
status_line_of_exactly_the_cap_is_accepted(void **state)
{
	char			line[HTTP_STATUS_LINE_MAX + 1];
	struct http_resp	r;

	(void)state;
	memset(line, 'A', sizeof(line));
	memcpy(line, "HTTP/1.1 200 ", 13);
	memcpy(line + HTTP_STATUS_LINE_MAX - 2, "\r\n", 2);
	http_resp_init(&r);
	assert_int_equal(http_resp_feed(&r, line, HTTP_STATUS_LINE_MAX),
	    HTTP_DONE);
	assert_int_equal(r.len, HTTP_STATUS_LINE_MAX);
	line[HTTP_STATUS_LINE_MAX - 2] = 'A';
	memcpy(line + HTTP_STATUS_LINE_MAX - 1, "\r\n", 2);
	http_resp_init(&r);
	assert_int_equal(http_resp_feed(&r, line, sizeof(line)), HTTP_BAD);
	assert_string_equal(r.why, "status line too long");
}

/* Interim heads are bounded in all, whatever their lines. */
static void
endless_1xx_headers_are_bad_at_the_cap(void **state)
{
	static char		resp[HTTP_HEAD_MAX + 100];
	struct http_resp	r;
	size_t			i;

	(void)state;
	memset(resp, 'A', sizeof(resp));
	memcpy(resp, "HTTP/1.1 103 Early Hints\r\n", 26);
	for (i = 100; i < sizeof(resp); i += 100)
		memcpy(resp + i - 2, "\r\n", 2);
	http_resp_init(&r);
	assert_int_equal(http_resp_feed(&r, resp, sizeof(resp)), HTTP_BAD);
	assert_string_equal(r.why, "1xx responses too long");
	assert_int_equal(r.len, HTTP_HEAD_MAX);
	/* A status line after a 1xx is held to its own cap too. */
	memset(resp, 'A', sizeof(resp));
	memcpy(resp, "HTTP/1.1 100\r\n\r\nHTTP/1.1 200 ", 29);
	http_resp_init(&r);
	assert_int_equal(http_resp_feed(&r, resp, sizeof(resp)), HTTP_BAD);
	assert_string_equal(r.why, "status line too long");
	assert_int_equal(r.len, 16 + HTTP_STATUS_LINE_MAX);
	assert_int_equal(r.interim, 1);
}

static void
verdict_is_final_once_reached(void **state)
{
	struct http_resp	r;

	(void)state;
	http_resp_init(&r);
	assert_int_equal(http_resp_feed(&r, "HTTP/1.1 200\n", 13), HTTP_DONE);
	assert_int_equal(http_resp_feed(&r, "garbage\0", 8), HTTP_DONE);
	assert_int_equal(r.status, 200);
	assert_int_equal(r.len, 13);
	http_resp_init(&r);
	assert_int_equal(http_resp_feed(&r, "nope", 4), HTTP_BAD);
	assert_int_equal(http_resp_feed(&r, "HTTP/1.1 200\n", 13), HTTP_BAD);
	assert_int_equal(r.len, 1);
}

static void
feeding_nothing_changes_nothing(void **state)
{
	struct http_resp	r;

	(void)state;
	http_resp_init(&r);
	assert_int_equal(http_resp_feed(&r, NULL, 0), HTTP_MORE);
	assert_int_equal(r.len, 0);
	assert_null(r.why);
	assert_int_equal(http_resp_feed(&r, "HTTP/1.1 302 F\r\n", 16),
	    HTTP_DONE);
	assert_int_equal(http_resp_feed(&r, NULL, 0), HTTP_DONE);
	assert_int_equal(r.status, 302);
}

static void
healthy_means_200_to_399(void **state)
{
	static const struct {
		int	status;
		bool	healthy;
	} c[] = {
		{ 100, false }, { 199, false }, { 200, true }, { 204, true },
		{ 301, true }, { 399, true }, { 400, false }, { 404, false },
		{ 500, false }, { 599, false }, { 0, false }, { -200, false },
	};
	size_t	i;

	(void)state;
	for (i = 0; i < NELEM(c); i++)
		if (http_status_healthy(c[i].status) != c[i].healthy)
			fail_msg("status %d", c[i].status);
}

static void
status_boundaries_parse_to_the_same_codes(void **state)
{
	/* 199 is interim: skipped, as the interim cases above show. */
	static const int	codes[] = { 101, 200, 399, 400 };
	char			line[32];
	struct http_resp	r;
	size_t			i;

	(void)state;
	for (i = 0; i < NELEM(codes); i++) {
		snprintf(line, sizeof(line), "HTTP/1.1 %d X\r\n", codes[i]);
		http_resp_init(&r);
		assert_int_equal(http_resp_feed(&r, line, strlen(line)),
		    HTTP_DONE);
		assert_int_equal(r.status, codes[i]);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(build_request_writes_exactly_the_catalogued_request),
		cmocka_unit_test(build_request_returns_0_when_the_buffer_is_one_byte_short),
		cmocka_unit_test(build_request_refuses_text_that_would_inject_headers),
		cmocka_unit_test(valid_status_lines_give_done_and_the_code),
		cmocka_unit_test(malformed_status_lines_give_bad_and_a_reason),
		cmocka_unit_test(incomplete_status_lines_ask_for_more),
		cmocka_unit_test(every_split_point_gives_the_same_verdict),
		cmocka_unit_test(byte_at_a_time_gives_the_same_verdict),
		cmocka_unit_test(a_megabyte_of_junk_is_bad),
		cmocka_unit_test(a_megabyte_long_reason_phrase_is_bad_at_the_cap),
		cmocka_unit_test(status_line_of_exactly_the_cap_is_accepted),
		cmocka_unit_test(endless_1xx_headers_are_bad_at_the_cap),
		cmocka_unit_test(verdict_is_final_once_reached),
		cmocka_unit_test(feeding_nothing_changes_nothing),
		cmocka_unit_test(healthy_means_200_to_399),
		cmocka_unit_test(status_boundaries_parse_to_the_same_codes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
