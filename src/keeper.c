/* SPDX-License-Identifier: MIT */
/*
 * keeper.c - run an exec probe so that tend never waits for it and nothing
 * it starts outlives it.
 *
 * tend fork()s a keeper (a copy of itself that never execs) and returns to
 * its loop at once. The keeper makes itself a subreaper, starts the probe
 * command with the app's identity and restrictions, and waits. When the
 * command exits, or tend asks with SIGTERM (timeout, shutdown), the keeper
 * SIGKILLs every process left below it: a grandchild that called setsid()
 * or double-forked is still its descendant, or was handed to it as an
 * orphan, so nothing escapes. It then leaves with the command's own status,
 * which is what tend reaps.
 *
 * The keeper keeps tend's identity: a compromised app of the probe's uid
 * can neither signal nor trace it, so it cannot stop the clean-up. It is
 * not dumpable, and it takes no_new_privs when the app has it.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dirscan.h"
#include "fmt.h"
#include "keeper.h"
#include "log.h"
#include "sig.h"
#include "spawn.h"
#include "sysabi.h"

static void
keeper_kill_listed(void *ctx, long pid)
{
	int *n = ctx;

	if (pid > 0 && kill((pid_t)pid, SIGKILL) == 0)
		(*n)++;
}

/*
 * SIGKILL every child once; returns how many were killed. The children
 * file of our only thread lists zombies too, so killing one is harmless.
 */
static int
keeper_kill_children(int self)
{
	char path[48];
	int n = 0;

	(void)fmt_format(path, sizeof(path), "/proc/self/task/%d/children", self);
	/* 0 too if the file cannot be read: nothing was listed. */
	(void)dirscan_pids_at(AT_FDCWD, path, keeper_kill_listed, &n);
	return n;
}

/*
 * Kill and reap everything below the keeper. Each round kills the children
 * it sees and reaps one; the orphans of a killed child become children and
 * are seen next round, so this ends after one round per process. Without
 * a children file (CONFIG_PROC_CHILDREN), the probe's process group is the
 * best that can be done.
 */
static void
keeper_kill_all(pid_t probe, int *probe_status, bool *probe_reaped)
{
	int self = (int)getpid(), st, n, opt = WNOHANG;
	pid_t w;

	if (!*probe_reaped)
		(void)kill(-probe, SIGKILL);	/* its group, for lack of /proc */
	for (;;) {
		n = keeper_kill_children(self);
		w = sysabi_waitpid(-1, &st, n > 0 ? 0 : opt);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return;			/* ECHILD: nothing is left */
		if (w == probe && !*probe_reaped) {
			*probe_status = st;
			*probe_reaped = true;
		}
		/*
		 * None killed and none gone: children the file does not show
		 * (no /proc). The next round waits for them.
		 */
		opt = w ? WNOHANG : 0;
	}
}

/* Leave as the command did: its exit code, or death by its signal. */
static void __attribute__((noreturn))
keeper_exit_as(int status)
{
	if (WIFSIGNALED(status)) {
		sig_child_reset();
		(void)kill(getpid(), WTERMSIG(status));
		_exit(128 + WTERMSIG(status));
	}
	_exit(WIFEXITED(status) ? WEXITSTATUS(status) : 125);
}

/* Why the command did not start, as its output: the probe's verdict shows it. */
static void
keeper_say(const struct spawn_req *r, const char *step, int err)
{
	char msg[256];
	int n = fmt_format(msg, sizeof(msg), "cannot start %s: %s: %s\n",
	    r->argv[0], step, strerror(err));

	(void)log_write_all(r->out_fd, msg, (size_t)n < sizeof(msg) ? (size_t)n :
	    sizeof(msg) - 1);
}

static const unsigned char keeper_prctl[][2] = {
	{ PR_SET_PDEATHSIG, SIGTERM }, { PR_SET_DUMPABLE, 0 },
	{ PR_SET_CHILD_SUBREAPER, 1 }, { PR_SET_NO_NEW_PRIVS, 1 },
};

static void __attribute__((noreturn))
keeper_main(const struct spawn_req *r)
{
	struct spawn_result res;
	int vfd, st = 0, sig, i, nprctl = 3 + r->no_new_privs;
	bool reaped = false;
	pid_t probe, w;

	(void)sig_block(SIG_BIT(SIGCHLD) | SIG_BIT(SIGTERM));
	/*
	 * The system call: musl's prctl() only unpacks its varargs. In order;
	 * no_new_privs, the last, only when the app has it.
	 */
	for (i = 0; i < nprctl; i++)
		(void)syscall(SYS_prctl, keeper_prctl[i][0], keeper_prctl[i][1], 0, 0, 0);
	if ((probe = spawn_fork(r, &vfd)) < 0) {
		keeper_say(r, "fork", errno);
		_exit(125);
	}
	for (;;) {
		sig = sig_wait(SIG_BIT(SIGCHLD) | SIG_BIT(SIGTERM));
		if (sig == SIGTERM || sig < 0)
			break;
		while ((w = sysabi_waitpid(-1, &st, WNOHANG)) > 0 && w != probe)
			;
		if (w == probe) {
			reaped = true;
			break;
		}
	}
	keeper_kill_all(probe, &st, &reaped);
	if (spawn_verdict(vfd, &res) < 0)
		keeper_say(r, spawn_step_name(res.step), res.err);
	if (!reaped)
		_exit(128 + SIGKILL);
	keeper_exit_as(st);
}

pid_t
keeper_start(const struct spawn_req *r)
{
	pid_t pid = spawn_plain_fork();

	if (pid == 0)
		keeper_main(r);
	return pid;
}

void
keeper_stop(pid_t keeper)
{
	if (keeper > 0)
		(void)kill(keeper, SIGTERM);
}
