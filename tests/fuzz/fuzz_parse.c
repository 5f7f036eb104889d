/* SPDX-License-Identifier: MIT */
/*
 * fuzz_parse.c - libFuzzer target for the scalar parsers: durations,
 * unsigned integers, booleans and signal names (parse.c, signame.c).
 *
 * The input, made a C string in an exact-size heap block, goes to each
 * parser. Besides not crashing, every result must keep its promises:
 *  - a duration is at most 1000 days, a whole number of milliseconds,
 *    and formats back to text that parses to the same value;
 *  - parse_uint agrees with a plain reference implementation;
 *  - a signal is 1-64, its name parses back to it, and case, a "SIG"
 *    prefix and leading zeros in RTMIN+n do not change what it means.
 * The first 8 bytes are also read as a raw number of nanoseconds to check
 * that formatting any duration gives text the parser accepts.
 */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "parse.h"
#include "signame.h"

#define DURATION_MAX	(1000ULL * 24 * 3600 * NSEC_PER_SEC)

/* The obvious implementation: digits only, at least one, no overflow. */
static int
ref_uint(const char *s, uint64_t max, uint64_t *ret)
{
	unsigned __int128 v = 0;
	bool big = false;

	if (*s == '\0')
		return -EINVAL;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -EINVAL;
		v = v * 10 + (unsigned)(*s - '0');
		if (v > max)
			big = true, v = (unsigned __int128)max + 1;
	}
	if (big)
		return -ERANGE;
	*ret = (uint64_t)v;
	return 0;
}

static void
check_uint(const char *s)
{
	static const uint64_t maxes[] = { 0, 1, 9, 10, 255, 1000000,
	    UINT32_MAX, UINT64_MAX / 10, UINT64_MAX - 1, UINT64_MAX };
	uint64_t got, want;
	size_t i;
	int r, rr;

	for (i = 0; i < sizeof(maxes) / sizeof(maxes[0]); i++) {
		got = want = 12345;
		r = parse_uint(s, maxes[i], &got);
		rr = ref_uint(s, maxes[i], &want);
		/* A non-digit after an overflow may be either error. */
		if (rr == -EINVAL && r == -ERANGE)
			continue;
		CHECK(r == rr);
		if (r == 0)
			CHECK(got == want && got <= maxes[i]);
		else
			CHECK(got == 12345);
	}
}

static void
check_duration_text(uint64_t ns)
{
	char buf[64], small[8];
	uint64_t back = 1;

	CHECK(parse_format_duration(ns, buf, sizeof(buf)) == buf);
	CHECK(strlen(buf) > 0 && strlen(buf) < sizeof(buf) - 1);
	CHECK(parse_duration(buf, &back) == 0);
	CHECK(back == ns - ns % NSEC_PER_MSEC);
	/* A short buffer truncates, always terminated. */
	(void)parse_format_duration(ns, small, sizeof(small));
	CHECK(memchr(small, '\0', sizeof(small)) != NULL);
}

static void
check_duration(const char *s)
{
	uint64_t ns = 7;
	int r;

	r = parse_duration(s, &ns);
	CHECK(r == 0 || r == -EINVAL || r == -ERANGE);
	if (r != 0) {
		CHECK(ns == 7);
		return;
	}
	CHECK(ns <= DURATION_MAX);
	CHECK(ns % NSEC_PER_MSEC == 0);
	check_duration_text(ns);
}

static void
check_bool(const char *s)
{
	bool b = false;
	int r = parse_bool(s, &b);

	CHECK(r == 0 || r == -EINVAL);
	if (r == 0)
		CHECK(strlen(s) <= 5);
}

/* s with "SIG" dropped or added and its case flipped must mean the same. */
static void
check_signal_variants(const char *s, int sig)
{
	char *v;
	size_t n = strlen(s), i;

	if ((v = malloc(n + 4)) == NULL)
		return;
	for (i = 0; i <= n; i++)
		v[i] = (char)(islower((unsigned char)s[i]) ?
		    toupper((unsigned char)s[i]) : tolower((unsigned char)s[i]));
	CHECK(signame_to_num(v) == sig);
	if (s[0] < '0' || s[0] > '9') {
		if (strncasecmp(s, "SIG", 3) != 0) {
			memcpy(v, "SIG", 3);
			memcpy(v + 3, s, n + 1);
			CHECK(signame_to_num(v) == sig);
		}
	}
	free(v);
}

static void
check_signal(const char *s)
{
	char name[16], num[16];
	int sig = signame_to_num(s);

	if (sig < 0) {
		CHECK(sig == -EINVAL || sig == SIGNAME_RESERVED);
		return;
	}
	CHECK(sig >= 1 && sig <= SIGNAME_MAX);
	CHECK(signame_from_num(sig, name, sizeof(name)) == name);
	CHECK(signame_to_num(name) == sig);
	(void)snprintf(num, sizeof(num), "%d", sig);
	CHECK(signame_to_num(num) == sig);
	check_signal_variants(s, sig);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint64_t raw = 0;
	char *s;

	if ((s = malloc(size + 1)) == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	check_uint(s);
	check_duration(s);
	check_bool(s);
	check_signal(s);
	memcpy(&raw, data, size < sizeof(raw) ? size : sizeof(raw));
	check_duration_text(raw % (DURATION_MAX + 1));
	free(s);
	return 0;
}
