/* SPDX-License-Identifier: MIT */
/*
 * dns.c - DNS messages for the non-blocking resolver (see dns.h).
 *
 * The question must be the one we sent: it is compared with the query
 * built again, without regard to ASCII case (RFC 4343). Names in the
 * answer section are stepped over, never followed, so compression
 * pointers cannot make the parser loop.
 */
#include <string.h>
#include <sys/socket.h>

#include "dns.h"

#define DNS_HDR		12
#define DNS_CLASS_IN	1

size_t
dns_build_query(uint8_t *buf, size_t n, uint16_t id, const char *name,
    int type)
{
	size_t	len = strlen(name), i, o = DNS_HDR + 1, start = DNS_HDR;
	int	c;

	if (len > 0 && name[len - 1] == '.')
		len--;
	if (len == 0 || len > DNS_NAME_MAX || n < DNS_HDR + len + 2 + 4 ||
	    (type != DNS_TYPE_A && type != DNS_TYPE_AAAA))
		return 0;
	memset(buf, 0, DNS_HDR);
	buf[0] = (uint8_t)(id >> 8);
	buf[1] = (uint8_t)id;
	buf[2] = 0x01;			/* RD */
	buf[5] = 1;			/* QDCOUNT */
	/* Labels of 1 to 63 printable bytes, checked as they are written. */
	for (i = 0; i <= len; i++) {
		c = i < len ? (unsigned char)name[i] : '.';
		if (c == '.') {
			if (o - start - 1 - 1 > 62)
				return 0;
			buf[start] = (uint8_t)(o - start - 1);
			start = o++;
		} else if (c <= 0x20 || c >= 0x7f)
			return 0;
		else
			buf[o++] = (uint8_t)c;
	}
	buf[start] = 0;			/* the root label */
	buf[o++] = 0;
	buf[o++] = (uint8_t)type;
	buf[o++] = 0;
	buf[o++] = DNS_CLASS_IN;
	return o;
}

static int
dns_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Past the name at p where it sits (not following pointers), or 0. */
static size_t
dns_skip(const uint8_t *msg, size_t n, size_t p)
{
	uint8_t l;

	while (p < n) {
		l = msg[p];
		if (l >= 0xc0)
			return p + 2 <= n ? p + 2 : 0;
		if (l & 0xc0)
			return 0;	/* 0x40, 0x80: obsolete label types */
		p += 1 + (size_t)l;
		if (l == 0)
			return p;
	}
	return 0;
}

/*
 * The answer section starting at off: append the addresses of type want
 * (class IN) to out[*count..DNS_ADDR_MAX), whoever owns them, as musl
 * does. A recursive server answers a question with the chain of CNAMEs
 * from its name and the addresses at the end of it, so nothing is lost;
 * an owner name is only stepped over. Returns 0, or -1 if a record is
 * malformed.
 */
static int
dns_scan(const uint8_t *msg, size_t n, size_t off, unsigned ancount,
    int want, struct resolv_addr *out, int *count)
{
	struct resolv_addr	*a;
	size_t			 alen = want == DNS_TYPE_A ? 4 : 16, rdata;
	unsigned		 i, rdlen;

	for (i = 0; i < ancount; i++) {
		if ((off = dns_skip(msg, n, off)) == 0 || off + 10 > n)
			return -1;
		rdlen = be16(msg + off + 8);
		rdata = off + 10;
		off = rdata + rdlen;
		if (off > n)
			return -1;
		if (be16(msg + rdata - 8) != DNS_CLASS_IN ||
		    be16(msg + rdata - 10) != want)
			continue;
		if (rdlen != alen)
			return -1;
		if (*count < DNS_ADDR_MAX) {
			a = &out[(*count)++];
			a->family = want == DNS_TYPE_A ? AF_INET : AF_INET6;
			memcpy(a->addr, msg + rdata, alen);
		}
	}
	return 0;
}

int
dns_parse_answer(const uint8_t *msg, size_t n, const uint8_t *q, size_t qlen,
    struct resolv_addr *out, int *count)
{
	size_t	i;
	int	rcode, was = *count;

	/*
	 * Ours: id, QR, a standard query, our one question, which is our
	 * query's (the first name of a message cannot be compressed).
	 */
	if (n < qlen || be16(msg) != be16(q) || !(msg[2] & 0x80) ||
	    (msg[2] & 0x78) != 0 || be16(msg + 4) != 1)
		return DNS_MISMATCH;
	for (i = DNS_HDR; i < qlen; i++)
		if (dns_lower(msg[i]) != dns_lower(q[i]))
			return DNS_MISMATCH;
	rcode = msg[3] & 0x0f;
	if (msg[2] & 0x02)
		return DNS_TRUNCATED;
	if (rcode == 3)
		return DNS_NXDOMAIN;
	if (rcode != 0)
		return DNS_FAIL;
	/* The type asked is the low byte of the question's QTYPE. */
	if (dns_scan(msg, n, qlen, be16(msg + 6), q[qlen - 3], out,
	    count) < 0) {
		*count = was;
		return DNS_BAD;
	}
	return DNS_OK;
}
