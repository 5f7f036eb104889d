/* SPDX-License-Identifier: MIT */
/*
 * loop.c - the poll loop: signals in, forwarding, reaping, shutdown out.
 *
 * One poll(2) with the earliest deadline as its timeout, infinite when
 * nothing is scheduled: an idle tend does not wake up. Everything that
 * arrives is dispatched to a short handler; deadlines are recomputed from
 * state each time round, so nothing ticks.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "deadline.h"
#include "exitcode.h"
#include "health_loop.h"
#include "log.h"
#include "prestop.h"
#include "reap.h"
#include "runlimit.h"
#include "sig.h"
#include "sysabi.h"
#include "tend.h"

enum { SLOT_SIGNAL, SLOT_PROBE, SLOT_CONTROL, LOOP_NSLOTS };

#define SIG_BATCH	16	/* 2 KB of stack: idle RSS is a target too */
#define REAP_BATCH	128

void
loop_forward(struct tend *t, int sig)
{
	char name[16];
	struct log_field f[3];
	pid_t target;

	if (t->app_pid <= 0 || sig <= 0)
		return;
	target = t->cfg.kill_group ? -t->app_pid : t->app_pid;
	signame_from_num(sig, name, sizeof(name));
	if (kill(target, sig) < 0 && errno != ESRCH) {
		log_warn("forward %s to %d: %m", name, (int)target);
	} else {
		/* Only what log_format() reads: no zeroing of the rest. */
		f[0].key = "pid";
		f[0].type = LF_INT;
		f[0].i = target;
		f[1].key = "signal";
		f[1].type = LF_INT;
		f[1].i = sig;
		f[2].type = LF_END;
		log_emit(LOG_DEBUG, f, "forwarded %s to %d", name, (int)target);
	}
}

/*
 * TERM (or KILL) everything left; log the step at info. A subreaper's
 * later KILL rounds (again: only with SIGKILL) catch what was forked during
 * the last one.
 */
static void
loop_signal_rest(struct tend *t, int sig, bool again)
{
	int n = reap_signal_rest(t->is_pid1, sig, log_enabled(LOG_INFO));
	struct log_field f[2];

	if (n < 0) {
		errno = -n;
		log_warn("cannot list processes to signal: %m");
		return;
	}
	if (sig == SIGTERM) {
		t->drain_started = clock_now();
		t->drain_count = n;
	} else {
		/* Counted too: a TERM round may have found every chain between forks. */
		t->drain_count += n;
	}
	if (n == 0)
		return;
	/*
	 * One call for both lines; the later rounds' count is a debug line
	 * without the field. The plural's "es" and the grace period are one
	 * argument: the tail of one string, past "es" for one process. Only
	 * what log_format() reads: no zeroing.
	 */
	f[0].key = "count";
	f[0].type = LF_INT;
	f[0].i = n;
	f[1].type = LF_END;
	log_emit(again ? LOG_DEBUG : LOG_INFO, f + again, "sent %s to %d %sprocess%s",
	    sig == SIGTERM ? "TERM" : "KILL", n, again ? "more " : "",
	    (sig != SIGTERM && !again ? "es after the grace period" : "es") +
	    (n == 1 ? 2 : 0));
}

/* Nanoseconds to whole milliseconds, for messages (inlined: ppc64el -8 B). */
static unsigned long long
loop_ms(uint64_t ns)
{
	return ns / 1000000;
}

void
loop_shutdown_event(struct tend *t, int ev)
{
	enum shut_state was = t->shut.state;
	unsigned act = shutdown_on(&t->shut, (enum shut_event)ev, clock_now(),
	    &t->durs);

	if (was == SHUT_RUNNING && t->shut.state == SHUT_PRE_STOP)
		prestop_start(t);
	if (act & SACT_FORWARD) {
		prestop_cancel(t);
		loop_forward(t, t->stop_sig);
	}
	if (act & SACT_KILL_APP) {
		log_warn("app still running %llums after the stop signal; sending KILL",
		    loop_ms(t->durs.stop_timeout));
		loop_forward(t, SIGKILL);
	}
	if (act & SACT_TERM_ALL)
		loop_signal_rest(t, SIGTERM, false);
	if (act & SACT_KILL_ALL)
		loop_signal_rest(t, SIGKILL, false);
	/* With no child left there will be no SIGCHLD: look now. */
	if (act & (SACT_TERM_ALL | SACT_KILL_ALL))
		t->need_reap = true;
	/* Only the kernel's "no child left" (ECHILD) means all are gone. */
	if ((act & SACT_EXIT) && ev != SEV_ALL_GONE)
		log_warn("processes still left %llu ms after KILL; leaving them",
		    loop_ms(t->durs.kill_wait));
	else if ((act & SACT_EXIT) && t->drain_count > 0)
		log_info("all processes gone after %llu ms",
		    loop_ms(clock_now() - t->drain_started));
	notify_stopping(t);
}

