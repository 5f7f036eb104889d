/* SPDX-License-Identifier: MIT */
/*
 * control.h - the read-only status endpoint behind "tend status".
 *
 * An abstract unix socket, so it works on a read-only root filesystem and
 * for any user in the container, named after the PID namespace so that two
 * containers sharing a network namespace (a Kubernetes pod) do not answer
 * for each other. tend writes one line to whoever connects and closes;
 * it reads nothing, so no client can change its state.
 */
#ifndef TEND_CONTROL_H
#define TEND_CONTROL_H

#include <stddef.h>

/* Listen on the status socket. Returns the fd or -errno (-EADDRINUSE if another tend has it). */
int	control_listen(void);

/* Accept every pending client and send each the line; never blocks. */
void	control_answer(int lfd, const char *line, size_t len);

/*
 * Connect and read the line (NUL-terminated, at most n - 1 bytes) within
 * timeout_ms. Returns its length, or -errno (-ECONNREFUSED/-ENOENT: no
 * tend with health checks is listening).
 */
int	control_query(char *buf, size_t n, int timeout_ms);

#endif
