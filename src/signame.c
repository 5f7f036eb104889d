/* SPDX-License-Identifier: MIT */
/*
 * signame.c - the Linux signal name table and parsing.
 *
 * The numbers are x86/arm/generic Linux's, written out rather than taken
 * from <signal.h> so the pure code and its tests mean the same thing under
 * glibc and musl (whose SIGRTMIN differ).
 */
#include <errno.h>
#include <string.h>
#include <strings.h>

#include "fmt.h"
#include "parse.h"
#include "signame.h"

static const char *const signame_table[32] = {
	[1] = "HUP", [2] = "INT", [3] = "QUIT", [4] = "ILL", [5] = "TRAP",
	[6] = "ABRT", [7] = "BUS", [8] = "FPE", [9] = "KILL", [10] = "USR1",
	[11] = "SEGV", [12] = "USR2", [13] = "PIPE", [14] = "ALRM",
	[15] = "TERM", [16] = "STKFLT", [17] = "CHLD", [18] = "CONT",
	[19] = "STOP", [20] = "TSTP", [21] = "TTIN", [22] = "TTOU",
	[23] = "URG", [24] = "XCPU", [25] = "XFSZ", [26] = "VTALRM",
	[27] = "PROF", [28] = "WINCH", [29] = "IO", [30] = "PWR", [31] = "SYS",
};

/* Aliases accepted on input only. */
static const struct {
	const char	*name;
	int		 num;
} signame_alias[] = {
	{ "IOT", 6 }, { "CLD", 17 }, { "POLL", 29 },
};

/* "RTMIN", "RTMIN+n", "RTMAX", "RTMAX-n" -> number, or -EINVAL. */
static int
signame_rt(const char *s)
{
	uint64_t off = 0;
	int base, sign;

	if (strncasecmp(s, "RTMIN", 5) == 0) {
		base = SIGNAME_RTMIN;
		sign = '+';
	} else if (strncasecmp(s, "RTMAX", 5) == 0) {
		base = SIGNAME_RTMAX;
		sign = '-';
	} else
		return -EINVAL;
	s += 5;
	if (*s != '\0') {
		if (*s != sign || parse_uint(s + 1, SIGNAME_RTMAX - SIGNAME_RTMIN,
		    &off) < 0)
			return -EINVAL;
	}
	return sign == '+' ? base + (int)off : base - (int)off;
}

int
signame_to_num(const char *s)
{
	uint64_t v;
	size_t i;
	int r;

	if (s == NULL || *s == '\0')
		return -EINVAL;
	if (*s >= '0' && *s <= '9') {
		if (parse_uint(s, SIGNAME_MAX, &v) < 0 || v == 0)
			return -EINVAL;
		return v == 32 || v == 33 ? SIGNAME_RESERVED : (int)v;
	}
	if (strncasecmp(s, "SIG", 3) == 0)
		s += 3;
	for (i = 1; i < 32; i++)
		if (strcasecmp(s, signame_table[i]) == 0)
			return (int)i;
	for (i = 0; i < sizeof(signame_alias) / sizeof(signame_alias[0]); i++)
		if (strcasecmp(s, signame_alias[i].name) == 0)
			return signame_alias[i].num;
	r = signame_rt(s);
	return r >= SIGNAME_RTMIN && r <= SIGNAME_RTMAX ? r : -EINVAL;
}

const char *
signame_from_num(int sig, char *buf, unsigned n)
{
	if (sig > 0 && sig < 32)
		(void)fmt_format(buf, n, "%s", signame_table[sig]);
	else if (sig == SIGNAME_RTMIN)
		(void)fmt_format(buf, n, "RTMIN");
	else if (sig > SIGNAME_RTMIN && sig <= SIGNAME_RTMAX)
		(void)fmt_format(buf, n, "RTMIN+%d", sig - SIGNAME_RTMIN);
	else
		(void)fmt_format(buf, n, "%d", sig);
	return buf;
}

bool
signame_is_uncatchable(int sig)
{
	return sig == 9 || sig == 19;
}

void
sigmap_set(struct sigmap *m, int from, int to)
{
	if (from > 0 && from <= SIGNAME_MAX)
		m->to[from] = (unsigned char)(to == 0 ? SIGMAP_DROP : to);
}

int
sigmap_get(const struct sigmap *m, int sig)
{
	if (sig <= 0 || sig > SIGNAME_MAX || m->to[sig] == 0)
		return sig;
	return m->to[sig] == SIGMAP_DROP ? 0 : m->to[sig];
}
