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

/* Consume digits at *sp into *ret (capped at max); -EINVAL if none. */
static int
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
	static const char *const yes[] = { "1", "true", "yes", "on" };
	static const char *const no[] = { "0", "false", "no", "off" };
	size_t i;

	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		if (strcasecmp(s, yes[i]) == 0) {
			*ret = true;
			return 0;
		}
		if (strcasecmp(s, no[i]) == 0) {
			*ret = false;
			return 0;
		}
	}
	return -EINVAL;
}

/* Units in the order they must appear; "ms" before "m" for matching. */
static const struct {
	const char	*name;
	uint64_t	 ns;
	int		 rank;
} duration_units[] = {
	{ "ms", NSEC_PER_MSEC, 0 },
	{ "h", 3600 * NSEC_PER_SEC, 3 },
	{ "m", 60 * NSEC_PER_SEC, 2 },
	{ "s", NSEC_PER_SEC, 1 },
};

/* Match a unit at *sp; returns its index, or -1. */
static int
parse_unit(const char **sp)
{
	size_t i, len;

	for (i = 0; i < sizeof(duration_units) / sizeof(duration_units[0]); i++) {
		len = strlen(duration_units[i].name);
		if (strncmp(*sp, duration_units[i].name, len) == 0) {
			*sp += len;
			return (int)i;
		}
	}
	return -1;
}

int
parse_duration(const char *s, uint64_t *ret_ns)
{
	uint64_t total = 0, v;
	int u, last_rank = 4, r;

	if (s == NULL)
		return -EINVAL;
	r = parse_digits(&s, DURATION_MAX_NS, &v);
	if (r < 0)
		return r;
	if (*s == '\0') {
		/* A bare number is seconds, as Docker's older flags were. */
		if (v > DURATION_MAX_NS / NSEC_PER_SEC)
			return -ERANGE;
		*ret_ns = v * NSEC_PER_SEC;
		return 0;
	}
	for (;;) {
		u = parse_unit(&s);
		if (u < 0 || duration_units[u].rank >= last_rank)
			return -EINVAL;
		last_rank = duration_units[u].rank;
		if (v > (DURATION_MAX_NS - total) / duration_units[u].ns)
			return -ERANGE;
		total += v * duration_units[u].ns;
		if (*s == '\0')
			break;
		r = parse_digits(&s, DURATION_MAX_NS, &v);
		if (r < 0)
			return r;
	}
	*ret_ns = total;
	return 0;
}

char *
parse_format_duration(uint64_t ns, char *buf, unsigned n)
{
	uint64_t s = ns / NSEC_PER_SEC, ms = ns % NSEC_PER_SEC / NSEC_PER_MSEC;
	int off = 0;

	buf[0] = '\0';
	if (s >= 3600)
		off += fmt_format(buf + off, n - (unsigned)off, "%lluh",
		    (unsigned long long)(s / 3600));
	if (s % 3600 >= 60 && (unsigned)off < n)
		off += fmt_format(buf + off, n - (unsigned)off, "%llum",
		    (unsigned long long)(s % 3600 / 60));
	if ((s % 60 || (s == 0 && ms == 0)) && (unsigned)off < n)
		off += fmt_format(buf + off, n - (unsigned)off, "%llus",
		    (unsigned long long)(s % 60));
	if (ms && (unsigned)off < n)
		(void)fmt_format(buf + off, n - (unsigned)off, "%llums",
		    (unsigned long long)ms);
	return buf;
}
