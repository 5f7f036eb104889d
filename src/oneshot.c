/* SPDX-License-Identifier: MIT */
/*
 * oneshot.c - "tend status" and "tend probe": ask, print one line, exit.
 *
 * "tend probe" drives the same probe code as the loop, through the poll
 * loop of "tend wait" (wait.c); an exec probe's exit arrives through a
 * signalfd for SIGCHLD, so even the one-shot never sleeps in fixed ticks.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "control.h"
#include "escape.h"
#include "log.h"
#include "oneshot.h"
#include "tend.h"

enum { ONESHOT_HEALTHY = 0, ONESHOT_UNHEALTHY = 1, ONESHOT_NONE = 2 };

int
oneshot_status(void)
{
	char line[512], out[4 * sizeof(line)];
	int n = control_query(line, sizeof(line), 2000);
	size_t len;

	if (n <= 0) {	/* never 0: an empty answer is -ENODATA */
		if (n == -EPERM)
			log_error("status: the socket is held by a process outside "
			    "this PID namespace, not tend; not trusting its answer");
		else
			log_error("status: no tend with health checks is running "
			    "here (%s)", strerror(-n));
		return ONESHOT_NONE;
	}
	/* Shown, not obeyed: the line's bytes are escaped, its newline kept. */
	len = escape_bytes(out, sizeof(out) - 1, line, (size_t)n -
	    (line[n - 1] == '\n'));
	out[len++] = '\n';
	(void)log_write_all(STDOUT_FILENO, out, len);
	return strncmp(line, "healthy:", 8) == 0 ? ONESHOT_HEALTHY : ONESHOT_UNHEALTHY;
}
