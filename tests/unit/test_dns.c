/* SPDX-License-Identifier: MIT */
/*
 * test_dns.c - unit tests for DNS query building and answer parsing
 * (src/dns.c). Answers are assembled here byte by byte, the way servers
 * write them: the question's name once, answer owners as compression
 * pointers to it (0xc00c), CNAME targets partly compressed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <stdbool.h>
#include <string.h>
#include <sys/socket.h>

#include "dns.h"

struct msg {
	uint8_t	b[1024];
	size_t	n;
};

static void
put(struct msg *m, const void *p, size_t len)
{
	memcpy(m->b + m->n, p, len);
	m->n += len;
}

static void
put16(struct msg *m, unsigned v)
{
	uint8_t b[2] = { (uint8_t)(v >> 8), (uint8_t)v };

	put(m, b, 2);
}

/* Header of a response to id with flags byte 3 = rcode, one question. */
static void
header(struct msg *m, unsigned id, unsigned flags2, unsigned rcode,
    unsigned ancount)
{
	m->n = 0;
	put16(m, id);
	put16(m, (0x80 | flags2) << 8 | 0x80 | rcode);	/* QR, RD, RA */
	put16(m, 1);
	put16(m, ancount);
	put16(m, 0);
	put16(m, 0);
}

/* The question for app.example.com (at offset 12) of type. */
static void
question(struct msg *m, unsigned type)
{
	put(m, "\3app\7example\3com\0", 17);
	put16(m, type);
	put16(m, 1);
}

static void
rr(struct msg *m, const void *owner, size_t olen, unsigned type,
    const void *rdata, size_t rdlen)
{
	put(m, owner, olen);
	put16(m, type);
	put16(m, 1);
	put16(m, 0);
	put16(m, 300);	/* TTL */
	put16(m, (unsigned)rdlen);
	put(m, rdata, rdlen);
}

/* The addresses as the resolver keeps them. */
static struct {
	int			count;
	struct resolv_addr	addr[DNS_ADDR_MAX];
} ans;

/* Judge msg as the answer to the query (id, name, type), from no address. */
static int
parse(const uint8_t *msg, size_t n, uint16_t id, const char *name, int type)
{
	uint8_t	q[DNS_QUERY_MAX];
	size_t	qlen = dns_build_query(q, sizeof(q), id, name, type);

	assert_true(qlen > 0);
	ans.count = 0;
	return dns_parse_answer(msg, n, q, qlen, ans.addr, &ans.count);
}

static void
test_build_query(void **state)
{
	uint8_t	b[DNS_QUERY_MAX];
	char	longlabel[80], longname[300];
	const uint8_t want[] = "\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00"
	    "\x00\3app\7example\3com\0\0\x1c\0\1";

	(void)state;
	assert_int_equal(dns_build_query(b, sizeof(b), 0x1234,
	    "app.example.com", DNS_TYPE_AAAA), sizeof(want) - 1);
	assert_memory_equal(b, want, sizeof(want) - 1);
	/* The final dot changes nothing on the wire. */
	assert_int_equal(dns_build_query(b, sizeof(b), 0x1234,
	    "app.example.com.", DNS_TYPE_AAAA), sizeof(want) - 1);
	assert_memory_equal(b, want, sizeof(want) - 1);
	assert_int_equal(dns_build_query(b, sizeof(b), 1, "x", DNS_TYPE_A),
	    12 + 3 + 4);
	/* Not host names. */
	assert_int_equal(dns_build_query(b, sizeof(b), 1, "", 1), 0);
	assert_int_equal(dns_build_query(b, sizeof(b), 1, ".", 1), 0);
	assert_int_equal(dns_build_query(b, sizeof(b), 1, "a..b", 1), 0);
	assert_int_equal(dns_build_query(b, sizeof(b), 1, ".a", 1), 0);
	assert_int_equal(dns_build_query(b, sizeof(b), 1, "a b", 1), 0);
	assert_int_equal(dns_build_query(b, sizeof(b), 1, "a", 15), 0);
	memset(longlabel, 'a', 64);
	longlabel[64] = '\0';
	assert_int_equal(dns_build_query(b, sizeof(b), 1, longlabel, 1), 0);
	longlabel[63] = '\0';
	assert_true(dns_build_query(b, sizeof(b), 1, longlabel, 1) > 0);
	memset(longname, 'a', 254);
	longname[254] = '\0';
	for (size_t i = 50; i < 254; i += 50)
		longname[i] = '.';
	assert_int_equal(dns_build_query(b, sizeof(b), 1, longname, 1), 0);
	longname[253] = '\0';
	assert_int_equal(dns_build_query(b, sizeof(b), 1, longname, 1),
	    DNS_QUERY_MAX);
	assert_int_equal(dns_build_query(b, 20, 1, "app.example.com", 1), 0);
}