/* The app stopped on a terminal signal (Ctrl-Z): see the man page. */
static void
loop_app_stopped(struct tend *t, int sig)
{
	char name[16];

	if (sig != SIGTSTP && sig != SIGTTIN && sig != SIGTTOU)
		return;
	signame_from_num(sig, name, sizeof(name));
	if (t->is_pid1) {
		/* Nobody above PID 1 could ever send SIGCONT: do not wedge. */
		log_warn("app stopped by SIG%s; resuming it, a container has no job control",
		    name);
		loop_forward(t, SIGCONT);
		return;
	}
	log_info("app stopped by SIG%s; stopping too", name);
	if (t->tty_fd >= 0 && sysabi_tcsetpgrp(t->tty_fd, getpgrp()) == 0)
		t->tty_reclaimed = true;
	(void)kill(t->self, SIGSTOP);
}

static void
loop_app_exited(struct tend *t, int status)
{
	int code = exitcode_from_status(status);
	struct log_field f[2];

	t->app_status = status;
	t->app_reaped = true;
	t->app_pid = 0;
	if (WIFSIGNALED(status)) {
		oom_log_death(&t->oom, status);
	} else {
		/* Only what log_format() reads: no zeroing of the rest. */
		f[0].key = "exit_code";
		f[0].type = LF_INT;
		f[0].i = code;
		f[1].type = LF_END;
		log_emit(LOG_INFO, f, "app exited with %d", code);
	}
	loop_shutdown_event(t, SEV_APP_EXIT);
}

/* One batch per wake-up; a full batch asks for another turn. */
static void
loop_on_reap(struct tend *t)
{
	struct reap_event ev[REAP_BATCH];
	bool none_left;
	size_t n, i;

	t->need_reap = false;
	n = reap_some(ev, REAP_BATCH, &none_left);
	for (i = 0; i < n; i++) {
		if (health_loop_on_reap(t, ev[i].pid, ev[i].status) ||
		    prestop_on_reap(t, ev[i].pid, ev[i].status))
			continue;
		if (ev[i].pid != t->app_pid) {
			if (t->cfg.warn_reap)
				log_warn("reaped zombie process %d", (int)ev[i].pid);
			continue;
		}
		if (WIFSTOPPED(ev[i].status))
			loop_app_stopped(t, WSTOPSIG(ev[i].status));
		else
			loop_app_exited(t, ev[i].status);
	}
	if (n == REAP_BATCH)
		t->need_reap = true;
	if (none_left)
		loop_shutdown_event(t, SEV_ALL_GONE);
	/* A subreaper's KILL phase: what died may have left orphans to KILL. */
	else if (n > 0 && t->shut.state == SHUT_KILLING && !t->is_pid1)
		loop_signal_rest(t, SIGKILL, true);
}

/* --pause: TERM and INT end it, everything else is ignored. */
static void
loop_on_pause_signal(struct tend *t, int sig)
{
	char name[16];

	signame_from_num(sig, name, sizeof(name));
	if (sig != SIGTERM && sig != SIGINT) {
		log_debug("pause: ignoring SIG%s", name);
		return;
	}
	log_info("pause: SIG%s received, exiting", name);
	loop_shutdown_event(t, SEV_APP_EXIT);
}

static void
loop_on_signal(struct tend *t, const struct signalfd_siginfo *si)
{
	int sig = (int)si->ssi_signo, to;

	/*
	 * What this process sent itself is not the app's: a SIGPIPE from our
	 * own write to a closed stderr, or a signal still pending from the
	 * image that exec'd us (a Go runtime such as runc init preempts its
	 * threads with SIGURG). Anyone else, or a sender outside our PID
	 * namespace (seen as pid 0), is forwarded.
	 */
	if ((si->ssi_code == SI_USER || si->ssi_code == SI_TKILL) &&
	    (pid_t)si->ssi_pid == t->self)
		return;
	if (t->cfg.mode == MODE_PAUSE) {
		loop_on_pause_signal(t, sig);
		return;
	}
	if (runlimit_on_signal(t, si))
		return;
	/*
	 * Go runtimes preempt their threads with SIGURG, and runtimes written
	 * in Go (runc, containerd-shim) have forwarded those to the container:
	 * never the app's business, so dropped, as runc, containerd and the
	 * docker CLI drop them, unless asked for with -r URG:URG. Dropped:
	 * forwarded as 0, which loop_forward() ignores.
	 */
	to = sigmap_get(&t->cfg.rewrite, sig);
	if (sig == SIGURG && t->cfg.rewrite.to[SIGURG] == 0)
		to = 0;
	if (sig == SIGCONT && t->tty_reclaimed) {
		(void)sysabi_tcsetpgrp(t->tty_fd, t->app_pid);
		t->tty_reclaimed = false;
	}
	/* t->stop_sig is SIGTERM rewritten already (main_setup). */
	if (sig == SIGTERM) {
		loop_shutdown_event(t, SEV_STOP);
		return;
	}
	if (sig == SIGINT && t->shut.state == SHUT_PRE_STOP)
		loop_shutdown_event(t, SEV_URGENT);
	loop_forward(t, to);
}

