/* SPDX-License-Identifier: MIT */
/*
 * fuzz_dns.c - libFuzzer target for DNS answer parsing and query building.
 *
 * Byte 0 picks the mode. Odd: the rest is a whole message, judged as the
 * answer to an A and an AAAA query for app.example.com. Even: a valid
 * response header and question for that name are written first (so the
 * fuzzer reaches the answer section at once), with the flags and answer
 * count taken from bytes 1-3, and the rest follows as the answer section.
 * Either way the result must be a known status, with addresses of the
 * asked family appended after the ones kept (bits 5-7 of byte 0) and in
 * bounds. The input is also tried as a name to query: a query built from
 * it, turned into a response with no answer, must parse as DNS_OK.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "dns.h"
#include "fuzz.h"

static const char name[] = "app.example.com";

/*
 * As the resolver does: the AAAA answer's addresses go after the A
 * answer's, here after `kept` of them, which must stay as they were.
 */
static void
check(const uint8_t *msg, size_t n, int type, int kept)
{
	struct resolv_addr	a[DNS_ADDR_MAX];
	uint8_t			q[DNS_QUERY_MAX];
	size_t			qlen;
	int			r, i, count = kept;

	qlen = dns_build_query(q, sizeof(q), 0x4242, name, type);
	CHECK(qlen > 0);
	memset(a, 0, sizeof(a));
	r = dns_parse_answer(msg, n, q, qlen, a, &count);
	CHECK(r >= DNS_OK && r <= DNS_BAD);
	CHECK(count >= kept && count <= DNS_ADDR_MAX);
	CHECK(r == DNS_OK || count == kept);
	/* Past count, a malformed answer may have left bytes: not kept. */
	for (i = 0; i < count; i++)
		CHECK(a[i].family == (i < kept ? 0 :
		    type == DNS_TYPE_A ? AF_INET : AF_INET6));
}

static void
check_query(const uint8_t *data, size_t size)
{
	struct resolv_addr	 a[DNS_ADDR_MAX];
	uint8_t			 q[DNS_QUERY_MAX];
	char			*s = malloc(size + 1);
	size_t			 n;
	int			 count = 0;

	if (s == NULL)
		return;
	memcpy(s, data, size);
	s[size] = '\0';
	n = dns_build_query(q, sizeof(q), 7, s, DNS_TYPE_AAAA);
	if (n > 0) {
		CHECK(n <= DNS_QUERY_MAX);
		q[2] |= 0x80;
		CHECK(dns_parse_answer(q, n, q, n, a, &count) == DNS_OK);
		CHECK(count == 0);
	}
	free(s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t	msg[65536 + DNS_QUERY_MAX];
	size_t		n;
	int		type;

	if (size < 4)
		return 0;
	if (data[0] & 1) {
		check(data + 1, size - 1, DNS_TYPE_A, 0);
		check(data + 1, size - 1, DNS_TYPE_AAAA, data[0] >> 5);
	} else {
		type = data[0] & 2 ? DNS_TYPE_AAAA : DNS_TYPE_A;
		n = dns_build_query(msg, sizeof(msg), 0x4242, name, type);
		CHECK(n > 0);
		msg[2] = (uint8_t)(0x80 | (data[1] & 0x7f));
		msg[3] = data[1] & 0x80 ? 0x80 : data[1] & 0x0f;
		msg[6] = data[2];
		msg[7] = data[3];
		if (size - 4 > sizeof(msg) - n)
			return 0;
		memcpy(msg + n, data + 4, size - 4);
		check(msg, n + size - 4, type, data[0] >> 5);
	}
	check_query(data + 1, size - 1);
	return 0;
}
