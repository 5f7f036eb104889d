/* SPDX-License-Identifier: MIT */
/*
 * spawn.h - start the app (or an exec probe) the way an init must.
 *
 * The child gets its own process group, optionally the terminal's
 * foreground, default signal dispositions and an empty mask, optionally a
 * new identity and working directory, then exec. If any step fails the
 * child sends (step, errno) through a close-on-exec pipe and leaves with
 * _exit(): the parent learns exactly what failed without
 * guessing from an exit code, and the child never returns into tend.
 */
#ifndef TEND_SPAWN_H
#define TEND_SPAWN_H

#include <stdbool.h>
#include <sys/types.h>

struct user_ids;

enum spawn_step {
	SPAWN_OK = 0,
	SPAWN_STEP_EXEC,
	SPAWN_STEP_PGRP,
	SPAWN_STEP_STDIO,
	SPAWN_STEP_GROUPS,
	SPAWN_STEP_GID,
	SPAWN_STEP_UID,
	SPAWN_STEP_CHDIR,
	SPAWN_STEP_NNP,
};

#define SPAWN_LISTEN_PID_MAX	32	/* the size of spawn_req.listen_pid_buf */

struct spawn_req {
	char *const		*argv;		/* argv[0] is looked up in PATH */
	int			 tty_fd;	/* >= 0: child's group takes the foreground */
	int			 out_fd;	/* >= 0: becomes stdout and stderr */
	bool			 null_stdin;	/* stdin from /dev/null */
	const char		*workdir;	/* NULL: inherit */
	bool			 workdir_soft;	/* if workdir fails, use / instead */
	bool			 no_new_privs;
	const struct user_ids	*ids;		/* NULL: keep tend's identity */
	char			**envp;		/* NULL: tend's own environment */
	char			**listen_pid;	/* non-NULL: envp slot to set to */
	char			*listen_pid_buf; /* "LISTEN_PID=<child pid>" (SPAWN_LISTEN_PID_MAX bytes) */
};

struct spawn_result {
	pid_t		 pid;	/* > 0 once forked, even if exec failed */
	enum spawn_step	 step;	/* SPAWN_OK, or the step that failed */
	int		 err;	/* errno of that step */
};

/*
 * Fork and exec r->argv, waiting until the child has exec'd or failed:
 * for the app's start only, when tend has no other child. Returns 0 (look
 * at out->step for the child's fate; a failed child still has to be
 * reaped) or -1 with errno if no child could be started.
 */
int	spawn_run(const struct spawn_req *r, struct spawn_result *out);

/* fork(), without libc's atfork machinery: 0 in the child, as fork(). */
pid_t	spawn_plain_fork(void);

/*
 * Fork (no CLONE_VM, no VFORK: the caller never waits) and exec r->argv in
 * the child. Returns the child's pid, or -1 with errno; *ret_fd is then a
 * close-on-exec pipe on which the child leaves (step, errno) if a step
 * failed. It reaches EOF when the child has exec'd or exited, so read it
 * with spawn_verdict() once the child is known to be gone, or poll it.
 */
pid_t	spawn_fork(const struct spawn_req *r, int *ret_fd);

/*
 * Read the verdict of spawn_fork() from fd: 0 if the child exec'd (or left
 * nothing), -1 with out->step and out->err set if a step failed.
 */
int	spawn_verdict(int fd, struct spawn_result *out);

/* "exec", "setgid", ... for messages. */
const char *spawn_step_name(enum spawn_step step);

#endif
