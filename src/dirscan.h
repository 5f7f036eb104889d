/* SPDX-License-Identifier: MIT */
/*
 * dirscan.h - the numeric entries of a directory (/proc, /proc/self/fd),
 * read with getdents64(2) directly: opendir() would allocate; and the pids
 * of a children file (/proc/PID/task/TID/children).
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

/*
 * Call fn(ctx, pid) for every pid in the file path (relative to at), a
 * list of decimal numbers such as "12 345 " that the kernel writes. Returns
 * 0, or -errno if path cannot be opened.
 */
int	dirscan_pids_at(int at, const char *path,
	    void (*fn)(void *ctx, long pid), void *ctx);

#endif
