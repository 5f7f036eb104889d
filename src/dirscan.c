/* SPDX-License-Identifier: MIT */
/*
 * dirscan.c - getdents64(2) over a directory, numeric names only; and a
 * file of pids.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "dirscan.h"
#include "parse.h"
#include "sysabi.h"

struct dirent64_raw {
	uint64_t	d_ino;
	int64_t		d_off;
	unsigned short	d_reclen;
	unsigned char	d_type;
	char		d_name[];
};

int
dirscan_numbers_at(int at, const char *path,
    int (*fn)(void *ctx, long n, int dirfd), void *ctx)
{
	union { char c[4096]; uint64_t align; } buf;
	struct dirent64_raw *de;
	long got, off;
	uint64_t n;
	int fd, r = 0;

	if ((fd = sysabi_openat(at, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return -errno;
	while (r == 0 && (got = syscall(SYS_getdents64, fd, buf.c, sizeof(buf.c))) > 0)
		for (off = 0; r == 0 && off < got; off += de->d_reclen) {
			de = (struct dirent64_raw *)(buf.c + off);
			/* Pids and fds are far below the cap. */
			if (parse_uint(de->d_name, 0x7fffffff, &n) == 0)
				r = fn(ctx, (long)n, fd);
		}
	(void)close(fd);
	return r;
}

int
dirscan_pids_at(int at, const char *path, void (*fn)(void *ctx, long pid),
    void *ctx)
{
	char buf[256];
	long pid = -1;
	ssize_t n, i;
	int fd;

	if ((fd = sysabi_openat(at, path, O_RDONLY | O_CLOEXEC)) < 0)
		return -errno;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		for (i = 0; i < n; i++)
			if (buf[i] >= '0' && buf[i] <= '9' && pid < 0x7ffffff)
				pid = (pid < 0 ? 0 : pid * 10) + (buf[i] - '0');
			else if (pid >= 0) {
				fn(ctx, pid);
				pid = -1;
			}
	if (pid >= 0)
		fn(ctx, pid);
	(void)close(fd);
	return 0;
}
