/* SPDX-License-Identifier: MIT */
/*
 * main.c - tend's phases: parse, set up, start the app, loop, exit.
 *
 * Setup may fail with a one-line message and a defined code (2 for usage,
 * 125 for tend's own failures). Once the app runs, tend leaves only through
 * the shutdown machine: errors are logged and it carries on.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <termios.h>
#include <unistd.h>

#include "config.h"
#include "exitcode.h"
#include "fdutil.h"
#include "fmt.h"
#include "health_loop.h"
#include "log.h"
#include "oneshot.h"
#include "prestop.h"
#include "priv.h"
#include "runlimit.h"
#include "sig.h"
#include "spawn.h"
#include "sysabi.h"
#include "tend.h"
#include "version.h"
#include "wait.h"

extern char **environ;

#define KILL_WAIT_NS	(2ULL * 1000000000ULL)

static int
main_usage_error(const struct tend_config *cfg, const struct tend_err *err)
{
	log_setup(1, cfg->log_format);
	log_error("%s (try 'tend --help')", err->msg);
	return EXIT_USAGE;
}

/* --help, --version or -l on stdout. */
static int
main_print(enum tend_mode mode)
{
	char buf[4096];
	const char *p = buf;
	size_t n;

	if (mode == MODE_HELP) {
		n = config_usage(buf, sizeof(buf));
		if (n >= sizeof(buf))
			n = sizeof(buf) - 1;
	} else {
		/*
		 * --version is one line, "tend version V - git.C - built LIBC
		 * static". dockerd splits all of --version's output on " - "
		 * and takes the commit from the second field if it is "git.C";
		 * a second line would end up in that field, so the build goes
		 * in a third one. It looks for a version only after "tini
		 * version ", which tend does not claim to be. -l, as tini's:
		 * the license's name and where its full text is. Both are
		 * literals: no formatting.
		 */
		p = mode == MODE_VERSION ? "tend version " TEND_VERSION
		    " - git." TEND_COMMIT " - " TEND_BUILD "\n" :
		    "MIT License, Copyright (c) 2026 The tend authors: see LICENSE\n";
		n = strlen(p);
	}
	return log_write_all(STDOUT_FILENO, p, n) == 0 ? 0 : EXIT_INTERNAL;
}

/* Process-wide setup that needs no app yet. Returns 0 or an exit code. */
static int
main_setup(struct tend *t)
{

	t->self = getpid();
	t->is_pid1 = t->self == 1;
	t->exit_code = t->cfg.mode == MODE_PAUSE ? 0 : -1;
	t->stop_sig = sigmap_get(&t->cfg.rewrite, SIGTERM);
	shutdown_init(&t->shut);
	t->durs = (struct shut_durations){ t->cfg.pre_stop, t->cfg.stop_timeout,
	    t->cfg.grace, KILL_WAIT_NS, t->cfg.stop_budget };
	if ((t->sigfd = sig_open()) < 0) {
		log_error("cannot set up signals: %s", strerror(-t->sigfd));
		return EXIT_INTERNAL;
	}
	if ((!t->is_pid1 || t->cfg.subreaper) &&
	    syscall(SYS_prctl, PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) < 0)
		log_warn("cannot become a subreaper (%m): orphans will not be reaped");
	if (t->cfg.pdeathsig && syscall(SYS_prctl, PR_SET_PDEATHSIG, t->cfg.pdeathsig, 0, 0, 0) < 0) {
		log_error("--pdeathsig: %m");
		return EXIT_INTERNAL;
	}
	/* Only take the terminal if it is ours to give: we are in its foreground. */
	t->tty_fd = sysabi_tcgetpgrp(STDIN_FILENO) == getpgrp() ?
	    STDIN_FILENO : -1;
	return 0;
}

