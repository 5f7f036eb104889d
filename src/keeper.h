/* SPDX-License-Identifier: MIT */
/*
 * keeper.h - start an exec probe without ever waiting for it.
 *
 * keeper_start() forks a small keeper process and returns at once; the
 * keeper starts r->argv (identity, directory, stdio and no_new_privs from
 * r, as for the app) as a subreaper, waits for it, then kills and reaps
 * everything the command left, setsid() or not, and exits with the
 * command's status. If the command could not be started, the keeper writes
 * "cannot start CMD: STEP: ERROR" to r->out_fd and exits 126 or 127.
 */
#ifndef TEND_KEEPER_H
#define TEND_KEEPER_H

#include <sys/types.h>

struct spawn_req;

/* Fork the keeper; returns its pid or -1 with errno. Never blocks. */
pid_t	keeper_start(const struct spawn_req *r);

/* Ask a keeper that has not been reaped yet to kill everything and leave. */
void	keeper_stop(pid_t keeper);

#endif
