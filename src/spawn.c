/* SPDX-License-Identifier: MIT */
/*
 * spawn.c - fork, set up the child, exec, and report failure exactly.
 *
 * Everything between fork and exec is async-signal-safe and touches no
 * libc state. A failed step comes back to the parent as (step, errno)
 * through a close-on-exec pipe, which reaches EOF when the child exec'd.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <termios.h>
#include <unistd.h>

#include "fmt.h"
#include "sig.h"
#include "spawn.h"
#include "sysabi.h"
#include "userdb.h"

extern char **environ;

/* What a child that failed a step writes to the verdict pipe. */
struct spawn_child_arg {
	enum spawn_step		 step;
	int			 err;
};

static int
spawn_child_stdio(const struct spawn_req *r)
{
	int fd;

	if (r->null_stdin) {
		if ((fd = sysabi_open("/dev/null", O_RDONLY | O_CLOEXEC)) < 0 ||
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
 * that must accept them, so LISTEN_PID must name the app. fmt_format()
 * is tend's own, with no state and no locks: safe after fork.
 */
static void
spawn_child_listen_pid(const struct spawn_req *r, pid_t me)
{
	char **slot = r->listen_pid, *buf = r->listen_pid_buf;

	if (slot == NULL)
		return;
	(void)fmt_format(buf, SPAWN_LISTEN_PID_MAX, "LISTEN_PID=%d", (int)me);
	*slot = buf;
}

/*
 * execvpe() as musl does it (no /bin/sh retry on ENOEXEC): a name without
 * a slash is looked up in tend's own PATH, or "/usr/local/bin:/bin:/usr/bin";
 * a directory that refuses access is remembered (EACCES), a missing file
 * skipped. Here because musl's is twice the size. Returns only on failure.
 */
static void
spawn_exec(char *const argv[], char *const envp[])
{
	const char *file = argv[0], *path = "", *z, *f;
	char buf[PATH_MAX], **e;
	size_t k = strlen(file), l;
	bool eacces = false;

	errno = ENOENT;
	if (!*file)
		return;
	/* A name with a slash is tried as it is: a list of one empty entry. */
	if (!strchr(file, '/')) {
		for (path = NULL, e = environ; *e && !path; e++)
			if (strncmp(*e, "PATH=", 5) == 0)
				path = *e + 5;
		if (!path)
			path = "/usr/local/bin:/bin:/usr/bin";
		if (k > NAME_MAX) {
			errno = ENAMETOOLONG;
			return;
		}
	}
	for (;; path = z + 1) {
		for (z = path; *z && *z != ':'; z++)
			;
		l = (size_t)(z - path);
		/* An empty entry is the working directory: file as it is. */
		if (l == 0 || l + k + 2 <= sizeof(buf)) {
			f = file;
			if (l) {
				(void)fmt_format(buf, sizeof(buf), "%.*s/%s",
				    (int)l, path, file);
				f = buf;
			}
			execve(f, argv, envp);
			if (errno == EACCES)
				eacces = true;
			else if (errno != ENOENT && errno != ENOTDIR)
				return;
		}
		if (!*z)
			break;
	}
	if (eacces)
		errno = EACCES;
}

/* Runs in the child; returns only on failure, with the failed step. */
static enum spawn_step
spawn_child(const struct spawn_req *r)
{
	pid_t me = getpid();
	const struct user_ids *ids;

	if (setpgid(0, 0) < 0)
		return SPAWN_STEP_PGRP;
	/* SIGTTOU is still blocked here, so a background tend may do this. */
	if (r->tty_fd >= 0)
		(void)sysabi_tcsetpgrp(r->tty_fd, me);
	sig_child_reset();
	spawn_child_listen_pid(r, me);
	if (spawn_child_stdio(r) < 0)
		return SPAWN_STEP_STDIO;
	/*
	 * The raw system calls: libc's set*id() broadcast to every thread
	 * (musl's __synccall, 2 KB), and this child has exactly one.
	 */
	if ((ids = r->ids) != NULL) {	/* a local: not reloaded after each call */
		if (syscall(SYSABI_setgroups, ids->ngroups, ids->groups) < 0)
			return SPAWN_STEP_GROUPS;
		if (syscall(SYSABI_setgid, ids->gid) < 0)
			return SPAWN_STEP_GID;
		if (syscall(SYSABI_setuid, ids->uid) < 0)
			return SPAWN_STEP_UID;
	}
	if (r->workdir && chdir(r->workdir) < 0 &&
	    (!r->workdir_soft || chdir("/") < 0))
		return SPAWN_STEP_CHDIR;
	if (r->no_new_privs && syscall(SYS_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return SPAWN_STEP_NNP;
	spawn_exec(r->argv, r->envp ? r->envp : environ);
	return SPAWN_STEP_EXEC;
}

/* How a child that could not exec leaves: 127 if the file is missing. */
static void __attribute__((noreturn))
spawn_child_fail(const struct spawn_child_arg *arg)
{
	_exit(126 + (arg->step == SPAWN_STEP_EXEC && (arg->err == ENOENT ||
	    arg->err == ENOTDIR)));
}

pid_t
spawn_plain_fork(void)
{
#ifdef TEND_SANITIZE
	return fork();
#elif defined(__s390__) || defined(__s390x__)
	/* s390 takes the stack first and the flags second. */
	return (pid_t)syscall(SYS_clone, 0, SIGCHLD, 0, 0, 0);
#else
	/*
	 * The system call: musl's fork() brings its atfork and lock machinery
	 * (5 KB) for threads tend does not have. With no new stack the child
	 * returns here on its own copy of ours, like fork().
	 */
	return (pid_t)syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0);
#endif
}

pid_t
spawn_fork(const struct spawn_req *r, int *ret_fd)
{
	struct spawn_child_arg arg = { SPAWN_OK, 0 };
	int pfd[2];
	pid_t pid;

	if (syscall(SYS_pipe2, pfd, O_CLOEXEC) < 0)	/* not musl's 200 B */
		return -1;
	if ((pid = spawn_plain_fork()) == 0) {
		(void)close(pfd[0]);
		arg.step = spawn_child(r);
		arg.err = errno;
		(void)!write(pfd[1], &arg, sizeof(arg));
		spawn_child_fail(&arg);
	}
	/* close() of the pipe's own fds succeeds, leaving fork()'s errno. */
	(void)close(pfd[1]);
	if (pid < 0) {
		(void)close(pfd[0]);
		return -1;
	}
	*ret_fd = pfd[0];
	return pid;
}

int
spawn_verdict(int fd, struct spawn_result *out)
{
	struct spawn_child_arg arg;
	ssize_t n;

	/*
	 * No EINTR: tend and the keeper have every signal blocked (they take
	 * them from a signalfd or sigtimedwait) and install no handler.
	 */
	n = read(fd, &arg, sizeof(arg));
	if (n != (ssize_t)sizeof(arg)) {
		out->step = SPAWN_OK;
		out->err = 0;
		return 0;
	}
	out->step = arg.step;
	out->err = arg.err;
	return -1;
}

/*
 * The app starts through the same fork() as everything else, and only
 * here does tend wait for a child's exec (a read of the verdict pipe): at
 * that moment tend has no other child, so nothing tend started can stop
 * the app between its setuid and its exec. A CLONE_VM|CLONE_VFORK start
 * saved about 370 user-space instructions but no measurable wall time
 * (bench/notes.md), and a single path is the one the sanitizer builds test.
 */
int
spawn_run(const struct spawn_req *r, struct spawn_result *out)
{
	pid_t pid;
	int fd;

	if ((pid = spawn_fork(r, &fd)) < 0)
		return -1;
	(void)spawn_verdict(fd, out);
	(void)close(fd);
	/* Also here, so a signal forwarded to the group never misses it. */
	(void)setpgid(pid, pid);
	out->pid = pid;
	return 0;
}

const char *
spawn_step_name(enum spawn_step step)
{
	/* In enum order, each ended by its NUL: no table of pointers. */
	static const char names[] = "ok\0exec\0setpgid\0stdio\0setgroups\0"
	    "setgid\0setuid\0chdir\0no_new_privs\0?";
	const char *p = names;
	unsigned i;

	for (i = 0; i < (unsigned)step && i <= SPAWN_STEP_NNP; i++)
		p += strlen(p) + 1;
	return p;
}
