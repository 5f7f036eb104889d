/* SPDX-License-Identifier: MIT */
/*
 * dirscan.c - getdents64(2) over a directory, numeric names only.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "dirscan.h"

struct dirent64_raw {
	uint64_t	d_ino;
	int64_t		d_off;
	unsigned short	d_reclen;
	unsigned char	d_type;
	char		d_name[];
};

/* The decimal number name is, or -1. */
static long
dirscan_parse(const char *name)
{
	long n = 0;

	if (*name == '\0')
		return -1;
	for (; *name; name++) {
		if (*name < '0' || *name > '9' || n > 0x7ffffff)
			return -1;
		n = n * 10 + (*name - '0');
	}
	return n;
}

int
dirscan_numbers_at(int at, const char *path,
    int (*fn)(void *ctx, long n, int dirfd), void *ctx)
{
	union { char c[4096]; uint64_t align; } buf;
	struct dirent64_raw *de;
	long got, off, n;
	int fd, r = 0;

	if ((fd = openat(at, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return -errno;
	while (r == 0 && (got = syscall(SYS_getdents64, fd, buf.c, sizeof(buf.c))) > 0)
		for (off = 0; r == 0 && off < got; off += de->d_reclen) {
			de = (struct dirent64_raw *)(buf.c + off);
			if ((n = dirscan_parse(de->d_name)) >= 0)
				r = fn(ctx, n, fd);
		}
	(void)close(fd);
	return r;
}
