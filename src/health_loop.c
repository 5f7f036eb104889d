/* SPDX-License-Identifier: MIT */
/*
 * health_loop.c - drive the health probes from the main loop.
 *
 * The pure state machine (health.c) says when a probe is due and what its
 * result means; probe.c runs it without blocking; this file glues the two
 * to the poll loop, logs every state change at the default verbosity,
 * answers "tend status", and turns "unhealthy" into a stop when asked to.
 * With --health unset, t->health stays NULL and every hook is a no-op.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "control.h"
#include "deadline.h"
#include "exitcode.h"
#include "fmt.h"
#include "health.h"
#include "health_loop.h"
#include "log.h"
#include "parse.h"
#include "probe.h"
#include "tend.h"

struct tend_health {
	struct probe_spec	spec;		/* parsed in place: never copied */
	struct health		h;
	struct probe_run	run;
	bool			running;
	int			ctl_fd;
	uint64_t		ctl_rest;	/* after a full batch, unwatched until */
	bool			have_result;
	char			cwd[4096];	/* exec probes start where the app did */
	char			last[200];	/* the last probe's result */
	uint64_t		last_at;
};

/* One per process, like the log target: tend runs one probe loop. */
static struct tend_health the_health;
_Static_assert(sizeof(the_health.last) == sizeof(the_health.run.why),
    "the last result is a copy of the probe's");

int
health_loop_setup(struct tend *t)
{
	struct tend_health *th = &the_health;
	struct health_cfg hc = {
		t->cfg.health_interval, t->cfg.health_timeout,
		t->cfg.health_start_period, t->cfg.health_start_interval,
		t->cfg.health_retries,
	};
	struct tend_err err;
	char label[32];

	if (t->cfg.health == NULL || t->cfg.mode != MODE_RUN)
		return 0;
	if (probespec_parse(t->cfg.health, &th->spec, &err) < 0) {
		log_error("%s: %s", config_label(&t->cfg, offsetof(struct tend_config,
		    health), label, sizeof(label)), err.msg);
		return EXIT_USAGE;
	}
	/* The system call: musl's getcwd() would link an allocator. */
	if (th->spec.kind == PROBE_EXEC && t->cfg.workdir == NULL &&
	    syscall(SYS_getcwd, th->cwd, sizeof(th->cwd)) < 0)
		th->cwd[0] = '\0';
	health_init(&th->h, &hc, clock_now());
	th->ctl_fd = control_listen();
	/*
	 * Without it only "tend status" fails (exit 2); the app, its signals
	 * and its probes matter more, so tend runs on.
	 */
	if (th->ctl_fd < 0) {
		errno = -th->ctl_fd;
		if (errno == EADDRINUSE)
			log_error("'tend status' is off: another process holds "
			    "its socket name in this network namespace");
		else
			log_error("'tend status' is off: cannot open its socket: %m");
	}
	t->health = th;
	return 0;
}

/* Probes run only while the app does and nobody asked it to stop. */
static bool
health_active(const struct tend *t)
{
	return t->health && t->app_pid > 0 && t->shut.state == SHUT_RUNNING;
}

/* Take the probe's verdict, if it has one. */
static void
health_on_done(struct tend *t, uint64_t now)
{
	struct tend_health *th = t->health;
	enum health_state was = th->h.state, st;
	enum log_level lvl = LOG_DEBUG;
	const char *name, *from = "", *arrow = "";
	struct log_field f[3];

	if (!probe_done(&th->run))
		return;
	th->running = false;
	memcpy(th->last, th->run.why, sizeof(th->last));
	th->last_at = now;
	th->have_result = true;
	st = health_on_result(&th->h, th->run.ok, now);
	name = health_state_name(st);
	/* A change is told to the service manager and logged at warn. */
	if (st != was) {
		notify_health(t, name, st == HEALTH_HEALTHY);
		lvl = LOG_WARN;
		from = health_state_name(was);
		arrow = " -> ";
	}
	/* Only what log_format() reads: no zeroing of the rest. */
	f[0].key = "health";
	f[0].type = LF_STR;
	f[0].s = name;
	f[1].key = "probe";
	f[1].type = LF_STR;
	f[1].s = th->last;
	f[2].type = LF_END;
	log_emit(lvl, f, "health: %s%s%s (%s)", from, arrow, name, th->last);
	if (st == HEALTH_UNHEALTHY && was != st &&
	    t->cfg.health_action == HEALTH_ACTION_STOP) {
		log_warn("unhealthy: stopping the app (--health-action stop)");
		/* t->stop_sig is SIGTERM rewritten already (main_setup). */
		t->exit_code = EXIT_UNHEALTHY;
		tend_request(t, SEV_STOP);
	}
}