static void
test_a_and_aaaa(void **state)
{
	struct msg	m;
	uint8_t		v6[16];

	(void)state;
	header(&m, 7, 0, 0, 2);
	question(&m, DNS_TYPE_A);
	rr(&m, "\xc0\x0c", 2, DNS_TYPE_A, "\x0a\0\0\x05", 4);
	rr(&m, "\xc0\x0c", 2, DNS_TYPE_A, "\x0a\0\0\x06", 4);
	assert_int_equal(parse(m.b, m.n, 7, "APP.Example.com",
	    DNS_TYPE_A), DNS_OK);
	assert_int_equal(ans.addr[0].family, AF_INET);
	assert_int_equal(ans.addr[1].family, AF_INET);
	assert_int_equal(ans.count, 2);
	assert_memory_equal(ans.addr[0].addr, "\x0a\0\0\x05", 4);
	assert_memory_equal(ans.addr[1].addr, "\x0a\0\0\x06", 4);

	assert_int_equal(inet_pton(AF_INET6, "fd00::17", v6), 1);
	header(&m, 8, 0, 0, 1);
	question(&m, DNS_TYPE_AAAA);
	rr(&m, "\xc0\x0c", 2, DNS_TYPE_AAAA, v6, 16);
	assert_int_equal(parse(m.b, m.n, 8, "app.example.com.",
	    DNS_TYPE_AAAA), DNS_OK);
	assert_int_equal(ans.addr[0].family, AF_INET6);
	assert_int_equal(ans.count, 1);
	assert_memory_equal(ans.addr[0].addr, v6, 16);

	/* NOERROR with no answer: the name has no address of this type. */
	header(&m, 9, 0, 0, 0);
	question(&m, DNS_TYPE_AAAA);
	assert_int_equal(parse(m.b, m.n, 9, "app.example.com",
	    DNS_TYPE_AAAA), DNS_OK);
	assert_int_equal(ans.count, 0);
}

/*
 * app -> www.example.com -> cdn.example.net, records out of order: the
 * address at the end of the chain is taken, CNAMEs are stepped over.
 */
static void
test_cname_chain(void **state)
{
	struct msg m;

	(void)state;
	header(&m, 1, 0, 0, 3);
	question(&m, DNS_TYPE_A);
	/* offset 33: the first record's owner pointer */
	rr(&m, "\xc0\x0c", 2, DNS_TYPE_CNAME, "\3www\xc0\x10", 6);
	/* www.example.com is at 45 (rdata of the first record) */
	rr(&m, "\3cdn\7example\3net\0", 17, DNS_TYPE_A, "\1\2\3\4", 4);
	rr(&m, "\xc0\x2d", 2, DNS_TYPE_CNAME, "\3CDN\7example\3net\0", 17);
	assert_int_equal(parse(m.b, m.n, 1, "app.example.com",
	    DNS_TYPE_A), DNS_OK);
	assert_int_equal(ans.count, 1);
	assert_memory_equal(ans.addr[0].addr, "\1\2\3\4", 4);

	/* As in musl, owners are not compared: every A record counts. */
	rr(&m, "\3xyz\0", 5, DNS_TYPE_A, "\11\11\11\11", 4);
	m.b[7] = 4;
	assert_int_equal(parse(m.b, m.n, 1, "app.example.com",
	    DNS_TYPE_A), DNS_OK);
	assert_int_equal(ans.count, 2);
	assert_memory_equal(ans.addr[1].addr, "\11\11\11\11", 4);

	/* A CNAME loop is only two records stepped over: no addresses. */
	header(&m, 1, 0, 0, 2);
	question(&m, DNS_TYPE_A);
	rr(&m, "\xc0\x0c", 2, DNS_TYPE_CNAME, "\3www\xc0\x10", 6);
	rr(&m, "\xc0\x2d", 2, DNS_TYPE_CNAME, "\xc0\x0c", 2);
	assert_int_equal(parse(m.b, m.n, 1, "app.example.com",
	    DNS_TYPE_A), DNS_OK);
	assert_int_equal(ans.count, 0);
}

