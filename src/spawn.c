/* SPDX-License-Identifier: MIT */
/*
 * spawn.c - fork, set up the child, exec, and report failure exactly.
 *
 * Everything between clone() and exec() is async-signal-safe and touches
 * no libc state: the child shares tend's memory until it execs.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <termios.h>
#include <unistd.h>

#include "sig.h"
#include "spawn.h"
#include "sysabi.h"
#include "userdb.h"

extern char **environ;

/*
 * The child runs on its own stack in tend's memory (CLONE_VM) while tend
 * waits (CLONE_VFORK), so it reports a failure by writing here.
 */
struct spawn_child_arg {
	const struct spawn_req	*req;
	enum spawn_step		 step;
	int			 err;
};

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
		if (syscall(SYSABI_setgroups, r->ids->ngroups, r->ids->groups) < 0)
			return SPAWN_STEP_GROUPS;
		if (syscall(SYSABI_setgid, r->ids->gid) < 0)
			return SPAWN_STEP_GID;
		if (syscall(SYSABI_setuid, r->ids->uid) < 0)
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

#ifndef TEND_SANITIZE
/* Runs in the child; returns only on failure, after recording it. */
static int
spawn_child_main(void *p)
{
	struct spawn_child_arg *arg = p;

	arg->step = spawn_child(arg->req);
	arg->err = errno;
	_exit(arg->step == SPAWN_STEP_EXEC && (arg->err == ENOENT ||
	    arg->err == ENOTDIR) ? 127 : 126);
}

/*
 * The child's stack. It shares tend's memory, so it cannot use tend's own
 * stack; execvpe() keeps a PATH-sized buffer on it, hence the size. Pages
 * never touched cost no memory.
 */
static char spawn_stack[32768] __attribute__((aligned(16)));

/*
 * Start the child the way posix_spawn() does: clone with CLONE_VM and
 * CLONE_VFORK, so no page tables are copied (fork() of even a small
 * process is the largest part of tend's start-up) and tend resumes
 * exactly when the child has exec'd or failed, with the verdict already
 * in memory: no pipe, no read, no guessing.
 */
static pid_t
spawn_start(struct spawn_child_arg *arg)
{
	return clone(spawn_child_main, spawn_stack + sizeof(spawn_stack),
	    CLONE_VM | CLONE_VFORK | SIGCHLD, arg);
}
#else
/*
 * Sanitizer builds: ASan cannot follow a child that runs on a stack of its
 * own in the parent's memory, so there the child is an ordinary fork()
 * that sends its verdict back through a close-on-exec pipe (EOF: exec'd).
 */
static pid_t
spawn_start(struct spawn_child_arg *arg)
{
	int pfd[2];
	pid_t pid;

	if (pipe2(pfd, O_CLOEXEC) < 0)
		return -1;
	if ((pid = fork()) == 0) {
		(void)close(pfd[0]);
		arg->step = spawn_child(arg->req);
		arg->err = errno;
		(void)!write(pfd[1], arg, sizeof(*arg));
		_exit(arg->step == SPAWN_STEP_EXEC && (arg->err == ENOENT ||
		    arg->err == ENOTDIR) ? 127 : 126);
	}
	(void)close(pfd[1]);
	if (pid > 0 && read(pfd[0], arg, sizeof(*arg)) != (ssize_t)sizeof(*arg))
		arg->step = SPAWN_OK;
	(void)close(pfd[0]);
	return pid;
}
#endif

int
spawn_run(const struct spawn_req *r, struct spawn_result *out)
{
	struct spawn_child_arg arg = { r, SPAWN_OK, 0 };
	char *saved = r->listen_pid ? *r->listen_pid : NULL;
	pid_t pid;

	pid = spawn_start(&arg);
	/* The child's LISTEN_PID edit may have landed in our memory: undo it. */
	if (r->listen_pid)
		*r->listen_pid = saved;
	if (pid < 0)
		return -errno;
	/* Also here, so a signal forwarded to the group never misses it. */
	(void)setpgid(pid, pid);
	out->pid = pid;
	out->step = arg.step;
	out->err = arg.step == SPAWN_OK ? 0 : arg.err;
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
