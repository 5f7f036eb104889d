/* SPDX-License-Identifier: MIT */
/*
 * fuzz_dns.c - libFuzzer target for DNS answer parsing and query building.
 *
 * Byte 0 picks the mode. Odd: the rest is a whole message, judged as the
 * answer to an A and an AAAA query for app.example.com. Even: a valid
 * response header and question for that name are written first (so the
 * fuzzer reaches the answer section at once), with the flags and answer
 * count taken from bytes 1-3, and the rest follows as the answer section.
 * Either way the result must be a known status with its fields in
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

static void
check(const uint8_t *msg, size_t n, int type)
{
	struct dns_answer	a;
	int			r;

	r = dns_parse_answer(msg, n, 0x4242, name, type, &a);
	CHECK(r >= DNS_OK && r <= DNS_BAD);
	CHECK(a.count >= 0 && a.count <= DNS_ADDR_MAX);
	CHECK(r == DNS_OK || a.count == 0);
	CHECK(a.family == (type == DNS_TYPE_A ? AF_INET : AF_INET6));
	CHECK(r != DNS_NXDOMAIN || a.rcode == 3);
}

static void
check_query(const uint8_t *data, size_t size)
{
	struct dns_answer	 a;
	uint8_t			 q[DNS_QUERY_MAX];
	char			*s = malloc(size + 1);
	size_t			 n;

	if (s == NULL)
		return;
	memcpy(s, data, size);
	s[size] = '\0';
	n = dns_build_query(q, sizeof(q), 7, s, DNS_TYPE_AAAA);
	if (n > 0) {
		CHECK(n <= DNS_QUERY_MAX);
		q[2] |= 0x80;
		CHECK(dns_parse_answer(q, n, 7, s, DNS_TYPE_AAAA, &a) ==
		    DNS_OK);
		CHECK(a.count == 0);
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
		check(data + 1, size - 1, DNS_TYPE_A);
		check(data + 1, size - 1, DNS_TYPE_AAAA);
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
		check(msg, n + size - 4, type);
	}
	check_query(data + 1, size - 1);
	return 0;
}
