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

/*
 * The names of signals 1-31 in order, then the aliases accepted on input
 * only (IOT 6, CLD 17, POLL 29): one string, no table of pointers.
 */
static const char signames[] =
    "HUP\0INT\0QUIT\0ILL\0TRAP\0ABRT\0BUS\0FPE\0KILL\0USR1\0SEGV\0USR2\0"
    "PIPE\0ALRM\0TERM\0STKFLT\0CHLD\0CONT\0STOP\0TSTP\0TTIN\0TTOU\0URG\0"
    "XCPU\0XFSZ\0VTALRM\0PROF\0WINCH\0IO\0PWR\0SYS\0IOT\0CLD\0POLL";
#define SIGNAME_ALIASES	"\6\21\35"

int
signame_to_num(const char *s)
{
	const char *p;
	uint64_t v, max = SIGNAME_MAX;
	int base = 0, sign = '+';
	size_t i;

	if (s == NULL || *s == '\0')
		return -EINVAL;
	if (*s < '0' || *s > '9') {
		if (strncasecmp(s, "SIG", 3) == 0)
			s += 3;
		for (i = 1, p = signames; i < 32 + sizeof(SIGNAME_ALIASES) - 1; i++) {
			if (strcasecmp(s, p) == 0)
				return i < 32 ? (int)i : SIGNAME_ALIASES[i - 32];
			while (*p++ != '\0')
				;	/* to the next name */
		}
		/* "RTMIN", "RTMIN+n", "RTMAX", "RTMAX-n": n is parsed below. */
		if (strncasecmp(s, "RTMIN", 5) == 0)
			base = SIGNAME_RTMIN;
		else if (strncasecmp(s, "RTMAX", 5) == 0) {
			base = SIGNAME_RTMAX;
			sign = '-';
		} else
			return -EINVAL;
		s += 5;
		if (*s == '\0')
			return base;
		if (*s++ != sign)
			return -EINVAL;
		max = SIGNAME_RTMAX - SIGNAME_RTMIN;
	}
	/* Never out of range: an offset is at most RTMAX - RTMIN. */
	if (parse_uint(s, max, &v) < 0)
		return -EINVAL;
	base += sign == '+' ? (int)v : -(int)v;
	if (base == 0)
		return -EINVAL;
	return base == 32 || base == 33 ? SIGNAME_RESERVED : base;
}

const char *
signame_from_num(int sig, char *buf, unsigned n)
{
	const char *p = signames;
	int i;

	if (sig > 0 && sig < 32) {
		for (i = 1; i < sig; i++)
			while (*p++ != '\0')
				;	/* to the next name */
		(void)fmt_format(buf, n, "%s", p);
	}
	else if (sig >= SIGNAME_RTMIN && sig <= SIGNAME_RTMAX)
		(void)fmt_format(buf, n, sig == SIGNAME_RTMIN ? "RTMIN" :
		    "RTMIN+%d", sig - SIGNAME_RTMIN);
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
