/* SPDX-License-Identifier: MIT */
/*
 * sysabi.h - the one place that knows how each Linux ABI spells the raw
 * system calls tend makes without libc, and the layout of what they take.
 *
 * Call sites use the SYSABI_* names and helpers below and nothing else, so
 * no source file needs an #ifdef per architecture:
 *  - identity: on i386 and arm the plain setuid/setgid/setgroups calls take
 *    16-bit ids (uid 100000 would become 34464, and a group list would be
 *    read as 16-bit halves: group 0 appears); the 32-bit ones are *32;
 *  - signals: the kernel's sigset is _NSIG bits (64; 128 on mips), not
 *    sizeof(long), and its struct sigaction differs per architecture;
 *  - clocks: a 32-bit musl with a 64-bit time_t has no SYS_clock_gettime,
 *    only clock_gettime64 (Linux >= 5.1) and the old clock_gettime32;
 *  - close_range has the same number everywhere except mips and alpha.
 */
#ifndef TEND_SYSABI_H
#define TEND_SYSABI_H

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/*
 * syscall() is libc's, outside the LTO unit: on ppc64 each of tend's ~60
 * calls to it is "bl syscall; nop" (the nop is where the TOC would be
 * restored). Through sysabi.c's sysabi_syscall, inside the unit, there is
 * one (-144 B). Elsewhere a call costs the same either way, and the
 * wrapper would only add its own bytes.
 */
#if defined(__powerpc64__) && !defined(__CPPCHECK__)	/* it knows libc's */
#define SYSABI_SYSCALL_LOCAL	1
long sysabi_syscall(long n, ...);
#define syscall		sysabi_syscall
#endif

/* --- identity: the calls that take 32-bit ids --- */
#ifdef SYS_setuid32
#define SYSABI_setuid		SYS_setuid32
#define SYSABI_setgid		SYS_setgid32
#define SYSABI_setgroups	SYS_setgroups32
#else
#define SYSABI_setuid		SYS_setuid
#define SYSABI_setgid		SYS_setgid
#define SYSABI_setgroups	SYS_setgroups
#endif

/* --- signals: the kernel's own sigset size and struct sigaction --- */
#if defined(__mips__)
#define SYSABI_NSIG		128
#else
#define SYSABI_NSIG		64
#endif
#define SYSABI_SIGSET_BYTES	(SYSABI_NSIG / 8)	/* rt_sig*'s sigsetsize */

#if defined(__x86_64__) || defined(__i386__) || defined(__arm__) || \
    defined(__aarch64__) || defined(__powerpc__) || defined(__s390__) || \
    defined(__sh__) || defined(__m68k__)
#define SYSABI_SA_RESTORER	1
#elif defined(__riscv) || defined(__loongarch__) || defined(__mips__)
#define SYSABI_SA_RESTORER	0
#else
#error "sysabi.h: add this architecture's struct sigaction (see the kernel's uapi asm/signal.h)"
#endif

/* struct sigaction as rt_sigaction(2) reads it (not libc's). */
struct sysabi_sigaction {
#if defined(__mips__)
	unsigned int	flags;
	void		(*handler)(int);
#else
	void		(*handler)(int);
	unsigned long	flags;
#if SYSABI_SA_RESTORER
	void		(*restorer)(void);
#endif
#endif
	unsigned char	mask[SYSABI_SIGSET_BYTES];
};

/* --- close_range (Linux 5.9), if libc's headers predate it --- */
#ifdef SYS_close_range
#define SYSABI_close_range	SYS_close_range
#elif defined(__mips__) && _MIPS_SIM == _ABIO32
#define SYSABI_close_range	4436
#elif defined(__mips__) && _MIPS_SIM == _ABI64
#define SYSABI_close_range	5436
#elif defined(__mips__)
#define SYSABI_close_range	6436
#elif defined(__alpha__)
#define SYSABI_close_range	546
#else
#define SYSABI_close_range	436
#endif

/* --- clocks --- */
#if defined(SYS_clock_gettime32)
#define SYSABI_clock_gettime32	SYS_clock_gettime32
#elif defined(SYS_clock_gettime64) && defined(SYS_clock_gettime)
#define SYSABI_clock_gettime32	SYS_clock_gettime	/* glibc's name for it */
#endif

/*
 * clock_gettime(2) as a system call, not through the vDSO (libc's vDSO
 * lookup costs a KB of binary and hundreds of instructions at start-up).
 * Where time_t is wider than the ABI's native timespec (32-bit, time64),
 * clock_gettime64 is used, and the 32-bit call only if the kernel (< 5.1)
 * or a seccomp profile of that era refuses it: its answer is right until
 * 2106 for REALTIME (read unsigned) and for ~68 years of uptime for MONOTONIC.
 */
