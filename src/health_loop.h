/* SPDX-License-Identifier: MIT */
/*
 * health_loop.h - the health probe loop's hooks into the main poll loop.
 *
 * With --health unset every hook is a no-op: no fd, no deadline, so an
 * idle tend still never wakes up.
 */
#ifndef TEND_HEALTH_LOOP_H
#define TEND_HEALTH_LOOP_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

struct tend;

/*
 * Parse the probe and open the status socket, before the app starts.
 * Returns 0, or an exit code after logging why.
 */
int	health_loop_setup(struct tend *t);

/* True if pid (> 0) was an exec probe (now reaped and accounted for). */
bool	health_loop_on_reap(struct tend *t, pid_t pid, int status);

/* The probe's socket or pipe to poll, with its events; -1 (events unset) if none. */
int	health_loop_probe_fd(struct tend *t, short *ret_events);

/* The status socket to poll; -1 if none. */
int	health_loop_control_fd(struct tend *t);

/* The next probe start or probe timeout; DEADLINE_NEVER if none. */
uint64_t health_loop_deadline(struct tend *t);

/*
 * The probe's I/O; a verdict it reaches is taken by the next
 * health_loop_on_time(), which the loop calls the same turn (a running
 * probe always has a deadline). Call these two only for events on the fds
 * health_loop_probe_fd() and health_loop_control_fd() gave this turn.
 */
void	health_loop_on_probe_io(struct tend *t, short revents);
void	health_loop_on_control(struct tend *t);
void	health_loop_on_time(struct tend *t, uint64_t now);

#endif
