/* SPDX-License-Identifier: MIT */
/*
 * spawn.c - fork, set up the child, exec, and report failure exactly.
 *
 * Everything between fork() and exec() is async-signal-safe: tend is
 * single-threaded, but the rule keeps the child honest under any libc.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <termios.h>
#include <unistd.h>

#include "sig.h"
#include "spawn.h"
#include "userdb.h"

extern char **environ;

struct spawn_report {
	int	step;
	int	err;
};

/* Report the failed step to the parent and leave; never returns. */
static void __attribute__((noreturn))
spawn_child_fail(int fd, enum spawn_step step)
{
	struct spawn_report rep = { (int)step, errno };

	(void)!write(fd, &rep, sizeof(rep));
	_exit(step == SPAWN_STEP_EXEC && (rep.err == ENOENT ||
	    rep.err == ENOTDIR) ? 127 : 126);
}

static int
spawn_child_stdio(const struct spawn_req *r)
{
	int fd;

	if (r->null_stdin) {
		if ((fd = open("/dev/null", O_RDONLY | O_CLOEXEC)) < 0 ||
		    dup2(fd, STDIN_FILENO) < 0)
			return -1;
	}
	if (r->out_fd >= 0 && (dup2(r->out_fd, STDOUT_FILENO) < 0 ||
	    dup2(r->out_fd, STDERR_FILENO) < 0))
		return -1;
	return 0;
}

/*
 * Socket activation: the fds were passed to tend, but the app is the one
 * that must accept them, so LISTEN_PID must name the app. snprintf is not
 * async-signal-safe, hence the digits by hand.
 */
static void
spawn_child_listen_pid(const struct spawn_req *r)
{
	char digits[16];
	int pid = (int)getpid(), n = 0, i;
	char *p = r->listen_pid_buf;

	if (r->listen_pid == NULL)
		return;
	do
		digits[n++] = (char)('0' + pid % 10);
	while ((pid /= 10) > 0);
	memcpy(p, "LISTEN_PID=", 11);
	p += 11;
	for (i = n - 1; i >= 0; i--)
		*p++ = digits[i];
	*p = '\0';
	*r->listen_pid = r->listen_pid_buf;
}

/* Runs in the child; returns only on failure, with the failed step. */
static enum spawn_step
spawn_child(const struct spawn_req *r)
{
	if (setpgid(0, 0) < 0)
		return SPAWN_STEP_PGRP;
	/* SIGTTOU is still blocked here, so a background tend may do this. */
	if (r->tty_fd >= 0)
		(void)tcsetpgrp(r->tty_fd, getpid());
	sig_child_reset();
	spawn_child_listen_pid(r);
	if (spawn_child_stdio(r) < 0)
		return SPAWN_STEP_STDIO;
	/*
	 * The raw system calls: libc's set*id() broadcast to every thread
	 * (musl's __synccall, 2 KB), and this child has exactly one.
	 */
	if (r->ids) {
		if (syscall(SYS_setgroups, r->ids->ngroups, r->ids->groups) < 0)
			return SPAWN_STEP_GROUPS;
		if (syscall(SYS_setgid, r->ids->gid) < 0)
			return SPAWN_STEP_GID;
		if (syscall(SYS_setuid, r->ids->uid) < 0)
			return SPAWN_STEP_UID;
	}
	if (r->workdir && chdir(r->workdir) < 0 &&
	    (!r->workdir_soft || chdir("/") < 0))
		return SPAWN_STEP_CHDIR;
	if (r->no_new_privs && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return SPAWN_STEP_NNP;
	execvpe(r->argv[0], r->argv, r->envp ? r->envp : environ);
	return SPAWN_STEP_EXEC;
}

/*
 * fork(2) as the bare system call. tend has one thread, and the child only
 * makes system calls before exec, so libc's fork() bookkeeping (atfork
 * handlers, lock resets, which in musl pull in rwlocks, futex waits and the
 * vDSO: 3 KB) buys nothing here.
 */
static pid_t
spawn_fork(void)
{
	return (pid_t)syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0);
}

int
spawn_run(const struct spawn_req *r, struct spawn_result *out)
{
	struct spawn_report rep;
	int pfd[2];
	ssize_t n;
	pid_t pid;

	if (pipe2(pfd, O_CLOEXEC) < 0)
		return -errno;
	pid = spawn_fork();
	if (pid < 0) {
		n = -errno;
		(void)close(pfd[0]);
		(void)close(pfd[1]);
		return (int)n;
	}
	if (pid == 0) {
		(void)close(pfd[0]);
		spawn_child_fail(pfd[1], spawn_child(r));
	}
	(void)close(pfd[1]);
	/* Also here, so a signal forwarded to the group never misses it. */
	(void)setpgid(pid, pid);
	do
		n = read(pfd[0], &rep, sizeof(rep));
	while (n < 0 && errno == EINTR);
	(void)close(pfd[0]);
	out->pid = pid;
	out->step = n == (ssize_t)sizeof(rep) ? (enum spawn_step)rep.step : SPAWN_OK;
	out->err = n == (ssize_t)sizeof(rep) ? rep.err : 0;
	return 0;
}

const char *
spawn_step_name(enum spawn_step step)
{
	static const char *const names[] = {
		[SPAWN_OK] = "ok", [SPAWN_STEP_EXEC] = "exec",
		[SPAWN_STEP_PGRP] = "setpgid", [SPAWN_STEP_STDIO] = "stdio",
		[SPAWN_STEP_GROUPS] = "setgroups", [SPAWN_STEP_GID] = "setgid",
		[SPAWN_STEP_UID] = "setuid", [SPAWN_STEP_CHDIR] = "chdir",
		[SPAWN_STEP_NNP] = "no_new_privs",
	};

	return (unsigned)step < sizeof(names) / sizeof(names[0]) ?
	    names[step] : "?";
}
