/* SPDX-License-Identifier: MIT */
/*
 * wait.c - hold until probes pass, with a poll loop of its own.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <unistd.h>

#include "deadline.h"
#include "exitcode.h"
#include "fmt.h"
#include "log.h"
#include "parse.h"
#include "reap.h"
#include "sig.h"
#include "tend.h"
#include "wait.h"

/* The small fields first: short offsets from an item's address. */
struct wait_item {
	const char		*text;		/* as given */
	bool			 running, up, failed;
	uint64_t		 next;		/* next try */
	struct probe_run	 run;
	struct probe_spec	 spec;		/* parsed in place: never copied */
};

static struct wait_item items[CONFIG_WAIT_MAX];
static char csv[4096];		/* TEND_WAIT_FOR, split at its commas */

/* Fill items[] from cfg; returns how many, or -1 after logging why. */
static int
wait_parse(const struct tend_config *cfg)
{
	struct tend_err err;
	char *p, *c;
	int n = 0, i;

	if (cfg->wait_csv) {
		(void)fmt_format(csv, sizeof(csv), "%s", cfg->wait_for[0]);
		for (p = csv; p && n < CONFIG_WAIT_MAX; p = c) {
			if ((c = strchr(p, ',')) != NULL)
				*c++ = '\0';
			if (*p)
				items[n++].text = p;
		}
	} else
		for (n = 0; n < cfg->nwait; n++)
			items[n].text = cfg->wait_for[n];
	if (cfg->mode == MODE_PROBE) {	/* "tend probe": its one probe, nwait 0 */
		items[0].text = cfg->probe;
		n = 1;
	}
	for (i = 0; i < n; i++)
		if (probespec_parse(items[i].text, &items[i].spec, &err) < 0) {
			log_error("%s: %s", cfg->mode == MODE_WAIT ? "wait" :
			    cfg->mode == MODE_PROBE ? "probe" : "--wait-for", err.msg);
			return -1;
		}
	return n;
}

static void
wait_print_verdict(const struct probe_run *run)
{
	/* Always fits: "unhealthy: ", at most sizeof(why) - 1 bytes, "\n". */
	char line[sizeof(run->why) + 16];
	int n = fmt_format(line, sizeof(line), "%s: %s\n", run->ok ? "healthy" :
	    "unhealthy", run->why);

	(void)log_write_all(STDOUT_FILENO, line, (size_t)n);
}

static void
wait_on_done(struct wait_item *w, const struct tend_config *cfg)
{
	bool once = cfg->mode == MODE_PROBE;	/* "tend probe": one try */

	w->running = false;
	/* Logged when up, and at the first failure; "tend probe" says it on stdout. */
	if (once)
		wait_print_verdict(&w->run);
	else if (w->run.ok || !w->failed)
		log_warn("wait: %s is %s (%s)", w->text, w->run.ok ? "up" :
		    "not up yet", w->run.why);
	w->up = once || w->run.ok;
	w->failed = !w->run.ok;
	w->next = w->run.started + cfg->wait_interval;
}

/* Reap what died; exec probes' keepers get their verdict. */
static void
wait_reap(int n)
{
	struct reap_event ev[32];
	struct wait_item *w;
	bool none_left;
	size_t k, i;

	do {
		k = reap_some(ev, 32, &none_left);
		for (i = 0; i < k; i++) {
			if (WIFSTOPPED(ev[i].status))
				continue;
			for (w = items; w < items + n; w++)
				if (w->running && w->run.pid == ev[i].pid)
					probe_on_exit(&w->run, ev[i].status);
		}
	} while (k == 32);
}

/* Read signals: returns a stop signal, or 0. */
static int
wait_signals(int sigfd, bool *reap)
{
	struct signalfd_siginfo si[16];
	size_t k, i;
	int sig;

	k = sig_read(sigfd, si, 16);
	for (i = 0; i < k; i++) {
		sig = (int)si[i].ssi_signo;
		/* HUP, INT and QUIT are 1-3 (a signal is never 0), or TERM. */
		_Static_assert(SIGHUP == 1 && SIGINT == 2 && SIGQUIT == 3,
		    "the stop signals are 1-3 and SIGTERM");
		if (sig <= SIGQUIT || sig == SIGTERM)
			return sig;
		if (sig == SIGCHLD)
			*reap = true;
	}
	return 0;
}