static void
test_rcode_and_tc(void **state)
{
	struct msg m;

	(void)state;
	header(&m, 3, 0, 3, 0);
	question(&m, DNS_TYPE_A);
	assert_int_equal(parse(m.b, m.n, 3, "app.example.com",
	    DNS_TYPE_A), DNS_NXDOMAIN);
	header(&m, 3, 0, 2, 0);
	question(&m, DNS_TYPE_A);
	assert_int_equal(parse(m.b, m.n, 3, "app.example.com",
	    DNS_TYPE_A), DNS_FAIL);
	header(&m, 3, 0, 5, 0);
	question(&m, DNS_TYPE_A);
	assert_int_equal(parse(m.b, m.n, 3, "app.example.com",
	    DNS_TYPE_A), DNS_FAIL);
	/* TC, even with a (partial) answer: ask over TCP. */
	header(&m, 3, 0x02, 0, 1);
	question(&m, DNS_TYPE_A);
	assert_int_equal(parse(m.b, m.n, 3, "app.example.com",
	    DNS_TYPE_A), DNS_TRUNCATED);
}

static void
test_mismatch(void **state)
{
	struct msg	m;
	uint8_t		q[DNS_QUERY_MAX];
	size_t		n;

	(void)state;
	header(&m, 4, 0, 0, 0);
	question(&m, DNS_TYPE_A);
	assert_int_equal(parse(m.b, m.n, 5, "app.example.com",
	    DNS_TYPE_A), DNS_MISMATCH);
	assert_int_equal(parse(m.b, m.n, 4, "api.example.com",
	    DNS_TYPE_A), DNS_MISMATCH);
	assert_int_equal(parse(m.b, m.n, 4, "app.example.com",
	    DNS_TYPE_AAAA), DNS_MISMATCH);
	header(&m, 0x41, 0, 0, 0);	/* 'A' is not 'a' in an id */
	question(&m, DNS_TYPE_A);
	assert_int_equal(parse(m.b, m.n, 0x61, "app.example.com",
	    DNS_TYPE_A), DNS_MISMATCH);
	header(&m, 4, 0, 0, 0);
	question(&m, DNS_TYPE_A);
	assert_int_equal(parse(m.b, 11, 4, "app.example.com",
	    DNS_TYPE_A), DNS_MISMATCH);
	/* Our own query echoed back (QR clear) is not an answer. */
	n = dns_build_query(q, sizeof(q), 4, "app.example.com", DNS_TYPE_A);
	assert_int_equal(parse(q, n, 4, "app.example.com",
	    DNS_TYPE_A), DNS_MISMATCH);
}

static void
test_malformed(void **state)
{
	struct msg	m;
	size_t		cut;

	(void)state;
	/* A record running past the end, at every cut. */
	header(&m, 2, 0, 0, 1);
	question(&m, DNS_TYPE_A);
	rr(&m, "\xc0\x0c", 2, DNS_TYPE_A, "\1\2\3\4", 4);
	for (cut = 12 + 21 + 1; cut < m.n; cut++)
		assert_int_equal(parse(m.b, cut, 2,
		    "app.example.com", DNS_TYPE_A), DNS_BAD);
	/* An A record of 5 bytes. */
	header(&m, 2, 0, 0, 1);
	question(&m, DNS_TYPE_A);
	rr(&m, "\xc0\x0c", 2, DNS_TYPE_A, "\1\2\3\4\5", 5);
	assert_int_equal(parse(m.b, m.n, 2, "app.example.com",
	    DNS_TYPE_A), DNS_BAD);
	/* A good record, then a bad one: nothing is kept (fuzzing). */
	header(&m, 2, 0, 0, 2);
	question(&m, DNS_TYPE_A);
	rr(&m, "\xc0\x0c", 2, DNS_TYPE_A, "\1\2\3\4", 4);
	rr(&m, "\xc0\x0c", 2, DNS_TYPE_A, "\1\2\3", 3);
	assert_int_equal(parse(m.b, m.n, 2, "app.example.com",
	    DNS_TYPE_A), DNS_BAD);
	assert_int_equal(ans.count, 0);
	/* An owner with an obsolete label type, or cut short. */
	header(&m, 2, 0, 0, 1);
	question(&m, DNS_TYPE_A);
	rr(&m, "\x41\x0c", 2, DNS_TYPE_A, "\1\2\3\4", 4);
	assert_int_equal(parse(m.b, m.n, 2, "app.example.com",
	    DNS_TYPE_A), DNS_BAD);
	header(&m, 2, 0, 0, 1);
	question(&m, DNS_TYPE_A);
	put(&m, "\3ap", 3);
	assert_int_equal(parse(m.b, m.n, 2, "app.example.com",
	    DNS_TYPE_A), DNS_BAD);
	/* Pointers in owner names are stepped over, never followed: one
	 * to itself and two to each other cannot make the parser loop. */
	header(&m, 2, 0, 0, 1);
	question(&m, DNS_TYPE_A);
	rr(&m, "\xc0\x21", 2, DNS_TYPE_A, "\1\2\3\4", 4);
	assert_int_equal(parse(m.b, m.n, 2, "app.example.com",
	    DNS_TYPE_A), DNS_OK);
	header(&m, 2, 0, 0, 2);
	question(&m, DNS_TYPE_A);
	rr(&m, "\xc0\x31", 2, DNS_TYPE_A, "\1\2\3\4", 4);
	rr(&m, "\xc0\x21", 2, DNS_TYPE_A, "\1\2\3\4", 4);
	assert_int_equal(parse(m.b, m.n, 2, "app.example.com",
	    DNS_TYPE_A), DNS_OK);
	assert_int_equal(ans.count, 2);
	/* A pointer in the question itself that loops: not ours. */
	m.n = 0;
	put(&m, "\0\2\x81\x80\0\1\0\0\0\0\0\0\xc0\x0c\0\1\0\1", 18);
	assert_int_equal(parse(m.b, m.n, 2, "app.example.com",
	    DNS_TYPE_A), DNS_MISMATCH);
}

