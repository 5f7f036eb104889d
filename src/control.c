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
#include "deadline.h"
#include "fmt.h"
#include "sysabi.h"
#include "tend.h"

/*
 * A socket at "\0tend-status-pid:[<pid namespace inode>]": listening
 * (end 0), or connected without ever blocking, a full backlog retried
 * until end, to a listener in this PID namespace. Returns the fd, or -errno.
 */
static int
control_open(uint64_t end)
{
	struct sockaddr_un sun;
	struct ucred cr;
	socklen_t crlen = sizeof(cr);
	char ns[64] = "";
	int fd, n, r;

	/* Only the bytes len covers count: no need to clear the rest. */
	sun.sun_family = AF_UNIX;
	sun.sun_path[0] = '\0';
	/* Zeroed: the link's text, at most sizeof(ns) - 1 bytes, ends in a NUL. */
	(void)sysabi_readlinkat(AT_FDCWD, "/proc/self/ns/pid", ns, sizeof(ns) - 1);
	n = fmt_format(sun.sun_path + 1, sizeof(sun.sun_path) - 1,
	    "tend-status-%s", ns);
	n += (int)offsetof(struct sockaddr_un, sun_path) + 1;
	/* Failed, fd is -1: close() fails harmlessly. */
	if ((fd = sysabi_socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0)) < 0)
		goto fail;
	if (!end) {
		if (sysabi_bind(fd, &sun, (socklen_t)n) < 0 || sysabi_listen(fd, 16) < 0)
			goto fail;
		return fd;
	}
	while (sysabi_connect(fd, &sun, (socklen_t)n) < 0) {
		if ((r = -errno) != -EAGAIN)
			goto out;
		if (clock_now() >= end) {
			r = -ETIMEDOUT;
			goto out;
		}
		(void)poll(NULL, 0, 10);
	}
	/*
	 * Abstract names belong to the network namespace, not to us: believe
	 * only a listener this PID namespace can see (pid 0 means it cannot).
	 */
	if (sysabi_getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cr, &crlen) < 0)
		goto fail;
	if (cr.pid > 0)
		return fd;
	r = -EPERM;
	goto out;
fail:
	r = -errno;
out:
	(void)close(fd);
	return r;
}

int
control_listen(void)
{
	return control_open(0);
}

int
control_answer(int lfd, const char *line, size_t len)
{
	int c, i;

	/* A few per wake-up: the rest wait in the backlog behind signals. */
	for (i = 0; i < CONTROL_BATCH &&
	    (c = sysabi_accept4(lfd, SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0; i++) {
		/* A short line always fits the socket buffer: this cannot block. */
		(void)!sysabi_send(c, line, len, MSG_NOSIGNAL | MSG_DONTWAIT);
		(void)close(c);
	}
	return i;
}

int
control_query(char *buf, size_t n, int timeout_ms)
{
	/* The monotonic clock is far from wrapping: no saturation needed. */
	uint64_t end = clock_now() + (uint64_t)timeout_ms * 1000000;
	struct pollfd pfd;
	size_t got = 0;
	ssize_t r;
	char *nl;
	int e = 0;

	if ((pfd.fd = control_open(end)) < 0)
		return pfd.fd;
	pfd.events = POLLIN;
	/* One deadline for the whole answer, however it is dripped. */
	while (got < n - 1) {
		if (poll(&pfd, 1, deadline_timeout_ms(end, clock_now())) == 0) {
			e = -ETIMEDOUT;
			break;
		}
		r = read(pfd.fd, buf + got, n - 1 - got);
		if (r == 0)
			break;		/* the answer ends here */
		if (r < 0) {
			if (errno == EAGAIN || errno == EINTR)
				continue;
			e = -errno;
			break;
		}
		nl = memchr(buf + got, '\n', (size_t)r);
		got += (size_t)r;
		if (nl != NULL) {
			got = (size_t)(nl + 1 - buf);
			break;
		}
	}
	(void)close(pfd.fd);
	buf[got] = '\0';
	return e < 0 ? e : got ? (int)got : -ENODATA;
}
