/* SPDX-License-Identifier: MIT */
/*
 * reap.c - waitpid() draining and signalling what is left at shutdown.
 *
 * signalfd merges repeated SIGCHLDs into one, so every wake-up drains all
 * reapable children, in batches, until the kernel has none ready.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dirscan.h"
#include "fmt.h"
#include "reap.h"
#include "vec.h"

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
reap_read_ppid(int dirfd, long pid)
{
	char path[32], buf[512], *p;
	long ppid = 0;
	ssize_t n;
	int fd;

	(void)fmt_format(path, sizeof(path), "%ld/stat", pid);
	if ((fd = openat(dirfd, path, O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	(void)close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	/* The command name may hold spaces and ')'; skip to the last ')'. */
	if ((p = strrchr(buf, ')')) == NULL || p[1] != ' ' || p[2] == '\0' ||
	    p[3] != ' ')
		return -1;
	for (p += 4; *p >= '0' && *p <= '9' && ppid < 0x7fffffff; p++)
		ppid = ppid * 10 + (*p - '0');
	return (pid_t)ppid;
}

static int
reap_add_proc(void *ctx, long pid, int dirfd)
{
	struct proc_pair pp = { (pid_t)pid, reap_read_ppid(dirfd, pid), false };

	return vec_append(ctx, &pp, 1);
}

/* Index of pid in the sorted v, or -1. */
static long
reap_find(const struct proc_pair *v, size_t n, pid_t pid)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (v[mid].pid == pid)
			return (long)mid;
		if (v[mid].pid < pid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* /proc lists pids in ascending order; sort anyway, cheaply if so. */
static void
reap_sort(struct proc_pair *v, size_t n)
{
	struct proc_pair tmp;
	size_t gap, i, j;

	for (gap = n / 2; gap > 0; gap /= 2)
		for (i = gap; i < n; i++) {
			tmp = v[i];
			for (j = i; j >= gap && v[j - gap].pid > tmp.pid; j -= gap)
				v[j] = v[j - gap];
			v[j] = tmp;
		}
}

/*
 * Mark every descendant of self: one pass per generation, each looking
 * the parent up by binary search, until a pass marks nothing new.
 */
static void
reap_mark_descendants(struct proc_pair *v, size_t n, pid_t self)
{
	bool changed = true;
	long parent;
	size_t i;

	reap_sort(v, n);
	while (changed) {
		changed = false;
		for (i = 0; i < n; i++) {
			if (v[i].mine)
				continue;
			parent = reap_find(v, n, v[i].ppid);
			if (v[i].ppid == self || (parent >= 0 && v[parent].mine))
				v[i].mine = changed = true;
		}
	}
}

/* True unless the kernel says tend has no children at all. */
static bool
reap_have_children(void)
{
	siginfo_t si;

	return waitid(P_ALL, 0, &si, WEXITED | WNOHANG | WNOWAIT) == 0 ||
	    errno != ECHILD;
}

static int
reap_count_proc(void *ctx, long pid, int dirfd)
{
	(void)dirfd;
	if (pid != 1)
		++*(int *)ctx;
	return 0;
}

int
reap_signal_rest(bool is_pid1, int sig, bool want_count)
{
	struct vec procs = VEC_INIT(struct proc_pair);
	struct proc_pair *v;
	pid_t self = getpid();
	size_t i;
	int count = 0, r;

	if (is_pid1) {
		/* One syscall reaches everyone, even processes that entered by setns. */
		if (want_count)
			(void)dirscan_numbers("/proc", reap_count_proc, &count);
		return kill(-1, sig) < 0 && errno != ESRCH ? -errno : count;
	}
	/* A subreaper's descendants are all its children once orphaned. */
	if (!reap_have_children())
		return 0;
	if ((r = dirscan_numbers("/proc", reap_add_proc, &procs)) < 0) {
		vec_free(&procs);
		return r;
	}
	v = procs.p;
	reap_mark_descendants(v, procs.len, self);
	for (i = 0; i < procs.len; i++)
		if (v[i].mine && kill(v[i].pid, sig) == 0)
			count++;
	vec_free(&procs);
	return count;
}
