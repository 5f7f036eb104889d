/* SPDX-License-Identifier: MIT */
/*
 * control.c - the abstract unix socket of "tend status", both ends.
 */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "control.h"
#include "fmt.h"

/* "\0tend-status-pid:[<pid namespace inode>]"; returns the address length. */
static socklen_t
control_addr(struct sockaddr_un *sun)
{
	char ns[64];
	ssize_t len;
	int n;

	memset(sun, 0, sizeof(*sun));
	sun->sun_family = AF_UNIX;
	if ((len = readlink("/proc/self/ns/pid", ns, sizeof(ns) - 1)) < 0)
		len = 0;
	ns[len] = '\0';
	n = fmt_format(sun->sun_path + 1, sizeof(sun->sun_path) - 1,
	    "tend-status-%s", ns);
	return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + (size_t)n);
}

int
control_listen(void)
{
	struct sockaddr_un sun;
	socklen_t len = control_addr(&sun);
	int fd, e;

	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	if (bind(fd, (struct sockaddr *)&sun, len) < 0 || listen(fd, 16) < 0) {
		e = errno;
		(void)close(fd);
		return -e;
	}
	return fd;
}

void
control_answer(int lfd, const char *line, size_t len)
{
	int c;

	while ((c = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0) {
		/* A short line always fits the socket buffer: this cannot block. */
		(void)!send(c, line, len, MSG_NOSIGNAL | MSG_DONTWAIT);
		(void)close(c);
	}
}

int
control_query(char *buf, size_t n, int timeout_ms)
{
	struct sockaddr_un sun;
	socklen_t len = control_addr(&sun);
	struct pollfd pfd;
	size_t got = 0;
	ssize_t r;
	int fd, e;

	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0)
		return -errno;
	if (connect(fd, (struct sockaddr *)&sun, len) < 0) {
		e = errno;
		(void)close(fd);
		return -e;
	}
	pfd.fd = fd;
	pfd.events = POLLIN;
	while (got < n - 1 && poll(&pfd, 1, timeout_ms) > 0) {
		r = read(fd, buf + got, n - 1 - got);
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	(void)close(fd);
	buf[got] = '\0';
	return got > 0 ? (int)got : -ETIMEDOUT;
}
