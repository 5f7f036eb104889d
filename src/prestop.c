/* SPDX-License-Identifier: MIT */
/*
 * prestop.c - the --pre-stop command of prestop.h.
 *
 * Started under a keeper like an exec probe (keeper.h): tend never waits
 * for its exec, which a stopped child could hold off forever, and cutting
 * it short kills everything it started, setsid() or not. The keeper is
 * reaped by the loop like any child.
 */
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "exitcode.h"
#include "keeper.h"
#include "log.h"
#include "prestop.h"
#include "probespec.h"
#include "spawn.h"
#include "tend.h"

/* One per process, like the health probe's. */
static struct {
	struct probe_spec	spec;	/* parsed in place: never copied */
	char			cwd[4096];
	pid_t			pid;	/* > 0 while it runs */
	uint64_t		started;
} ps;

int
prestop_setup(struct tend *t)
{
	struct tend_err err;

	if (t->cfg.pre_stop_cmd == NULL || t->cfg.mode != MODE_RUN)
		return 0;
	if (probespec_parse(t->cfg.pre_stop_cmd, &ps.spec, &err) < 0 ||
	    ps.spec.kind != PROBE_EXEC) {
		log_error("--pre-stop: %s", ps.spec.kind != PROBE_EXEC ?
		    "expected DURATION or exec:CMD ARGS" : err.msg);
		return EXIT_USAGE;
	}
	/*
	 * It starts where the app did; tend itself moves to /. A failed
	 * getcwd writes nothing: ps.cwd stays "" (static), which the soft
	 * chdir turns into "/", where tend (and so the keeper) already is.
	 */
	if (t->cfg.workdir == NULL)
		(void)syscall(SYS_getcwd, ps.cwd, sizeof(ps.cwd));
	/* The pre-stop state's timer is the command's timeout. */
	t->durs.pre_stop = t->cfg.pre_stop_timeout;
	return 0;
}

void
prestop_start(struct tend *t)
{
	struct spawn_req req = {
		.argv = ps.spec.argv, .tty_fd = -1, .out_fd = STDERR_FILENO,
		.null_stdin = true, .no_new_privs = t->cfg.no_new_privs,
		.workdir = t->cfg.workdir ? t->cfg.workdir : ps.cwd,
		.workdir_soft = t->cfg.workdir == NULL, .ids = t->ids,
		.envp = t->envp,
	};
	pid_t pid;

	if (t->cfg.pre_stop_cmd == NULL)
		return;
	ps.started = clock_now();
	if ((pid = keeper_start(&req)) < 0) {
		log_warn("pre-stop: cannot start '%s'", ps.spec.argv[0]);
		tend_request(t, SEV_URGENT);
		return;
	}
	/* A failed exec is reaped like a run that exited 126 or 127. */
	ps.pid = pid;
}

void
prestop_cancel(struct tend *t)
{
	(void)t;
	if (ps.pid > 0) {
		log_warn("pre-stop: '%s' still running after %llu ms; KILLing it",
		    ps.spec.argv[0],
		    (unsigned long long)((clock_now() - ps.started) / 1000000));
		keeper_stop(ps.pid);
	}
}

bool
prestop_on_reap(struct tend *t, pid_t pid, int status)
{
	/* A reaped pid is > 0: never ps.pid's 0 (none running). */
	if (pid != ps.pid)
		return false;
	ps.pid = 0;
	log_info("pre-stop: '%s' %s %d after %llu ms", ps.spec.argv[0],
	    WIFSIGNALED(status) ? "killed by signal" : "exited",
	    WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status),
	    (unsigned long long)((clock_now() - ps.started) / 1000000));
	/* Done: the stop signal goes to the app now. */
	tend_request(t, SEV_URGENT);
	return true;
}