static int
wait_timed_out(const struct tend_config *cfg, int n, int code)
{
	char line[LOG_LINE_MAX - 64], dur[32];
	const char *sep = "";
	struct wait_item *w;
	size_t off;

	off = (size_t)fmt_format(line, sizeof(line), "wait: gave up after %s; not up:",
	    parse_format_duration(cfg->wait_timeout, dur, sizeof(dur)));
	for (w = items; w < items + n && off < sizeof(line); w++)
		if (!w->up) {
			off += (size_t)fmt_format(line + off, sizeof(line) - off,
			    "%s %s (%s)", sep, w->text, w->failed ?
			    w->run.why : "no answer yet");
			sep = ",";
		}
	log_error("%s", line);
	return code;
}

int
wait_run(const struct tend_config *cfg, int sigfd, const struct probe_env *env,
    int timeout_code)
{
	struct pollfd pfd[CONFIG_WAIT_MAX + 1];
	struct probe_run *at[CONFIG_WAIT_MAX + 1];	/* pfd[k]'s probe */
	uint64_t now = clock_now(), end, due;
	bool reap = false, all_up;
	struct wait_item *w;
	unsigned k, i;
	int n, sig, code;

	if ((n = wait_parse(cfg)) < 0)
		return EXIT_USAGE;
	end = cfg->wait_timeout && cfg->mode != MODE_PROBE ?
	    deadline_after(now, cfg->wait_timeout) : DEADLINE_NEVER;
	/* poll() changes only revents: pfd[0] is set once. */
	pfd[0] = (struct pollfd){ .fd = sigfd, .events = POLLIN };
	/* Each item's next try is 0 (static): due at once. */
	for (;;) {
		now = clock_now();
		all_up = true;
		due = end;
		k = 1;
		for (w = items; w < items + n; w++) {
			/*
			 * Started if due; then taken if done: at once, by the
			 * last poll's I/O or reaping, or by its deadline. One
			 * that is due again as it finishes starts next turn
			 * (the poll below does not wait: its next try is due).
			 */
			if (!w->up && !w->running && now >= w->next && now < end) {
				probe_start(&w->run, &w->spec, env, now,
				    deadline_min(cfg->probe_timeout, end - now));
				w->running = true;
			}
			if (w->running) {
				probe_on_time(&w->run, now);
				if (probe_done(&w->run))
					wait_on_done(w, cfg);
			}
			if (w->up)
				continue;
			all_up = false;
			if (!w->running) {
				due = deadline_min(due, w->next);
				continue;
			}
			due = deadline_min(due, probe_deadline(&w->run));
			if ((pfd[k].fd = probe_fd(&w->run, &pfd[k].events)) >= 0)
				at[k++] = &w->run;
		}
		if (all_up) {
			if (n > 1)
				log_warn("wait: all %d probes are up", n);
			/*
			 * 0, as none failed its last try; "tend probe" (one
			 * probe, "up" after its one try): 1 if that failed.
			 */
			return items[0].failed;
		}
		if (now >= end) {
			code = wait_timed_out(cfg, n, timeout_code);
			break;
		}
		if (poll(pfd, (nfds_t)k, deadline_timeout_ms(due, now)) <= 0)
			continue;
		if ((pfd[0].revents & POLLIN) && (sig = wait_signals(sigfd, &reap))) {
			log_warn("wait: stopped by signal %d before the probes passed", sig);
			code = 128 + sig;
			break;
		}
		if (reap) {
			reap = false;
			wait_reap(n);
		}
		for (i = 1; i < k; i++)
			if (pfd[i].revents)
				probe_on_io(at[i], pfd[i].revents);
	}
	/* Given up: what still runs is stopped, exec probes' keepers TERMed. */
	for (w = items; w < items + n; w++)
		if (w->running)
			probe_on_timeout(&w->run);
	return code;
}

int
wait_cmd(const struct tend_config *cfg)
{
	struct probe_env env = { NULL, NULL, NULL, false, false };
	/*
	 * main() blocked every signal. "tend probe" reads SIGCHLD alone, as
	 * it always has: a stop signal stays pending, the probe runs out.
	 */
	int fd = sig_fd(cfg->mode == MODE_PROBE ? SIG_BIT(SIGCHLD) : SIG_ALL,
	    SFD_CLOEXEC);

	if (fd < 0) {
		log_error("cannot set up signals: %s", strerror(-fd));
		return EXIT_INTERNAL;
	}
	return wait_run(cfg, fd, &env, 1);
}
