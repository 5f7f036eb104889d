/* SPDX-License-Identifier: MIT */
/*
 * reap.c - waitpid() draining and signalling what is left at shutdown.
 *
 * signalfd merges repeated SIGCHLDs into one, so every wake-up drains all
 * reapable children, in batches, until the kernel has none ready.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "reap.h"

size_t
reap_some(struct reap_event *ev, size_t n, bool *ret_none_left)
{
	size_t got = 0;
	pid_t pid;
	int st;

	*ret_none_left = false;
	while (got < n) {
		pid = waitpid(-1, &st, WNOHANG | WUNTRACED);
		if (pid > 0) {
			ev[got].pid = pid;
			ev[got++].status = st;
			continue;
		}
		if (pid < 0 && errno == EINTR)
			continue;
		if (pid < 0 && errno == ECHILD)
			*ret_none_left = true;
		break;
	}
	return got;
}

struct proc_pair {
	pid_t	pid;
	pid_t	ppid;
	bool	mine;
};

/* The parent pid from /proc/PID/stat, or -1. */
static pid_t
reap_read_ppid(int dirfd, const char *name)
{
	char path[64], buf[512], *p;
	ssize_t n;
	int fd;

	if (strlen(name) > 20)
		return -1;
	memcpy(path, name, strlen(name));
	memcpy(path + strlen(name), "/stat", 6);
	if ((fd = openat(dirfd, path, O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	(void)close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	/* The command name may hold spaces and ')'; skip to the last ')'. */
	if ((p = strrchr(buf, ')')) == NULL || p[1] != ' ' || p[2] == '\0')
		return -1;
	return (pid_t)strtol(p + 4, NULL, 10);
}

/* Every (pid, ppid) under /proc into a growing array; returns count or -errno. */
static long
reap_list_procs(struct proc_pair **ret)
{
	struct proc_pair *v = NULL, *nv;
	size_t n = 0, cap = 0;
	struct dirent *de;
	DIR *d;

	if ((d = opendir("/proc")) == NULL)
		return -errno;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] < '1' || de->d_name[0] > '9')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			if ((nv = realloc(v, cap * sizeof(*v))) == NULL)
				break;
			v = nv;
		}
		v[n].pid = (pid_t)strtol(de->d_name, NULL, 10);
		v[n].ppid = reap_read_ppid(dirfd(d), de->d_name);
		v[n++].mine = false;
	}
	(void)closedir(d);
	*ret = v;
	return (long)n;
}

static int
reap_cmp_pid(const void *a, const void *b)
{
	const struct proc_pair *x = a, *y = b;

	return (x->pid > y->pid) - (x->pid < y->pid);
}

/*
 * Mark every descendant of self: one pass per generation, each looking
 * the parent up by binary search, until a pass marks nothing new.
 */
static void
reap_mark_descendants(struct proc_pair *v, size_t n, pid_t self)
{
	struct proc_pair key, *parent;
	bool changed = true;
	size_t i;

	qsort(v, n, sizeof(*v), reap_cmp_pid);
	while (changed) {
		changed = false;
		for (i = 0; i < n; i++) {
			if (v[i].mine)
				continue;
			key.pid = v[i].ppid;
			parent = bsearch(&key, v, n, sizeof(*v), reap_cmp_pid);
			if (v[i].ppid == self || (parent && parent->mine))
				v[i].mine = changed = true;
		}
	}
}

int
reap_signal_rest(bool is_pid1, int sig)
{
	struct proc_pair *v = NULL;
	pid_t self = getpid();
	long n, i;
	int count = 0;

	n = reap_list_procs(&v);
	if (n < 0 && !is_pid1)
		return (int)n;
	if (is_pid1) {
		/* One syscall reaches everyone, even processes that entered by setns. */
		for (i = 0; i < n; i++)
			count += v[i].pid != self;
		if (kill(-1, sig) < 0 && errno != ESRCH)
			count = -errno;
	} else {
		reap_mark_descendants(v, (size_t)n, self);
		for (i = 0; i < n; i++)
			if (v[i].mine && kill(v[i].pid, sig) == 0)
				count++;
	}
	free(v);
	return count;
}
