/* SPDX-License-Identifier: MIT */
/*
 * oneshot.c - "tend status" and "tend probe": ask, print one line, exit.
 *
 * "tend probe" drives the same probe code as the loop, with a little poll
 * loop of its own; an exec probe's exit arrives through a signalfd for
 * SIGCHLD, so even the one-shot never sleeps in fixed ticks.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <unistd.h>

#include "control.h"
#include "deadline.h"
#include "escape.h"
#include "fmt.h"
#include "log.h"
#include "oneshot.h"
#include "probe.h"
#include "sig.h"
#include "sysabi.h"
#include "tend.h"

enum { ONESHOT_HEALTHY = 0, ONESHOT_UNHEALTHY = 1, ONESHOT_NONE = 2 };

int
oneshot_status(void)
{
	char line[512], out[4 * sizeof(line)];
	int n = control_query(line, sizeof(line), 2000);
	size_t len;

	if (n == -EPERM) {
		log_error("status: the socket is held by a process outside this PID "
		    "namespace, not tend; not trusting its answer");
		return ONESHOT_NONE;
	}
	if (n <= 0) {	/* never 0: an empty answer is -ENODATA */
		log_error("status: no tend with health checks is running here (%s)",
		    strerror(-n));
		return ONESHOT_NONE;
	}
	/* Shown, not obeyed: the line's bytes are escaped, its newline kept. */
	len = escape_bytes(out, sizeof(out) - 1, line, (size_t)n -
	    (line[n - 1] == '\n'));
	out[len++] = '\n';
	(void)log_write_all(STDOUT_FILENO, out, len);
	return strncmp(line, "healthy:", 8) == 0 ? ONESHOT_HEALTHY : ONESHOT_UNHEALTHY;
}

/* Reap the exec probe's child if it has exited. */
static void
oneshot_reap(struct probe_run *p)
{
	int st;

	while (p->pid > 0 && sysabi_waitpid(p->pid, &st, WNOHANG) == p->pid)
		probe_on_exit(p, st);
}

int
oneshot_probe(const struct tend_config *cfg)
{
	static struct probe_spec spec;
	static struct probe_run run;
	struct probe_env env = { NULL, NULL, NULL, false, false };
	char line[sizeof(run.why) + 16];
	int n;
	struct pollfd pfd[2];
	struct tend_err err;
	uint64_t now;

	if (probespec_parse(cfg->probe, &spec, &err) < 0) {
		log_error("probe: %s", err.msg);
		return ONESHOT_NONE;
	}
	(void)sig_block(SIG_BIT(SIGCHLD));
	pfd[1].fd = sig_fd(SIG_BIT(SIGCHLD), SFD_NONBLOCK | SFD_CLOEXEC);
	pfd[1].events = POLLIN;
	probe_start(&run, &spec, &env, clock_now(), cfg->probe_timeout);
	while (!probe_done(&run)) {
		pfd[0].fd = probe_fd(&run, &pfd[0].events);
		now = clock_now();
		if (now >= probe_deadline(&run)) {
			probe_on_time(&run, now);
			continue;
		}
		if (poll(pfd, 2, deadline_timeout_ms(probe_deadline(&run), now)) < 0 &&
		    errno != EINTR)
			break;
		if (pfd[0].fd >= 0 && pfd[0].revents)
			probe_on_io(&run, pfd[0].revents);
		if (pfd[1].revents) {
			struct signalfd_siginfo si;

			while (read(pfd[1].fd, &si, sizeof(si)) > 0)
				;
			oneshot_reap(&run);
		}
	}
	n = fmt_format(line, sizeof(line), "%s: %s\n", run.ok ? "healthy" :
	    "unhealthy", run.why);
	(void)log_write_all(STDOUT_FILENO, line, (size_t)n < sizeof(line) ?
	    (size_t)n : sizeof(line) - 1);
	return run.ok ? ONESHOT_HEALTHY : ONESHOT_UNHEALTHY;
}