/*
 * One read of up to SIG_BATCH signals. The signalfd blocks: when nothing
 * else is pending this read is the whole wait, one system call per
 * wake-up as with tini's sigtimedwait; after poll(2) it never blocks.
 * More than a batch is left for the next turn of the loop.
 */
static void
loop_on_signals(struct tend *t)
{
	struct signalfd_siginfo si[SIG_BATCH];
	size_t n, i;

	n = sig_read(t->sigfd, si, SIG_BATCH);
	for (i = 0; i < n; i++) {
		if (si[i].ssi_signo == SIGCHLD)
			t->need_reap = true;
		else
			loop_on_signal(t, &si[i]);
	}
}

/*
 * Fill the poll slots' fd and events (poll(2) sets every revents); returns
 * true if anything but signals is watched.
 */
static bool
loop_fill_pollfds(struct tend *t, struct pollfd *pfd)
{
	pfd[SLOT_SIGNAL].fd = t->sigfd;
	pfd[SLOT_SIGNAL].events = POLLIN;
	pfd[SLOT_PROBE].fd = health_loop_probe_fd(t, &pfd[SLOT_PROBE].events);
	pfd[SLOT_CONTROL].fd = health_loop_control_fd(t);
	pfd[SLOT_CONTROL].events = POLLIN;
	return pfd[SLOT_PROBE].fd >= 0 || pfd[SLOT_CONTROL].fd >= 0;
}

/* poll(2) until something is ready or due; handle what is. */
static void
loop_poll(struct tend *t, struct pollfd *pfd, uint64_t due)
{
	int n;

	/* Children still to reap: only look, do not wait. */
	n = poll(pfd, LOOP_NSLOTS, t->need_reap ? 0 : deadline_timeout_ms(due,
	    due == DEADLINE_NEVER ? 0 : clock_now()));
	if (n < 0 && errno != EINTR)
		log_warn("poll: %m");
	/* Signals first, then reaping, then the rest, each with bounded work. */
	if (n > 0 && (pfd[SLOT_SIGNAL].revents & POLLIN))
		loop_on_signals(t);
	if (t->need_reap)
		loop_on_reap(t);
	if (n <= 0)
		return;
	if (pfd[SLOT_PROBE].revents)
		health_loop_on_probe_io(t, pfd[SLOT_PROBE].revents);
	if (pfd[SLOT_CONTROL].revents & POLLIN)
		health_loop_on_control(t);
}

/* Carry out what the modules asked for, in event order. */
static void
loop_take_requests(struct tend *t)
{
	unsigned r;
	int ev;

	while ((r = t->requests) != 0) {
		ev = __builtin_ctz(r);
		t->requests &= ~(1u << ev);
		loop_shutdown_event(t, ev);
	}
}

void
loop_run(struct tend *t)
{
	struct pollfd pfd[LOOP_NSLOTS];
	uint64_t now, due;
	bool others;

	/* The app may be gone already. */
	loop_on_reap(t);
	for (;;) {
		loop_take_requests(t);
		if (t->shut.state == SHUT_DONE)
			break;
		others = loop_fill_pollfds(t, pfd);
		due = deadline_min(t->shut.deadline, health_loop_deadline(t));
		/* Nothing but signals to wait for: read them directly. */
		if (!others && due == DEADLINE_NEVER && !t->need_reap) {
			loop_on_signals(t);
			/* One batch now; a full one goes round through poll. */
			if (t->need_reap)
				loop_on_reap(t);
			continue;
		}
		loop_poll(t, pfd, due);
		/* The clock is read only when something is scheduled. */
		if (due == DEADLINE_NEVER)
			continue;
		now = clock_now();
		/* First: it also takes the verdict of a probe that just finished. */
		health_loop_on_time(t, now);
		if (t->shut.deadline <= now)
			loop_shutdown_event(t, SEV_TIMER);
	}
}
