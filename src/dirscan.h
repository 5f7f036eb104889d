/* SPDX-License-Identifier: MIT */
/*
 * dirscan.h - the numeric entries of a directory (/proc, /proc/self/fd),
 * read with getdents64(2) directly: opendir() would allocate.
 */
#ifndef TEND_DIRSCAN_H
#define TEND_DIRSCAN_H

#include <fcntl.h>

/*
 * Call fn(ctx, n, dirfd) for every entry of path (relative to the
 * directory at, or AT_FDCWD) whose name is a decimal number n (dirfd is
 * the open directory, for openat); fn returns 0 to go on. Returns 0,
 * -errno if path cannot be read, or fn's non-zero result.
 */
int	dirscan_numbers_at(int at, const char *path,
	    int (*fn)(void *ctx, long n, int dirfd), void *ctx);

#define dirscan_numbers(path, fn, ctx) \
	dirscan_numbers_at(AT_FDCWD, (path), (fn), (ctx))

#endif
