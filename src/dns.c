/* SPDX-License-Identifier: MIT */
/*
 * dns.c - DNS messages for the non-blocking resolver (see dns.h).
 *
 * Names are compared where they sit in the message, a label at a time,
 * following compression pointers (at most DNS_JUMPS_MAX for each name)
 * and without regard to ASCII case, as RFC 4343 asks. The question must
 * be the one we sent: it is compared with the query built again.
 */
#include <string.h>
#include <sys/socket.h>

#include "dns.h"

#define DNS_JUMPS_MAX	32
#define DNS_HDR		12
#define DNS_CLASS_IN	1

static uint16_t
dns_get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

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

/* The label at p, after any pointers (*jumps counts them), or -1. */
static long
dns_label(const uint8_t *msg, size_t n, size_t p, int *jumps)
{
	while (p < n && msg[p] >= 0xc0) {
		if (p + 1 >= n || ++*jumps > DNS_JUMPS_MAX)
			return -1;
		p = (size_t)(msg[p] & 0x3f) << 8 | msg[p + 1];
	}
	if (p >= n || (msg[p] & 0xc0) || p + 1 + msg[p] > n)
		return -1;
	return (long)p;
}

/*
 * Are the names at a and b of msg the same, ignoring ASCII case? 1 or 0,
 * or -1 if one of them is malformed (as far as it was read).
 */
static int
dns_name_eq(const uint8_t *msg, size_t n, size_t a, size_t b)
{
	int		ja = 0, jb = 0;
	long		x, y;
	unsigned	len, i;

	for (;;) {
		if ((x = dns_label(msg, n, a, &ja)) < 0 ||
		    (y = dns_label(msg, n, b, &jb)) < 0)
			return -1;
		len = msg[x];
		if (len != msg[y])
			return 0;
		for (i = 1; i <= len; i++)
			if (dns_lower(msg[x + i]) != dns_lower(msg[y + i]))
				return 0;
		if (len == 0)
			return 1;
		a = (size_t)x + 1 + len;
		b = (size_t)y + 1 + len;
	}
}

/*
 * One pass over the answer section starting at off, collecting the
 * addresses of type want that *cur (the offset of a name) owns; if *cur
 * owns a CNAME, move *cur to its target and return 1 (a pass is due for
 * the new name). Returns 0 at the end, -1 if a record or an owner name is
 * malformed.
 */
static int
dns_scan(const uint8_t *msg, size_t n, size_t off, unsigned ancount,
    size_t *cur, int want, struct dns_answer *out)
{
	unsigned	type;

	size_t		alen = want == DNS_TYPE_A ? 4 : 16, owner, rdata;
	unsigned	i, rdlen;
	int		eq;

	for (i = 0; i < ancount; i++) {
		owner = off;
		if ((off = dns_skip(msg, n, off)) == 0 || off + 10 > n)
			return -1;
		rdlen = dns_get16(msg + off + 8);
		rdata = off + 10;
		if (rdata + rdlen > n ||
		    (eq = dns_name_eq(msg, n, owner, *cur)) < 0)
			return -1;
		off = rdata + rdlen;
		type = dns_get16(msg + rdata - 10);
		if (!eq || dns_get16(msg + rdata - 8) != DNS_CLASS_IN)
			continue;
		if (type == DNS_TYPE_CNAME) {
			if (dns_skip(msg, n, rdata) != off)
				return -1;
			*cur = rdata;
			return 1;
		}
		if (type != (unsigned)want)
			continue;
		if (rdlen != alen)
			return -1;
		if (out->count < DNS_ADDR_MAX)
			memcpy(out->addr[out->count++], msg + rdata, alen);
	}
	return 0;
}

int
dns_parse_answer(const uint8_t *msg, size_t n, uint16_t id,
    const char *name, int type, struct dns_answer *out)
{
	uint8_t		q[DNS_QUERY_MAX];
	size_t		qlen = dns_build_query(q, sizeof(q), id, name, type), i;
	size_t		cur = DNS_HDR;
	unsigned	ancount;
	int		r;

	memset(out, 0, sizeof(*out));
	out->family = type == DNS_TYPE_A ? AF_INET : AF_INET6;
	/*
	 * Ours: id, QR, a standard query, our one question, which is our
	 * query's (the first name of a message cannot be compressed).
	 */
	if (qlen == 0 || n < qlen || dns_get16(msg) != id || !(msg[2] & 0x80) ||
	    (msg[2] & 0x78) != 0 || dns_get16(msg + 4) != 1)
		return DNS_MISMATCH;
	for (i = DNS_HDR; i < qlen; i++)
		if (dns_lower(msg[i]) != dns_lower(q[i]))
			return DNS_MISMATCH;
	out->rcode = msg[3] & 0x0f;
	if (msg[2] & 0x02)
		return DNS_TRUNCATED;
	if (out->rcode == 3)
		return DNS_NXDOMAIN;
	if (out->rcode != 0)
		return DNS_FAIL;
	ancount = dns_get16(msg + 6);
	/* Follow the chain from the question's name, taking addresses. */
	for (i = 0; (r = dns_scan(msg, n, qlen, ancount, &cur, type, out)) > 0;
	    i++) {
		out->count = 0;		/* those were of an alias */
		if (i == DNS_CNAME_MAX)
			return DNS_BAD;
	}
	if (r < 0) {
		out->count = 0;
		return DNS_BAD;
	}
	return DNS_OK;
}
