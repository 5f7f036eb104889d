/* SPDX-License-Identifier: MIT */
/*
 * sockenosys PROGRAM [ARG...] - run PROGRAM as on a kernel before Linux 4.3
 * on an ABI whose sockets then went only through socketcall(2) (i386,
 * s390x): a seccomp filter makes this ABI's direct socket system calls
 * (socket, bind, connect, ..., shutdown) fail with ENOSYS, and leaves
 * socketcall and everything else alone. The filter is inherited by every
 * child; it looks only at this ABI's calls, so a 64-bit program beside it
 * on the same kernel is not touched.
 *
 * Before the exec it checks itself: a direct socket() must now fail with
 * ENOSYS and socketcall's socket must still work, or it exits 1.
 * Exits 77 (skip), saying why, where this cannot be done: an ABI without
 * socketcall (the direct calls are all there is), or seccomp refused (an
 * old kernel, or qemu-user, which keeps seccomp to itself).
 *
 * This is a test helper: it makes system calls freely and is not part of
 * tend.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(SYS_socketcall) && defined(SYS_socket) && \
    (defined(__i386__) || defined(__s390x__))
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>

#ifdef __i386__
#define SOCKENOSYS_ARCH	AUDIT_ARCH_I386
#else
#define SOCKENOSYS_ARCH	AUDIT_ARCH_S390X
#endif

static const long sockenosys_calls[] = {
	SYS_socket, SYS_socketpair, SYS_bind, SYS_connect, SYS_listen,
	SYS_accept4, SYS_getsockopt, SYS_setsockopt, SYS_getsockname,
	SYS_getpeername, SYS_sendto, SYS_sendmsg, SYS_recvfrom, SYS_recvmsg,
	SYS_shutdown,
};
#define SOCKENOSYS_N	(sizeof(sockenosys_calls) / sizeof(sockenosys_calls[0]))

/* 1 when the filter is in place, 0 when seccomp is refused (errno set). */
static int
sockenosys_install(void)
{
	/*
	 * 0: the call's ABI; 1: not this ABI -> allow; 2: its number;
	 * 3..3+N-1: one of the direct socket calls -> ENOSYS;
	 * 3+N: allow; 4+N: ENOSYS.
	 */
	struct sock_filter f[SOCKENOSYS_N + 5];
	struct sock_fprog prog = { .len = SOCKENOSYS_N + 5, .filter = f };
	size_t i;

	f[0] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
	    offsetof(struct seccomp_data, arch));
	f[1] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
	    SOCKENOSYS_ARCH, 0, SOCKENOSYS_N + 1);
	f[2] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
	    offsetof(struct seccomp_data, nr));
	for (i = 0; i < SOCKENOSYS_N; i++)
		f[3 + i] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
		    (unsigned int)sockenosys_calls[i], (unsigned char)(SOCKENOSYS_N - i), 0);
	f[3 + SOCKENOSYS_N] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K,
	    SECCOMP_RET_ALLOW);
	f[4 + SOCKENOSYS_N] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K,
	    SECCOMP_RET_ERRNO | (ENOSYS & SECCOMP_RET_DATA));
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 ||
	    prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) < 0)
		return 0;
	return 1;
}

/* The check: direct socket() says ENOSYS, socketcall's socket works. */
static const char *
sockenosys_check(void)
{
	long args[6] = { AF_UNIX, SOCK_STREAM, 0, 0, 0, 0 };
	long fd;

	errno = 0;
	if (syscall(SYS_socket, AF_UNIX, SOCK_STREAM, 0) != -1 || errno != ENOSYS)
		return "a direct socket() did not fail with ENOSYS";
	if ((fd = syscall(SYS_socketcall, 1 /* SYS_SOCKET */, args)) < 0)
		return "socketcall's socket failed";
	(void)close((int)fd);
	return NULL;
}
#endif

int
main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: sockenosys PROGRAM [ARG...]\n");
		return 2;
	}
#if defined(SOCKENOSYS_ARCH)
	const char *bad;

	if (!sockenosys_install()) {
		printf("sockenosys: seccomp refused (%s): cannot hide the direct socket calls\n",
		    strerror(errno));
		return 77;
	}
	if ((bad = sockenosys_check()) != NULL) {
		fprintf(stderr, "sockenosys: %s: %s\n", bad, strerror(errno));
		return 1;
	}
	execvp(argv[1], argv + 1);
	fprintf(stderr, "sockenosys: %s: %s\n", argv[1], strerror(errno));
	return 127;
#else
	(void)argv;
	printf("sockenosys: this ABI has no socketcall(2): its direct socket calls are all there is\n");
	return 77;
#endif
}
