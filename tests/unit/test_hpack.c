/* SPDX-License-Identifier: MIT */
/*
 * test_hpack.c - unit tests for the HPACK decoder (src/hpack.c): the
 * request examples of RFC 7541 Appendix C.3 (plain) and C.4 (Huffman),
 * which exercise the static and dynamic tables across three blocks, and
 * the edges: padding, EOS, size updates, eviction and truncation.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "hpack.h"

static struct hpack_dec dec;

/* Fields of one block as "name: value\n" lines. */
struct collect {
	char	text[2048];
	size_t	len;
	int	truncated;
};

static int
collect_cb(void *arg, const struct hpack_field *f)
{
	struct collect *c = arg;

	c->len += (size_t)snprintf(c->text + c->len, sizeof(c->text) - c->len,
	    "%.*s: %.*s\n", (int)f->nlen, f->name, (int)f->vlen, f->value);
	c->truncated += f->truncated;
	return 0;
}

static size_t
unhex(const char *hex, uint8_t *out)
{
	size_t n = 0;
	unsigned v;

	while (sscanf(hex, "%2x", &v) == 1) {
		out[n++] = (uint8_t)v;
		hex += 2;
	}
	return n;
}

static int
decode_hex(const char *hex, struct collect *c)
{
	uint8_t	buf[1024];
	size_t	n = unhex(hex, buf);

	memset(c, 0, sizeof(*c));
	return hpack_decode(&dec, buf, n, collect_cb, c);
}

static void
rfc_requests(const char *const blocks[3])
{
	struct collect c;

	hpack_init(&dec);
	assert_int_equal(decode_hex(blocks[0], &c), 0);
	assert_string_equal(c.text, ":method: GET\n:scheme: http\n:path: /\n"
	    ":authority: www.example.com\n");
	assert_int_equal(dec.size, 57);
	assert_int_equal(decode_hex(blocks[1], &c), 0);
	assert_string_equal(c.text, ":method: GET\n:scheme: http\n:path: /\n"
	    ":authority: www.example.com\ncache-control: no-cache\n");
	assert_int_equal(dec.size, 110);
	assert_int_equal(decode_hex(blocks[2], &c), 0);
	assert_string_equal(c.text, ":method: GET\n:scheme: https\n"
	    ":path: /index.html\n:authority: www.example.com\n"
	    "custom-key: custom-value\n");
	assert_int_equal(dec.size, 164);
	assert_int_equal(dec.count, 3);
}

static void
test_rfc_c3_plain(void **state)
{
	static const char *const b[3] = {
		"828684410f7777772e6578616d706c652e636f6d",
		"828684be58086e6f2d6361636865",
		"828785bf400a637573746f6d2d6b65790c637573746f6d2d76616c7565",
	};

	(void)state;
	rfc_requests(b);
}

static void
test_rfc_c4_huffman(void **state)
{
	static const char *const b[3] = {
		"828684418cf1e3c2e5f23a6ba0ab90f4ff",
		"828684be5886a8eb10649cbf",
		"828785bf408825a849e95ba97d7f8925a849e95bb8e8b4bf",
	};

	(void)state;
	rfc_requests(b);
}

/* Every static entry, indexed 1-61, against RFC 7541 Appendix A. */
static void
test_static_table(void **state)
{
	static const char want[] =
	    ":authority: \n" ":method: GET\n" ":method: POST\n" ":path: /\n"
	    ":path: /index.html\n" ":scheme: http\n" ":scheme: https\n"
	    ":status: 200\n" ":status: 204\n" ":status: 206\n" ":status: 304\n"
	    ":status: 400\n" ":status: 404\n" ":status: 500\n"
	    "accept-charset: \n" "accept-encoding: gzip, deflate\n"
	    "accept-language: \n" "accept-ranges: \n" "accept: \n"
	    "access-control-allow-origin: \n" "age: \n" "allow: \n"
	    "authorization: \n" "cache-control: \n" "content-disposition: \n"
	    "content-encoding: \n" "content-language: \n" "content-length: \n"
	    "content-location: \n" "content-range: \n" "content-type: \n"
	    "cookie: \n" "date: \n" "etag: \n" "expect: \n" "expires: \n"
	    "from: \n" "host: \n" "if-match: \n" "if-modified-since: \n"
	    "if-none-match: \n" "if-range: \n" "if-unmodified-since: \n"
	    "last-modified: \n" "link: \n" "location: \n" "max-forwards: \n"
	    "proxy-authenticate: \n" "proxy-authorization: \n" "range: \n"
	    "referer: \n" "refresh: \n" "retry-after: \n" "server: \n"
	    "set-cookie: \n" "strict-transport-security: \n"
	    "transfer-encoding: \n" "user-agent: \n" "vary: \n" "via: \n"
	    "www-authenticate: \n";
	uint8_t		b[61];
	struct collect	c;
	int		i;

	(void)state;
	for (i = 0; i < 61; i++)
		b[i] = (uint8_t)(0x80 | (i + 1));
	hpack_init(&dec);
	memset(&c, 0, sizeof(c));
	assert_int_equal(hpack_decode(&dec, b, sizeof(b), collect_cb, &c), 0);
	assert_string_equal(c.text, want);
	assert_int_equal(dec.count, 0);
}