static inline int
sysabi_clock_gettime(clockid_t clk, struct timespec *ts)
{
#ifdef SYS_clock_gettime64
	if (sizeof(ts->tv_sec) > sizeof(long)) {
		struct { int64_t sec, nsec; } k;	/* __kernel_timespec */
		long k32[2];				/* old_timespec32 */

		if (syscall(SYS_clock_gettime64, clk, &k) == 0) {
			ts->tv_sec = (time_t)k.sec;
			ts->tv_nsec = (long)k.nsec;
			return 0;
		}
#ifdef SYSABI_clock_gettime32
		if ((errno == ENOSYS || errno == EPERM) &&
		    syscall(SYSABI_clock_gettime32, clk, k32) == 0) {
			ts->tv_sec = (time_t)(unsigned long)k32[0];
			ts->tv_nsec = k32[1];
			return 0;
		}
#else
		(void)k32;
#endif
		return -1;
	}
#endif
#ifdef SYS_clock_gettime
	return (int)syscall(SYS_clock_gettime, clk, ts);
#else
	errno = ENOSYS;
	return -1;
#endif
}

/*
 * --- plain calls: libc's wrappers add only what tend does not need ---
 * musl's open(), openat(), readlink(), mmap(), mremap() and socket() carry
 * fallbacks for kernels before 2.6.27 (O_CLOEXEC, SOCK_CLOEXEC), checks
 * of arguments tend never passes and the socketcall multiplexer, about
 * 1.2 KB together. Where the ABI has a direct call for all of them the
 * system call is used; O_LARGEFILE is what libc's open() adds.
 */
static inline int
sysabi_openat(int at, const char *path, int flags)
{
	return (int)syscall(SYS_openat, at, path, flags | O_LARGEFILE);
}

static inline int
sysabi_open(const char *path, int flags)
{
	return sysabi_openat(AT_FDCWD, path, flags);
}

static inline ssize_t
sysabi_readlinkat(int at, const char *path, char *buf, size_t len)
{
	return syscall(SYS_readlinkat, at, path, buf, len);
}

/*
 * Sockets: direct calls on most ABIs since Linux 2.6; on i386, s390x, m68k
 * and sh only since 4.3, before which only socketcall(2) has them. There
 * sysabi.c's sysabi_sock() makes the direct call and, if the kernel says
 * ENOSYS, the same call through socketcall: one small function in place
 * of libc's wrappers (1.6 KB on s390x: socketcall arrays, cancellation).
 */
#if !defined(SYS_socketcall) || defined(__powerpc__) || defined(__mips__)
static inline int
sysabi_socket(int domain, int type, int proto)
{
	return (int)syscall(SYS_socket, domain, type, proto);
}

static inline int
sysabi_accept4(int fd, int flags)
{
	return (int)syscall(SYS_accept4, fd, NULL, NULL, flags);
}

static inline int
sysabi_bind(int fd, const void *sa, socklen_t len)
{
	return (int)syscall(SYS_bind, fd, sa, len);
}

static inline int
sysabi_listen(int fd, int backlog)
{
	return (int)syscall(SYS_listen, fd, backlog);
}

static inline int
sysabi_connect(int fd, const void *sa, socklen_t len)
{
	return (int)syscall(SYS_connect, fd, sa, len);
}

static inline int
sysabi_getsockopt(int fd, int level, int name, void *val, socklen_t *len)
{
	return (int)syscall(SYS_getsockopt, fd, level, name, val, len);
}

static inline ssize_t
sysabi_sendto(int fd, const void *buf, size_t len, int flags, const void *sa,
    socklen_t salen)
{
	return syscall(SYS_sendto, fd, buf, len, flags, sa, salen);
}

static inline ssize_t
sysabi_recv(int fd, void *buf, size_t len, int flags)
{
	return syscall(SYS_recvfrom, fd, buf, len, flags, NULL, NULL);
}
#else
/*
 * op names both calls: the direct call's number and socketcall's
 * (<linux/net.h>). At most five parameters where it can be: s390x passes
 * no more in registers.
 */
#define SYSABI_SOCK(nr, call)	((nr) << 5 | (call))
long sysabi_sock6(int op, long a, long b, long c, long d, long e, long f);
long sysabi_sock(int op, long a, long b, long c, long d);

