/* SPDX-License-Identifier: MIT */
/*
 * fdutil.c - fd_close_stray(): close_range() around the fds tend keeps.
 */
#include <stdbool.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "dirscan.h"
#include "fdutil.h"
#include "sysabi.h"

static bool
fd_kept(int fd, const int *keep, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (keep[i] == fd)
			return true;
	return false;
}

struct fd_keep {
	const int	*keep;
	size_t		 n;
};

static int
fd_close_one(void *ctx, long fd, int dirfd)
{
	const struct fd_keep *k = ctx;

	if (fd > 2 && fd != dirfd && !fd_kept((int)fd, k->keep, k->n))
		(void)close((int)fd);
	return 0;
}

/* Kernels before 5.9: walk /proc/self/fd instead. */
static void
fd_close_stray_slow(const int *keep, size_t n)
{
	struct fd_keep k = { keep, n };

	(void)dirscan_numbers("/proc/self/fd", fd_close_one, &k);
}

void
fd_close_stray(const int *keep, size_t n)
{
	unsigned int lo = 3, next;
	size_t i;

	/* Close the gaps between the kept fds, lowest first. */
	for (;;) {
		next = ~0U;
		/* Unsigned: a negative fd (none) is never below next. */
		for (i = 0; i < n; i++)
			if ((unsigned)keep[i] >= lo && (unsigned)keep[i] < next)
				next = (unsigned)keep[i];
		if (next > lo && syscall(SYSABI_close_range, lo, next - 1, 0) < 0) {
			fd_close_stray_slow(keep, n);
			return;
		}
		if (next == ~0U)
			return;
		lo = next + 1;
	}
}