static void
test_huffman_strings(void **state)
{
	static const struct { const char *hex, *text; } ok[] = {
		{ "1001", "200" },
		{ "07", "0" },
		{ "08bf", "12" },
		{ "9acac8b21234da8f", "grpc-status" },
		{ "1d75d0620d263d4c4d6564", "application/grpc" },
		{ "b6aeb51fc54a20b677310b", "unknown service" },
		{ "", "" },
	};
	uint8_t	in[64];
	char	out[64];
	size_t	i, n;
	long	r;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		n = unhex(ok[i].hex, in);
		r = hpack_huffman_decode(in, n, out, sizeof(out));
		assert_int_equal(r, (long)strlen(ok[i].text));
		assert_memory_equal(out, ok[i].text, (size_t)r);
	}
	/* Longer than the room: the length is still counted. */
	n = unhex("1d75d0620d263d4c4d6564", in);
	assert_int_equal(hpack_huffman_decode(in, n, out, 4), 16);
	assert_memory_equal(out, "appl", 4);
	/* Padding of zeros, padding of 8 bits, and an explicit EOS. */
	assert_int_equal(hpack_huffman_decode((const uint8_t *)"\x00", 1,
	    out, 8), -1);
	assert_int_equal(hpack_huffman_decode((const uint8_t *)"\x07\xff", 2,
	    out, 8), -1);
	assert_int_equal(hpack_huffman_decode((const uint8_t *)
	    "\xff\xff\xff\xff", 4, out, 8), -1);
}

static void
test_malformed(void **state)
{
	static const char *const bad[] = {
		"80",		/* index 0 */
		"be",		/* index 62, empty dynamic table */
		"ff",		/* integer cut short */
		"ffffffffff0f",	/* integer too large */
		"4003",		/* new name, string cut short */
		"0f10",		/* content-type, no value */
		"3fe21f",	/* size update above 4096 */
		"8220",		/* size update after a field */
		"4081ff0161",	/* Huffman name with bad padding */
	};
	struct collect	c;
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		hpack_init(&dec);
		assert_int_equal(decode_hex(bad[i], &c), -1);
	}
}

/* A callback's non-zero return stops decoding and is returned. */
static int
stop_cb(void *arg, const struct hpack_field *f)
{
	(void)f;
	return ++*(int *)arg == 2 ? 7 : 0;
}

static void
test_callback_stops(void **state)
{
	uint8_t	b[] = { 0x82, 0x86, 0x84 };
	int	calls = 0;

	(void)state;
	hpack_init(&dec);
	assert_int_equal(hpack_decode(&dec, b, sizeof(b), stop_cb, &calls), 7);
	assert_int_equal(calls, 2);
}

/* Size updates evict; an entry larger than the table empties it. */
static void
test_size_update_and_eviction(void **state)
{
	uint8_t		b[600];
	struct collect	c;
	size_t		n;

	(void)state;
	hpack_init(&dec);
	/* Three entries of 34 bytes: a: 1, b: 2, c: 3. */
	assert_int_equal(decode_hex("400161013140016201324001630133", &c), 0);
	assert_int_equal(dec.count, 3);
	assert_int_equal(dec.size, 102);
	/* Shrink to 70: the oldest, a, goes; 62 is c, 63 is b. */
	assert_int_equal(decode_hex("3f27bebf", &c), 0);
	assert_string_equal(c.text, "c: 3\nb: 2\n");
	assert_int_equal(dec.count, 2);
	assert_int_equal(decode_hex("c0", &c), -1);
	/* Adding to a full table evicts the oldest to make room. */
	assert_int_equal(decode_hex("4001640134bebf", &c), 0);
	assert_string_equal(c.text, "d: 4\nd: 4\nc: 3\n");
	/* Size 0 empties the table. */
	assert_int_equal(decode_hex("20", &c), 0);
	assert_int_equal(dec.count, 0);
	assert_int_equal(dec.size, 0);
	/* Back to 4096; an entry of 32 + 1 + 300 fits, the value is kept
	 * truncated to HPACK_STR_MAX but counted at its real size. */
	assert_int_equal(decode_hex("3fe11f", &c), 0);
	n = unhex("400178", b);
	b[n++] = 0x7f;		/* 127 + 173 = 300 */
	b[n++] = 0xad;
	b[n++] = 0x01;
	memset(b + n, 'v', 300);
	n += 300;
	b[n++] = 0xbe;
	memset(&c, 0, sizeof(c));
	assert_int_equal(hpack_decode(&dec, b, n, collect_cb, &c), 0);
	assert_int_equal(c.truncated, 2);
	assert_int_equal(dec.size, 333);
	assert_int_equal(dec.count, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc_c3_plain),
		cmocka_unit_test(test_rfc_c4_huffman),
		cmocka_unit_test(test_static_table),
		cmocka_unit_test(test_huffman_strings),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_callback_stops),
		cmocka_unit_test(test_size_update_and_eviction),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
