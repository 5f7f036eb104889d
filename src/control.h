/* SPDX-License-Identifier: MIT */
/*
 * control.h - the read-only status endpoint behind "tend status".
 *
 * An abstract unix socket, so it works on a read-only root filesystem and
 * for any user in the container, named after the PID namespace so that two
 * containers sharing a network namespace (a Kubernetes pod) do not answer
 * for each other. tend writes one line to whoever connects and closes;
 * it reads nothing, so no client can change its state.
 *
 * Abstract names have no owner: anything in the same network namespace
 * may bind the name first. So the client believes only a listener in its
 * own PID namespace (or one below it): SO_PEERCRED shows pid 0 for any
 * other, and that answer is refused. Inside the namespace tend binds before
 * the app starts. The client does not insist on pid 1 (tend may run as a
 * subreaper) nor compare /proc/PID/exe (a client of another uid may not
 * read it): what runs in the container is the container's own business.
 */
#ifndef TEND_CONTROL_H
#define TEND_CONTROL_H

#include <stddef.h>

/*
 * Clients answered per wake-up, and the rest after a full batch: a connect
 * flood must not starve signals, nor keep tend busy.
 */
#define CONTROL_BATCH	4
#define CONTROL_REST_NS	1000000ULL

/* Listen on the status socket. Returns the fd or -errno (-EADDRINUSE: the name is taken). */
int	control_listen(void);

/* Accept up to CONTROL_BATCH pending clients and send each the line; never blocks. Returns how many. */
int	control_answer(int lfd, const char *line, size_t len);

/*
 * Connect and read one line (NUL-terminated, at most n - 1 bytes) within
 * timeout_ms in all. Returns its length, or -errno: -ECONNREFUSED/-ENOENT
 * when nothing listens, -EPERM when the listener is outside this PID
 * namespace, -ETIMEDOUT when no whole line came in time.
 */
int	control_query(char *buf, size_t n, int timeout_ms);

#endif
