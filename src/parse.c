/* SPDX-License-Identifier: MIT */
/*
 * parse.c - strict number, boolean and duration parsing.
 *
 * strtoul() accepts leading spaces, signs and "0x" and depends on errno;
 * none of that belongs in a value read from a container manifest, so the
 * digits are walked by hand.
 */
#include <errno.h>
#include <string.h>
#include <strings.h>

#include "fmt.h"
#include "parse.h"

#define DURATION_MAX_NS	(1000ULL * 24 * 3600 * NSEC_PER_SEC)

int
parse_digits(const char **sp, uint64_t max, uint64_t *ret)
{
	const char *s = *sp;
	uint64_t v = 0, d;

	if (*s < '0' || *s > '9')
		return -EINVAL;
	for (; *s >= '0' && *s <= '9'; s++) {
		d = (uint64_t)(*s - '0');
		if (v > max / 10 || d > max - v * 10)
			return -ERANGE;
		v = v * 10 + d;
	}
	*sp = s;
	*ret = v;
	return 0;
}

int
parse_uint(const char *s, uint64_t max, uint64_t *ret)
{
	uint64_t v;
	int r;

	if (s == NULL)
		return -EINVAL;
	r = parse_digits(&s, max, &v);
	if (r < 0)
		return r;
	if (*s != '\0')
		return -EINVAL;
	*ret = v;
	return 0;
}

int
parse_bool(const char *s, bool *ret)
{
	/* Each true word followed by its false one. */
	static const char words[] =
	    "1\0" "0\0" "true\0" "false\0" "yes\0" "no\0" "on\0" "off";
	const char *w = words;
	int i;

	for (i = 0; i < 8; i++, w += strlen(w) + 1)
		if (strcasecmp(s, w) == 0) {
			*ret = !(i & 1);
			return 0;
		}
	return -EINVAL;
}

/* The units, in the order they must appear: h, m, s, ms. */
static const uint64_t unit_ns[] = { 3600 * NSEC_PER_SEC, 60 * NSEC_PER_SEC,
    NSEC_PER_SEC, NSEC_PER_MSEC };
#define UNIT_NAMES	"h\0\0m\0\0s\0\0ms"	/* 3 bytes each */

int
parse_duration(const char *s, uint64_t *ret_ns)
{
	uint64_t total = 0, v;
	int u, next = 0, r;

	do {
		if ((r = parse_digits(&s, DURATION_MAX_NS, &v)) < 0)
			return r;
		/* A bare number is seconds, as Docker's older flags were. */
		if (*s == '\0' && next == 0)
			u = 2;
		else {
			u = *s == 'h' ? 0 : *s == 'm' ? (s[1] == 's' ? 3 : 1) :
			    *s == 's' ? 2 : 4;
			s += u == 3 ? 2 : 1;
		}
		if (u < next || u > 3)
			return -EINVAL;
		next = u + 1;
		if (v > (DURATION_MAX_NS - total) / unit_ns[u])
			return -ERANGE;
		total += v * unit_ns[u];
	} while (*s);
	*ret_ns = total;
	return 0;
}

char *
parse_format_duration(uint64_t ns, char *buf, unsigned n)
{
	uint64_t q;
	unsigned off = 0;
	int u, none;

	buf[0] = '\0';
	none = ns < NSEC_PER_MSEC;
	for (u = 0; u < 4 && off < n; u++) {
		q = ns / unit_ns[u];
		ns %= unit_ns[u];
		/* "0s" for nothing at all. */
		if (q || (none && u == 2))
			off += (unsigned)fmt_format(buf + off, n - off, "%llu%s",
			    (unsigned long long)q, &UNIT_NAMES[(size_t)3 * u]);
	}
	return buf;
}
