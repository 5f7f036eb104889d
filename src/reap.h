/* SPDX-License-Identifier: MIT */
/*
 * reap.h - collect dead children, and find and signal the ones left.
 */
#ifndef TEND_REAP_H
#define TEND_REAP_H

#include <stdbool.h>
#include <sys/types.h>

struct reap_event {
	pid_t	pid;
	int	status;		/* as from waitpid() */
};

/*
 * Collect up to n state changes without blocking (exits, and stops of
 * the app; WUNTRACED). Returns how many were stored in ev; *ret_none_left
 * is set when the kernel says tend has no children at all (ECHILD).
 */
size_t	reap_some(struct reap_event *ev, size_t n, bool *ret_none_left);

/*
 * Send sig to every process tend can reach and return how many were
 * signalled: as PID 1, every other process in the namespace (kill(-1);
 * counted under /proc only if want_count, else 0); otherwise one round
 * over tend's descendants, however they were reparented and including
 * ones that called setsid(), found from tend down through the children
 * files and signalled through /proc/PID fds (pidfds), so never a pid
 * reused by someone else; no /proc at all when tend has no children. A
 * process forked during the round may be missed: call again after each
 * reap until none is left. Returns -errno only if nothing could be
 * looked at.
 */
int	reap_signal_rest(bool is_pid1, int sig, bool want_count);

#endif
