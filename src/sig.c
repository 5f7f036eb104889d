/* SPDX-License-Identifier: MIT */
/*
 * sig.c - block, read and reset signals.
 *
 * Synchronous faults (SEGV, BUS, FPE, ILL) are blocked too: the kernel
 * force-delivers a real fault even when it is blocked, resetting it to its
 * default action (force_sig_info), so tend still dies with a core on its own
 * bug, while a SEGV someone sends with kill(1) is forwarded like the rest.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sig.h"
#include "sysabi.h"

/*
 * The kernel's sigset (sysabi.h) with the signals in bits, a mask of
 * SIG_BIT()s: every signal if bits is SIG_ALL. libc's sigset_t and its
 * calls are not used: sigfillset() leaves out the signals musl reserves
 * (32-34), and a glibc app's RTMIN (34) sent to tend must be forwarded,
 * not kill it; and musl's wrappers cost 350 B for fallbacks tend does not
 * need. The kernel reads the set as unsigned longs, on every byte order.
 */
#define SIG_WORDS	(SYSABI_SIGSET_BYTES / sizeof(unsigned long))

static void
sig_kset(unsigned long *k, unsigned long bits)
{
	memset(k, bits == SIG_ALL ? 0xff : 0, SYSABI_SIGSET_BYTES);
	k[0] = bits;
}

int
sig_block(unsigned long bits)
{
	unsigned long k[SIG_WORDS];

	sig_kset(k, bits);
	return syscall(SYS_rt_sigprocmask, SIG_BLOCK, k, NULL,
	    SYSABI_SIGSET_BYTES) < 0 ? -errno : 0;
}

int
sig_block_all(void)
{
	return sig_block(SIG_ALL);
}

int
sig_fd(unsigned long bits, int flags)
{
	unsigned long k[SIG_WORDS];
	int fd;

	sig_kset(k, bits);
	fd = (int)syscall(SYS_signalfd4, -1, k, SYSABI_SIGSET_BYTES, flags);
	return fd < 0 ? -errno : fd;
}

int
sig_open(void)
{
	return sig_fd(SIG_ALL, SFD_CLOEXEC);
}

int
sig_wait(unsigned long bits)
{
	unsigned long k[SIG_WORDS];
	int sig;

	sig_kset(k, bits);
	do
		sig = (int)syscall(SYS_rt_sigtimedwait, k, NULL, NULL,
		    SYSABI_SIGSET_BYTES);
	while (sig < 0 && errno == EINTR);
	return sig;
}

size_t
sig_read(int fd, struct signalfd_siginfo *buf, size_t n)
{
	ssize_t r;

	do
		r = read(fd, buf, n * sizeof(*buf));
	while (r < 0 && errno == EINTR);
	return r > 0 ? (size_t)r / sizeof(*buf) : 0;
}

void
sig_child_reset(void)
{
	struct sysabi_sigaction dfl;
	int i;

	/*
	 * SIG_DFL is 0 and so is every other field, on every ABI; its empty
	 * mask is also the signal mask the app starts with.
	 */
	memset(&dfl, 0, sizeof(dfl));
	/*
	 * rt_sigaction directly: libc's sigaction() refuses the signals libc
	 * reserves (musl: 32-34), and an inherited SIG_IGN on those must not
	 * reach the app either. KILL and STOP are refused (EINVAL) and keep
	 * their default anyway. The size is the kernel's sigset (sysabi.h):
	 * any other size is EINVAL, leaving the app every signal blocked.
	 */
	for (i = 1; i <= SYSABI_NSIG; i++)
		(void)syscall(SYS_rt_sigaction, i, &dfl, NULL, sizeof(dfl.mask));
	(void)syscall(SYS_rt_sigprocmask, SIG_SETMASK, dfl.mask, NULL,
	    sizeof(dfl.mask));
}
