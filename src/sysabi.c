/* SPDX-License-Identifier: MIT */
/*
 * sysabi.c - what sysabi.h cannot be inline: sysabi_sock(), the socket
 * calls of the ABIs that had only socketcall(2) before Linux 4.3 (i386,
 * s390x), and ppc64's one call to libc's syscall(). Empty elsewhere.
 */
#include <stdarg.h>

#include "sysabi.h"

#ifdef syscall
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
