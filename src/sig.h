/* SPDX-License-Identifier: MIT */
/*
 * sig.h - signals as file-descriptor events.
 *
 * tend installs no signal handlers: it blocks every signal it can and
 * reads them from a signalfd in its poll loop. The child side restores the
 * clean slate the app is owed before exec.
 */
#ifndef TEND_SIG_H
#define TEND_SIG_H

#include <stddef.h>
#include <sys/signalfd.h>

/*
 * A set of signals for the calls below: SIG_BIT(SIGCHLD) | ..., for signals
 * 1-32 (one unsigned long on every ABI), or SIG_ALL for all of them.
 */
#define SIG_BIT(s)	(1UL << ((s) - 1))
#define SIG_ALL		(~0UL)

/* Add the signals in bits to the blocked ones. Returns 0 or -errno. */
int	sig_block(unsigned long bits);

/* A signalfd for the signals in bits, with flags SFD_*. Returns the fd or -errno. */
int	sig_fd(unsigned long bits, int flags);

/* Wait for one of the signals in bits (blocked), retrying on EINTR. */
int	sig_wait(unsigned long bits);

/*
 * Block every catchable signal (1-64 but KILL and STOP, including the
 * ones libc reserves for itself). Returns 0 or -errno.
 */
int	sig_block_all(void);

/*
 * A close-on-exec signalfd for every signal; reads block until one is
 * pending. Signals that arrived (blocked) before it was opened are read
 * from it too. Returns the fd or -errno.
 */
int	sig_open(void);

/*
 * Read up to n signals from fd, waiting for the first if none is pending
 * and retrying on EINTR. Returns how many were read (0 on error).
 */
size_t	sig_read(int fd, struct signalfd_siginfo *buf, size_t n);

/*
 * In a freshly forked child: every disposition back to SIG_DFL and an
 * empty signal mask. Async-signal-safe; errors are ignored because a
 * signal libc refuses to touch (its own reserved ones) has no other value.
 */
void	sig_child_reset(void);

#endif