/* More addresses than DNS_ADDR_MAX: the first ones are kept. */
static void
test_many_addresses(void **state)
{
	struct msg	m;
	uint8_t		a[4] = { 10, 0, 0, 0 };
	int		i;

	(void)state;
	header(&m, 6, 0, 0, 20);
	question(&m, DNS_TYPE_A);
	for (i = 0; i < 20; i++) {
		a[3] = (uint8_t)i;
		rr(&m, "\xc0\x0c", 2, DNS_TYPE_A, a, 4);
	}
	assert_int_equal(parse(m.b, m.n, 6, "app.example.com",
	    DNS_TYPE_A), DNS_OK);
	assert_int_equal(ans.count, DNS_ADDR_MAX);
	assert_int_equal(ans.addr[DNS_ADDR_MAX - 1].addr[3], DNS_ADDR_MAX - 1);
}

/* Addresses go after those kept already (the A answer's), up to the max. */
static void
test_append(void **state)
{
	struct msg	m;
	uint8_t		q[DNS_QUERY_MAX], v6[16] = { 0xfd };
	size_t		qlen;
	int		i;

	(void)state;
	qlen = dns_build_query(q, sizeof(q), 6, "app.example.com",
	    DNS_TYPE_AAAA);
	header(&m, 6, 0, 0, 3);
	question(&m, DNS_TYPE_AAAA);
	for (i = 0; i < 3; i++) {
		v6[15] = (uint8_t)i;
		rr(&m, "\xc0\x0c", 2, DNS_TYPE_AAAA, v6, 16);
	}
	memset(&ans, 0, sizeof(ans));
	ans.count = DNS_ADDR_MAX - 2;
	assert_int_equal(dns_parse_answer(m.b, m.n, q, qlen, ans.addr,
	    &ans.count), DNS_OK);
	assert_int_equal(ans.count, DNS_ADDR_MAX);
	assert_int_equal(ans.addr[DNS_ADDR_MAX - 3].family, 0);
	assert_int_equal(ans.addr[DNS_ADDR_MAX - 2].family, AF_INET6);
	assert_int_equal(ans.addr[DNS_ADDR_MAX - 2].addr[15], 0);
	assert_int_equal(ans.addr[DNS_ADDR_MAX - 1].family, AF_INET6);
	assert_int_equal(ans.addr[DNS_ADDR_MAX - 1].addr[15], 1);
	/* Malformed (the last record cut short): the count stays. */
	ans.count = 3;
	assert_int_equal(dns_parse_answer(m.b, m.n - 1, q, qlen, ans.addr,
	    &ans.count), DNS_BAD);
	assert_int_equal(ans.count, 3);
	/* Not an answer, or a failure: the count stays. */
	m.b[1] ^= 1;
	assert_int_equal(dns_parse_answer(m.b, m.n, q, qlen, ans.addr,
	    &ans.count), DNS_MISMATCH);
	assert_int_equal(ans.count, 3);
	m.b[1] ^= 1;
	m.b[3] |= 2;
	assert_int_equal(dns_parse_answer(m.b, m.n, q, qlen, ans.addr,
	    &ans.count), DNS_FAIL);
	assert_int_equal(ans.count, 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_build_query),
		cmocka_unit_test(test_a_and_aaaa),
		cmocka_unit_test(test_cname_chain),
		cmocka_unit_test(test_rcode_and_tc),
		cmocka_unit_test(test_mismatch),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_many_addresses),
		cmocka_unit_test(test_append),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
