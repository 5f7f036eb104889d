/* SPDX-License-Identifier: MIT */
/*
 * sysabi.c - what sysabi.h cannot be inline: read, write, close and poll
 * without libc's cancellation, and kill, setpgid, chdir, execve, getpid,
 * getpgrp, dup2 (where the ABI has it) and setitimer (64-bit ABIs) as the
 * plain system calls they are (static musl build: musl's wrappers each end
 * in a call of their own to set errno); sysabi_sock() for the
 * socket calls of the ABIs that had only socketcall(2) before Linux 4.3
 * (i386, s390x), and ppc64's one call to libc's syscall().
 */
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <sys/time.h>
#include <unistd.h>

#include "sysabi.h"

#ifdef SYSABI_SOCK
/*
 * The direct call first; a kernel before 4.3 (or a seccomp profile of that
 * era) answers ENOSYS, and then the same call goes through socketcall,
 * which takes the six arguments as an array. -1 and errno, as libc's.
 */
long
sysabi_sock6(int op, long a, long b, long c, long d, long e, long f)
{
	long v[6] = { a, b, c, d, e, f };
	long r = syscall(op >> 5, a, b, c, d, e, f);

	if (r < 0 && errno == ENOSYS)
		r = syscall(SYS_socketcall, op & 31, v);
	return r;
}

long
sysabi_sock(int op, long a, long b, long c, long d)
{
	return sysabi_sock6(op, a, b, c, d, 0, 0);
}
#endif

#ifdef TEND_OWN_LIBC
/* NOLINTBEGIN(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp): the C library's names */
int
close(int fd)
{
	int r = (int)syscall(SYS_close, fd);

	return r < 0 && errno == EINTR ? 0 : r;
}

ssize_t
read(int fd, void *buf, size_t len)
{
	return syscall(SYS_read, fd, buf, len);
}

ssize_t
write(int fd, const void *buf, size_t len)
{
	return syscall(SYS_write, fd, buf, len);
}

int
poll(struct pollfd *fds, nfds_t n, int timeout_ms)
{
#ifdef SYS_poll
	return (int)syscall(SYS_poll, fds, n, timeout_ms);
#else
	/* arm64, riscv64: only ppoll, whose timeout is a timespec. */
	struct timespec ts = { timeout_ms / 1000, timeout_ms % 1000 * 1000000L };

	return (int)syscall(SYS_ppoll, fds, n, timeout_ms >= 0 ? &ts : NULL,
	    NULL, SYSABI_SIGSET_BYTES);
#endif
}

int
kill(pid_t pid, int sig)
{
	return (int)syscall(SYS_kill, pid, sig);
}

int
setpgid(pid_t pid, pid_t pgid)
{
	return (int)syscall(SYS_setpgid, pid, pgid);
}

int
chdir(const char *path)
{
	return (int)syscall(SYS_chdir, path);
}

int
execve(const char *path, char *const argv[], char *const envp[])
{
	return (int)syscall(SYS_execve, path, argv, envp);
}

pid_t
getpid(void)
{
	return (pid_t)syscall(SYS_getpid);
}

pid_t
getpgrp(void)
{
	return (pid_t)syscall(SYS_getpgid, 0);
}

#ifdef SYS_dup2
/* Where the ABI has dup2 (arm64 and riscv64 have only dup3). */
int
dup2(int fd, int to)
{
	return (int)syscall(SYS_dup2, fd, to);
}
#endif

#if __SIZEOF_LONG__ == 8
/* 64-bit: struct itimerval is the kernel's (32-bit: libc converts times). */
int
setitimer(int which, const struct itimerval *it, struct itimerval *old)
{
	return (int)syscall(SYS_setitimer, which, it, old);
}
#endif
/* NOLINTEND(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
#endif

/* Last: the code above calls it too. */
#ifdef SYSABI_SYSCALL_LOCAL
#undef syscall
long
sysabi_syscall(long n, ...)
{
	va_list ap;
	long a, b, c, d, e, f;

	/* Six, whatever was passed, as libc's own syscall() reads them. */
	va_start(ap, n);
	a = va_arg(ap, long);
	b = va_arg(ap, long);
	c = va_arg(ap, long);
	d = va_arg(ap, long);
	e = va_arg(ap, long);
	f = va_arg(ap, long);
	va_end(ap);
	return syscall(n, a, b, c, d, e, f);
}
#endif
