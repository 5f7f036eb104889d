/* SPDX-License-Identifier: MIT */
/*
 * test_hpack.c - unit tests for the HPACK decoder (src/hpack.c): the
 * request examples of RFC 7541 Appendix C.3 (plain) and C.4 (Huffman),
 * whose later blocks refer to a dynamic table and so are malformed for a
 * decoder that advertised a table size of 0, the static entries kept,
 * and the edges: padding, EOS, rare symbols, size updates and truncation.
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

/*
 * The first block of each example only uses the static table and new
 * literals: it decodes (names we do not keep come out empty). The second
 * refers to the entry the first added (62): no such entry here.
 */
static void
rfc_requests(const char *const blocks[3])
{
	struct collect c;

	assert_int_equal(decode_hex(blocks[0], &c), 0);
	assert_string_equal(c.text, ": \n: \n: \n: www.example.com\n");
	assert_int_equal(decode_hex(blocks[1], &c), -1);
	assert_int_equal(decode_hex(blocks[2], &c), -1);
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

/*
 * Every static entry, indexed 1-61: :status with its values and the name
 * content-type are kept, the others are empty. 62 and up do not exist.
 */
static void
test_static_table(void **state)
{
	static const char *const status[] = {
		"200", "204", "206", "304", "400", "404", "500"
	};
	char		want[512] = "";
	uint8_t		b[61];
	struct collect	c;
	int		i;

	(void)state;
	for (i = 1; i <= 61; i++) {
		b[i - 1] = (uint8_t)(0x80 | i);
		if (i >= 8 && i <= 14)
			snprintf(want + strlen(want), sizeof(want) - strlen(want),
			    ":status: %s\n", status[i - 8]);
		else
			strcat(want, i == 31 ? "content-type: \n" : ": \n");
	}
	memset(&c, 0, sizeof(c));
	assert_int_equal(hpack_decode(&dec, b, sizeof(b), collect_cb, &c), 0);
	assert_string_equal(c.text, want);
	/* A literal value under a static name: :status 503. */
	assert_int_equal(decode_hex("0803353033", &c), 0);
	assert_string_equal(c.text, ":status: 503\n");
	assert_int_equal(decode_hex("be", &c), -1);
	assert_int_equal(decode_hex("ff00", &c), -1);
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

/* Symbols past printable ASCII decode to '?', NUL and '\\' as they are. */
static void
test_huffman_rare(void **state)
{
	uint8_t	in[16];
	char	out[16];
	size_t	n;

	(void)state;
	/* "a\xe9\x01\x7f\\z": 5, 25, 23, 28, 19 and 7 bits. */
	n = unhex("1ffffd7ffff63ffffff3fff87b", in);
	assert_int_equal(hpack_huffman_decode(in, n, out, sizeof(out)), 6);
	assert_memory_equal(out, "a???\\z", 6);
	n = unhex("ffc7", in);
	assert_int_equal(hpack_huffman_decode(in, n, out, sizeof(out)), 1);
	assert_int_equal(out[0], '\0');
}

static void
test_malformed(void **state)
{
	static const char *const bad[] = {
		"80",		/* index 0 */
		"be",		/* index 62: no dynamic table */
		"7e0161",	/* the same, as a literal's name */
		"ff",		/* integer cut short */
		"ffffffffff0f",	/* integer too large */
		"4003",		/* new name, string cut short */
		"0f10",		/* content-type, no value */
		"21",		/* size update above the 0 we advertise */
		"3fe11f",	/* size update to 4096, the default */
		"8220",		/* size update after a field */
		"4081ff0161",	/* Huffman name with bad padding */
	};
	struct collect	c;
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(decode_hex(bad[i], &c), -1);
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
	assert_int_equal(hpack_decode(&dec, b, sizeof(b), stop_cb, &calls), 7);
	assert_int_equal(calls, 2);
}

/*
 * A size update to 0 opens a block; literals "with incremental indexing"
 * decode but add no entry; long strings are kept truncated.
 */
static void
test_size_update_and_indexing(void **state)
{
	uint8_t		b[600];
	struct collect	c;
	size_t		n;

	(void)state;
	assert_int_equal(decode_hex("20400161013140016201325f0133", &c), 0);
	assert_string_equal(c.text, "a: 1\nb: 2\ncontent-type: 3\n");
	assert_int_equal(decode_hex("2020be", &c), -1);
	n = unhex("400178", b);
	b[n++] = 0x7f;		/* 127 + 173 = 300 */
	b[n++] = 0xad;
	b[n++] = 0x01;
	memset(b + n, 'v', 300);
	n += 300;
	memset(&c, 0, sizeof(c));
	assert_int_equal(hpack_decode(&dec, b, n, collect_cb, &c), 0);
	assert_int_equal(c.truncated, 1);
	assert_int_equal(c.len, 1 + 2 + HPACK_STR_MAX + 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc_c3_plain),
		cmocka_unit_test(test_rfc_c4_huffman),
		cmocka_unit_test(test_static_table),
		cmocka_unit_test(test_huffman_strings),
		cmocka_unit_test(test_huffman_rare),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_callback_stops),
		cmocka_unit_test(test_size_update_and_indexing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