/* Start the app; returns 0 or an exit code. */
static int
main_start_app(struct tend *t, struct priv *pv)
{
	struct spawn_req req = {
		.argv = t->cfg.argv, .tty_fd = t->tty_fd, .out_fd = -1,
		.workdir = t->cfg.workdir, .no_new_privs = t->cfg.no_new_privs,
		.ids = priv_ids(pv), .envp = priv_envp(pv),
		.listen_pid = priv_listen_pid_slot(pv),
		.listen_pid_buf = pv->listen_pid_buf,
	};
	struct spawn_result res;
	struct log_field f[3];

	if (spawn_run(&req, &res) < 0) {
		log_error("cannot start '%s': fork: %s", t->cfg.argv[0], strerror(errno));
		return EXIT_INTERNAL;
	}
	t->app_pid = res.pid;
	if (res.step != SPAWN_OK) {
		if (res.step == SPAWN_STEP_EXEC)
			log_error("cannot run '%s': %s", t->cfg.argv[0],
			    strerror(res.err));
		else
			log_error("cannot start '%s'%s%s: %s: %s", t->cfg.argv[0],
			    t->cfg.user ? " as " : "", t->cfg.user ? t->cfg.user : "",
			    spawn_step_name(res.step), strerror(res.err));
		/* Any other step: errno 0, EXIT_CANNOT_EXEC. */
		t->exit_code = exitcode_for_exec_errno(res.step ==
		    SPAWN_STEP_EXEC ? res.err : 0);
	} else {
		/* Only what log_format() reads: no zeroing of the rest. */
		f[0].key = "pid";
		f[0].type = LF_INT;
		f[0].i = res.pid;
		f[1].key = "cmd";
		f[1].type = LF_STR;
		f[1].s = t->cfg.argv[0];
		f[2].type = LF_END;
		log_emit(LOG_INFO, f, "started '%s' as pid %d", t->cfg.argv[0],
		    (int)res.pid);
	}
	return 0;
}

static int
main_exit_code(const struct tend *t)
{
	if (t->exit_code >= 0)
		return t->exit_code;
	if (!t->app_reaped)
		return EXIT_INTERNAL;
	return exitcode_remap(&t->cfg.remap, exitcode_from_status(t->app_status));
}

static int
main_run(struct tend *t)
{
	struct priv pv;
	int keep[3], r;

	if ((r = priv_prepare(&pv, &t->cfg)) != 0)
		return r;
	if ((r = main_setup(t)) != 0)
		return r;
	notify_open(&t->notify, t->cfg.notify_socket);
	t->ids = priv_ids(&pv);
	t->envp = priv_envp(&pv);
	if ((r = health_loop_setup(t)) != 0 || (r = prestop_setup(t)) != 0)
		return r;
	if (t->cfg.mode == MODE_RUN) {
		/* --wait-for: PID 1 already, the app not started until they pass. */
		if (t->cfg.nwait && (r = wait_run(&t->cfg, t->sigfd,
		    &(struct probe_env){ t->ids, t->envp, t->cfg.workdir, false,
		    t->cfg.no_new_privs }, EXIT_WAIT_TIMEOUT)) != 0)
			return r;
		oom_arm(&t->oom);
		if ((r = main_start_app(t, &pv)) != 0)
			return r;
	}
	/* The app has the inherited fds it was meant to get; tend needs none. */
	keep[0] = t->sigfd;
	keep[1] = health_loop_control_fd(t);
	keep[2] = t->notify.fd;
	fd_close_stray(keep, 3);
	if (t->cfg.mode == MODE_PAUSE || t->exit_code < 0)
		notify_started(t);
	/* Only an app can be running: pause mode's exit code is 0 from the start. */
	if (t->exit_code < 0)
		runlimit_arm(t);
	/* Pin no mount: the app already has its directory. */
	(void)!chdir("/");
	loop_run(t);
	return main_exit_code(t);
}

int
main(int argc, char *argv[])
{
	static struct tend t;
	struct tend_err err;

	/*
	 * First of all: a SIGTERM during start-up must be queued for the app,
	 * not kill tend, and a SIGPIPE from a warning written to a closed
	 * stderr must not kill it either. If even this fails, every signal
	 * keeps its default action, which is all that can be done.
	 */
	(void)sig_block_all();
	if (config_parse(&t.cfg, argc, argv, environ, &err) < 0)
		return main_usage_error(&t.cfg, &err);
	log_setup(t.cfg.verbosity, t.cfg.log_format);
	switch (t.cfg.mode) {
	case MODE_HELP:
	case MODE_VERSION:
	case MODE_LICENSE:
		return main_print(t.cfg.mode);
	case MODE_STATUS:
		return oneshot_status();
	case MODE_PROBE:	/* "tend wait" with one try (oneshot.h) */
	case MODE_WAIT:
		return wait_cmd(&t.cfg);
	default:
		break;
	}
	if (t.cfg.unknown_env)
		log_warn("ignoring unknown variable %.*s", (int)strcspn(t.cfg.unknown_env, "="),
		    t.cfg.unknown_env);
	return main_run(&t);
}
