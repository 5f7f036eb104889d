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
 * Send sig to every process tend can reach and returns how many were
 * signalled: as PID 1, every other process in the namespace (kill(-1));
 * otherwise every descendant of tend found under /proc, however it was
 * reparented, including ones that called setsid(). Returns -errno only
 * if nothing could be looked at.
 */
int	reap_signal_rest(bool is_pid1, int sig);

#endif
