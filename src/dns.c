/* SPDX-License-Identifier: MIT */
/*
 * dns.c - DNS messages for the non-blocking resolver (see dns.h).
 *
 * Names are compared as text: each name in the answer is expanded into a
 * buffer (following compression pointers, at most DNS_JUMPS_MAX of them
 * and never past 255 bytes) and compared without regard to ASCII case,
 * as RFC 4343 asks.
 */
#include <strings.h>
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

/* Length of name without a final dot; 0 if it is not a valid name. */
static size_t
dns_name_len(const char *name)
{
	size_t	len = strlen(name), i, label = 0;

	if (len > 0 && name[len - 1] == '.')
		len--;
	if (len == 0 || len > DNS_NAME_MAX)
		return 0;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)name[i];

		if (c == '.') {
			if (label == 0)
				return 0;
			label = 0;
		} else if (c <= 0x20 || c >= 0x7f || ++label > 63)
			return 0;
	}
	return label == 0 ? 0 : len;
}

size_t
dns_build_query(uint8_t *buf, size_t n, uint16_t id, const char *name,
    int type)
{
	size_t	len = dns_name_len(name), i, o, start;

	if (len == 0 || n < DNS_HDR + len + 2 + 4 ||
	    (type != DNS_TYPE_A && type != DNS_TYPE_AAAA))
		return 0;
	memset(buf, 0, DNS_HDR);
	buf[0] = (uint8_t)(id >> 8);
	buf[1] = (uint8_t)id;
	buf[2] = 0x01;			/* RD */
	buf[5] = 1;			/* QDCOUNT */
	o = DNS_HDR;
	start = o++;
	for (i = 0; i <= len; i++) {
		if (i == len || name[i] == '.') {
			buf[start] = (uint8_t)(o - start - 1);
			start = o++;
		} else
			buf[o++] = (uint8_t)name[i];
	}
	buf[start] = 0;			/* the root label */
	buf[o++] = 0;
	buf[o++] = (uint8_t)type;
	buf[o++] = 0;
	buf[o++] = DNS_CLASS_IN;
	return o;
}

/*
 * Expand the name at *off into text (DNS_NAME_MAX + 2 bytes), lower-case
 * kept as sent; *off moves past the name where it sits. Returns 0 or -1.
 */
static int
dns_read_name(const uint8_t *msg, size_t n, size_t *off, char *text)
{
	size_t	p = *off, t = 0, end = 0;
	int	jumps = 0;

	for (;;) {
		uint8_t l;

		if (p >= n)
			return -1;
		l = msg[p];
		if ((l & 0xc0) == 0xc0) {
			if (p + 1 >= n || ++jumps > DNS_JUMPS_MAX)
				return -1;
			if (end == 0)
				end = p + 2;
			p = (size_t)(l & 0x3f) << 8 | msg[p + 1];
			continue;
		}
		if (l & 0xc0)
			return -1;	/* 0x40, 0x80: obsolete label types */
		if (l == 0)
			break;
		if (p + 1 + l > n || t + l + 1 > DNS_NAME_MAX + 1)
			return -1;
		if (t > 0)
			text[t++] = '.';
		memcpy(text + t, msg + p + 1, l);
		t += l;
		p += 1 + l;
	}
	text[t] = '\0';
	*off = end != 0 ? end : p + 1;
	return 0;
}

/* name == text, ignoring case and a final dot of name. */
static int
dns_same(const char *name, const char *text)
{
	size_t len = dns_name_len(name);

	return len != 0 && strlen(text) == len &&
	    strncasecmp(name, text, len) == 0;
}

/* The fixed part of a record after its owner name. */
struct dns_rr {
	char		owner[DNS_NAME_MAX + 2];
	uint16_t	type, klass, rdlen;
	size_t		rdata;		/* offset */
};

static int
dns_read_rr(const uint8_t *msg, size_t n, size_t *off, struct dns_rr *rr)
{
	if (dns_read_name(msg, n, off, rr->owner) != 0 || *off + 10 > n)
		return -1;
	rr->type = dns_get16(msg + *off);
	rr->klass = dns_get16(msg + *off + 2);
	rr->rdlen = dns_get16(msg + *off + 8);
	rr->rdata = *off + 10;
	if (rr->rdata + rr->rdlen > n)
		return -1;
	*off = rr->rdata + rr->rdlen;
	return 0;
}

/*
 * One pass over the answer section starting at off: with want == CNAME,
 * replace cur by the target of the CNAME it owns (returns 1 if found);
 * otherwise collect the addresses cur owns. Returns -1 if malformed.
 */
static int
dns_scan(const uint8_t *msg, size_t n, size_t off, unsigned ancount,
    char *cur, int want, struct dns_answer *out)
{
	struct dns_rr	rr;
	size_t		alen = want == DNS_TYPE_A ? 4 : 16, t;
	unsigned	i;

	for (i = 0; i < ancount; i++) {
		if (dns_read_rr(msg, n, &off, &rr) != 0)
			return -1;
		if (rr.klass != DNS_CLASS_IN || rr.type != want ||
		    strcasecmp(rr.owner, cur) != 0)
			continue;
		if (want == DNS_TYPE_CNAME) {
			t = rr.rdata;
			if (dns_read_name(msg, n, &t, cur) != 0 ||
			    t != rr.rdata + rr.rdlen)
				return -1;
			return 1;
		}
		if (rr.rdlen != alen)
			return -1;
		if (out->count < DNS_ADDR_MAX)
			memcpy(out->addr[out->count++], msg + rr.rdata, alen);
	}
	return 0;
}

int
dns_parse_answer(const uint8_t *msg, size_t n, uint16_t id,
    const char *name, int type, struct dns_answer *out)
{
	char		cur[DNS_NAME_MAX + 2];
	size_t		off = DNS_HDR;
	unsigned	ancount;
	int		i, r;

	memset(out, 0, sizeof(*out));
	out->family = type == DNS_TYPE_A ? AF_INET : AF_INET6;
	/* Ours: id, QR, a standard query, our one question. */
	if (n < DNS_HDR || dns_get16(msg) != id || !(msg[2] & 0x80) ||
	    (msg[2] & 0x78) != 0 || dns_get16(msg + 4) != 1)
		return DNS_MISMATCH;
	if (dns_read_name(msg, n, &off, cur) != 0 || off + 4 > n ||
	    !dns_same(name, cur) || dns_get16(msg + off) != type ||
	    dns_get16(msg + off + 2) != DNS_CLASS_IN)
		return DNS_MISMATCH;
	off += 4;
	out->rcode = msg[3] & 0x0f;
	if (msg[2] & 0x02)
		return DNS_TRUNCATED;
	if (out->rcode == 3)
		return DNS_NXDOMAIN;
	if (out->rcode != 0)
		return DNS_FAIL;
	ancount = dns_get16(msg + 6);
	/* Follow the chain from the question's name, then take addresses. */
	for (i = 0; i <= DNS_CNAME_MAX; i++) {
		r = dns_scan(msg, n, off, ancount, cur, DNS_TYPE_CNAME, out);
		if (r < 0)
			return DNS_BAD;
		if (r == 0)
			break;
	}
	if (i > DNS_CNAME_MAX)
		return DNS_BAD;
	if (dns_scan(msg, n, off, ancount, cur, type, out) < 0) {
		out->count = 0;
		return DNS_BAD;
	}
	return DNS_OK;
}
