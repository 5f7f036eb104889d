/* SPDX-License-Identifier: MIT */
/*
 * sysabi.c - the socket calls of the ABIs that had only socketcall(2)
 * before Linux 4.3 (i386, s390x): sysabi.h's sysabi_sock().
 */
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
#else
typedef int sysabi_none;	/* ISO C wants something in a file */
#endif
