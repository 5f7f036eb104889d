/* SPDX-License-Identifier: MIT */
/*
 * argdump FILE [ARG...] - write what this process was started with.
 *
 * FILE gets every ARG (not argv[0] or FILE) and FILE.env the whole
 * environment, each string followed by a NUL, exactly as received, so a
 * test can compare them byte for byte with what it passed to the init.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

static int
write_all(int fd, const char *s, size_t n)
{
	ssize_t w;

	while (n > 0) {
		if ((w = write(fd, s, n)) <= 0)
			return -1;
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

static int
dump(const char *path, char **strs)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);

	if (fd < 0)
		return -1;
	for (; *strs; strs++)
		if (write_all(fd, *strs, strlen(*strs) + 1) < 0) {
			close(fd);
			return -1;
		}
	return close(fd);
}

int
main(int argc, char **argv)
{
	char *envpath;

	if (argc < 2)
		return 2;
	if ((envpath = malloc(strlen(argv[1]) + 5)) == NULL)
		return 1;
	strcpy(envpath, argv[1]);
	strcat(envpath, ".env");
	if (dump(argv[1], argv + 2) < 0 || dump(envpath, environ) < 0) {
		perror("argdump");
		return 1;
	}
	free(envpath);
	return 0;
}