#define sysabi_socket(d, t, p) \
	(int)sysabi_sock(SYSABI_SOCK(SYS_socket, 1), d, t, p, 0)
#define sysabi_accept4(fd, fl) \
	(int)sysabi_sock(SYSABI_SOCK(SYS_accept4, 18), fd, 0, 0, fl)
#define sysabi_bind(fd, sa, len) \
	(int)sysabi_sock(SYSABI_SOCK(SYS_bind, 2), fd, (long)(sa), len, 0)
#define sysabi_listen(fd, n) \
	(int)sysabi_sock(SYSABI_SOCK(SYS_listen, 4), fd, n, 0, 0)
#define sysabi_connect(fd, sa, len) \
	(int)sysabi_sock(SYSABI_SOCK(SYS_connect, 3), fd, (long)(sa), len, 0)
#define sysabi_getsockopt(fd, l, n, v, len) \
	(int)sysabi_sock6(SYSABI_SOCK(SYS_getsockopt, 15), fd, l, n, \
	    (long)(v), (long)(len), 0)
#define sysabi_sendto(fd, b, n, fl, sa, sl) \
	sysabi_sock6(SYSABI_SOCK(SYS_sendto, 11), fd, (long)(b), (long)(n), \
	    fl, (long)(sa), sl)
/* sendto and recvfrom without an address: sysabi_sock passes 0, 0 */
#define sysabi_send(fd, b, n, fl) \
	sysabi_sock(SYSABI_SOCK(SYS_sendto, 11), fd, (long)(b), (long)(n), fl)
#define sysabi_recv(fd, b, n, fl) \
	sysabi_sock(SYSABI_SOCK(SYS_recvfrom, 12), fd, (long)(b), (long)(n), fl)
#endif
#ifndef sysabi_send
#define sysabi_send(fd, b, n, fl)	sysabi_sendto(fd, b, n, fl, NULL, 0)
#endif

/*
 * Anonymous private memory, MAP_FAILED if refused (errno is not to be
 * relied on: s390's sets none). s390's mmap reads its six arguments from
 * memory (old_mmap), which libc's mmap() (200 B) and musl's syscall() know
 * but glibc's syscall() does not: the system call is made here.
 */
static inline void *
sysabi_mmap_anon(size_t len)
{
#if defined(__s390__)
	unsigned long a[6] = { 0, len, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, (unsigned long)-1, 0 };
	register unsigned long r2 __asm__("2") = (unsigned long)a;

	__asm__ volatile("svc %1" : "+d"(r2) : "i"(SYS_mmap), "m"(a) : "memory");
	long r = r2 > (unsigned long)-4096 ? -1 : (long)r2;
#elif defined(SYS_mmap2)
	long r = syscall(SYS_mmap2, NULL, len, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
#else
	long r = syscall(SYS_mmap, NULL, len, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
#endif
	/* The kernel returns the address as a long. */
	/* NOLINTNEXTLINE(performance-no-int-to-ptr) */
	return r == -1 ? MAP_FAILED : (void *)r;
}

static inline void *
sysabi_mremap(void *p, size_t old, size_t len)
{
	long r = syscall(SYS_mremap, p, old, len, MREMAP_MAYMOVE);

	/* The kernel returns the address as a long. */
	/* NOLINTNEXTLINE(performance-no-int-to-ptr) */
	return r == -1 ? MAP_FAILED : (void *)r;
}

/* The terminal's foreground group: libc's tc*pgrp() and isatty() are ioctls. */
static inline pid_t
sysabi_tcgetpgrp(int fd)
{
	int pg;

	return syscall(SYS_ioctl, fd, TIOCGPGRP, &pg) < 0 ? -1 : (pid_t)pg;
}

static inline int
sysabi_tcsetpgrp(int fd, pid_t pgrp)
{
	int pg = (int)pgrp;

	return (int)syscall(SYS_ioctl, fd, TIOCSPGRP, &pg);
}

/* Processes: musl's wrappers add only a cancellation point. */
static inline pid_t
sysabi_waitpid(pid_t pid, int *status, int options)
{
	return (pid_t)syscall(SYS_wait4, pid, status, options, NULL);
}

/*
 * read, write, close and poll: the static musl build defines them in
 * sysabi.c under libc's own names (TEND_OWN_LIBC, as memfn.h's): plain
 * system calls, without musl's cancellation (__syscall_cp) for the
 * pthread_cancel() tend (one thread) never meets: 320-460 B on ppc64el
 * and s390x. close() maps EINTR to success, as libc's (the fd is gone
 * either way on Linux).
 */

#endif
