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
 * A mask with every signal set. sigfillset() is not used because musl
 * leaves out the signals it reserves (32-34), and a glibc app's RTMIN (34)
 * sent to tend must be forwarded, not kill it.
 */
static void
sig_full_set(sigset_t *set)
{
	memset(set, 0xff, sizeof(*set));
}

int
sig_block_all(void)
{
	sigset_t all;

	sig_full_set(&all);
	return sigprocmask(SIG_SETMASK, &all, NULL) < 0 ? -errno : 0;
}

int
sig_open(void)
{
	sigset_t all;
	int fd;

	sig_full_set(&all);
	fd = signalfd(-1, &all, SFD_CLOEXEC);
	return fd < 0 ? -errno : fd;
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
	unsigned char none[SYSABI_SIGSET_BYTES];
	int i;

	/* SIG_DFL is 0 and so is every other field, on every ABI. */
	memset(&dfl, 0, sizeof(dfl));
	memset(none, 0, sizeof(none));
	/*
	 * rt_sigaction directly: libc's sigaction() refuses the signals libc
	 * reserves (musl: 32-34), and an inherited SIG_IGN on those must not
	 * reach the app either. The size is the kernel's sigset (sysabi.h):
	 * any other size is EINVAL, leaving the app every signal blocked.
	 */
	for (i = 1; i <= SYSABI_NSIG; i++)
		if (i != SIGKILL && i != SIGSTOP)
			(void)syscall(SYS_rt_sigaction, i, &dfl, NULL, sizeof(none));
	(void)syscall(SYS_rt_sigprocmask, SIG_SETMASK, none, NULL, sizeof(none));
}
