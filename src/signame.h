/* SPDX-License-Identifier: MIT */
/*
 * signame.h - signal names <-> numbers, and the -r rewrite table.
 *
 * Pure. Numbers follow the Linux kernel (1-64). Real-time signals are named
 * as glibc, procps and bash's `kill -l` name them (RTMIN = 34, RTMAX = 64),
 * whatever libc tend itself is built with, so "RTMIN+3" means the same
 * signal to tend as to the glibc apps it usually runs.
 */
#ifndef TEND_SIGNAME_H
#define TEND_SIGNAME_H

#include <errno.h>
#include <stdbool.h>

#define SIGNAME_MAX	64	/* highest Linux signal number */
#define SIGNAME_RTMIN	34
#define SIGNAME_RTMAX	64

/*
 * Parse "TERM", "SIGTERM", "sigterm", "15", "RTMIN+3" or "RTMAX-1".
 * Returns the number (1-31, 34-64), SIGNAME_RESERVED for 32 and 33, which
 * glibc and musl keep for their threads (`kill -l` lists neither), or
 * -EINVAL if s names no signal.
 */
#define SIGNAME_RESERVED	(-EPERM)

int	signame_to_num(const char *s);

/*
 * Write the name of sig without the SIG prefix ("TERM", "RTMIN+3") into
 * buf; unknown numbers are written in decimal. Returns buf.
 */
const char *signame_from_num(int sig, char *buf, unsigned n);

/* True for signals no process can catch or block (KILL, STOP). */
bool	signame_is_uncatchable(int sig);

/*
 * The rewrite table of -r FROM:TO. All zeroes is the identity, so a
 * zeroed config needs no set-up: to[FROM] is 0 for "unchanged",
 * SIGMAP_DROP for "drop", or the signal to forward instead.
 */
#define SIGMAP_DROP	0xff

struct sigmap {
	unsigned char	to[SIGNAME_MAX + 1];
};

/* Record -r from:to (to 0 drops). */
void	sigmap_set(struct sigmap *m, int from, int to);

/* The signal to forward when sig arrives: sig itself, another, or 0 to drop. */
int	sigmap_get(const struct sigmap *m, int sig);

#endif