bool
health_loop_on_reap(struct tend *t, pid_t pid, int status)
{
	struct tend_health *th = t->health;

	/* A reaped pid is > 0; run.pid is 0 unless an exec probe started. */
	if (th == NULL || th->run.pid != pid)
		return false;
	if (th->running && !WIFSTOPPED(status)) {
		probe_on_exit(&th->run, status);
		health_on_done(t, clock_now());
	}
	return true;
}

int
health_loop_probe_fd(struct tend *t, short *ret_events)
{
	/* -1: poll(2) reads no events. */
	if (t->health == NULL || !t->health->running)
		return -1;
	return probe_fd(&t->health->run, ret_events);
}

int
health_loop_control_fd(struct tend *t)
{
	return t->health && !t->health->ctl_rest ? t->health->ctl_fd : -1;
}

uint64_t
health_loop_deadline(struct tend *t)
{
	uint64_t d = DEADLINE_NEVER;

	if (t->health == NULL)
		return d;
	if (t->health->running)
		d = probe_deadline(&t->health->run);
	else if (health_active(t))
		d = health_next_due(&t->health->h);
	return t->health->ctl_rest ? deadline_min(d, t->health->ctl_rest) : d;
}

void
health_loop_on_probe_io(struct tend *t, short revents)
{
	/*
	 * Called only for events on the fd health_loop_probe_fd() gave, so
	 * there is a probe; one a reap finished since is done, and
	 * probe_on_io() ignores it. Its verdict is taken by
	 * health_loop_on_time(), later this turn.
	 */
	probe_on_io(&t->health->run, revents);
}

void
health_loop_on_control(struct tend *t)
{
	/* Called only when the fd health_loop_control_fd() gave is readable. */
	struct tend_health *th = t->health;
	char line[320], age[32];
	int n;

	/* The longest line, "unhealthy: LAST, AGE ago\n", always fits. */
	_Static_assert(sizeof("unhealthy: , ago\n") + sizeof(th->last) +
	    sizeof(age) <= sizeof(line), "a status line is never cut");

	/* Whole ms: it drops the rest. Unread without a result. */
	(void)parse_format_duration(clock_now() - th->last_at, age, sizeof(age));
	/* One call: the second format leaves the last two unread. */
	n = fmt_format(line, sizeof(line), th->have_result ? "%s: %s, %s ago\n" :
	    "%s: no probe has finished yet\n", health_state_name(th->h.state),
	    th->last, age);
	/*
	 * A full batch means a queue: rest a little, so a flood of clients
	 * gets a few thousand answers a second, not all of tend's CPU.
	 */
	if (control_answer(th->ctl_fd, line, (size_t)n) == CONTROL_BATCH)
		th->ctl_rest = deadline_after(clock_now(), CONTROL_REST_NS);
}

void
health_loop_on_time(struct tend *t, uint64_t now)
{
	struct tend_health *th = t->health;
	struct probe_env env;

	if (th == NULL)
		return;
	if (th->ctl_rest && now >= th->ctl_rest)
		th->ctl_rest = 0;
	/* Finished by its I/O this turn, or now due. */
	if (th->running) {
		probe_on_time(&th->run, now);
		health_on_done(t, now);
		return;
	}
	if (!health_active(t) || now < health_next_due(&th->h))
		return;
	env.ids = t->ids;
	env.envp = t->envp;
	env.no_new_privs = t->cfg.no_new_privs;
	/* The app's directory; where the user may not enter it, /. */
	env.workdir = t->cfg.workdir ? t->cfg.workdir : th->cwd[0] ? th->cwd : NULL;
	env.workdir_soft = t->cfg.workdir == NULL;
	probe_start(&th->run, &th->spec, &env, now, th->h.cfg.timeout);
	th->running = true;
	health_on_done(t, now);
}
