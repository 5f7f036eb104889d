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
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dirscan.h"
#include "fmt.h"
#include "parse.h"
#include "reap.h"
#include "sysabi.h"
#include "vec.h"

size_t
reap_some(struct reap_event *ev, size_t n, bool *ret_none_left)
{
	size_t got = 0;
	pid_t pid;
	int st;

	*ret_none_left = false;
	while (got < n) {
		pid = sysabi_waitpid(-1, &st, WNOHANG | WUNTRACED);
		if (pid > 0) {
			ev[got].pid = pid;
			ev[got++].status = st;
			continue;
		}
		/* No EINTR: with WNOHANG wait4() never sleeps. */
		if (pid < 0 && errno == ECHILD)
			*ret_none_left = true;
		break;
	}
	return got;
}

/* A test build names a file that is missing, to take the full scan. */
#ifndef REAP_CHILDREN
#define REAP_CHILDREN	"children"
#endif

#ifndef SYS_pidfd_send_signal
#define SYS_pidfd_send_signal	424	/* the same number on every architecture */
#endif
/* A test build names a missing system call, as on kernels before 5.1. */
#ifndef REAP_PIDFD_SEND_SIGNAL
#define REAP_PIDFD_SEND_SIGNAL	SYS_pidfd_send_signal
#endif

/* A process found, to be looked under and signalled. */
struct reap_node {
	pid_t		pid;
	uint64_t	start;		/* start time, in clock ticks after boot */
};

/* A process of the whole /proc, when children files are missing. */
struct reap_pair {
	pid_t		pid;
	pid_t		ppid;
};

struct reap_walk {
	int		proc;		/* /proc */
	int		sig;
	int		count;		/* processes signalled */
	pid_t		self;		/* tend, numbered as /proc numbers it */
	bool		no_pidfd;	/* kill() tend's own children only */
	struct vec	todo;		/* struct reap_node, breadth first */
	struct vec	all;		/* struct reap_pair by ppid, or empty */
};

/* Signal the process fd is /proc/PID of (0 checks that it is unreaped). */
static int
reap_pidfd_signal(int fd, int sig)
{
	return syscall(REAP_PIDFD_SEND_SIGNAL, fd, sig, NULL, 0) == 0 ? 0 : -errno;
}

#define REAP_EXITING	'x'	/* a state: PF_EXITING, its children leaving */

/*
 * From the stat file at path under dirfd: the state letter, parent and
 * start time. Returns the state, REAP_EXITING for a process already on
 * its way out (it can fork no more), or 0 if the file cannot be read.
 */
static char
reap_stat(int dirfd, const char *path, pid_t *ppid, uint64_t *start)
{
	char buf[512], *p, state;
	uint64_t v, f[23];
	ssize_t n;
	int fd, i;

	if ((fd = sysabi_openat(dirfd, path, O_RDONLY | O_CLOEXEC)) < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	(void)close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	/* The command name may hold spaces and ')'; fields follow the last ')'. */
	if ((p = strrchr(buf, ')')) == NULL || p[1] != ' ' || (state = p[2]) == '\0')
		return 0;
	p += 2;
	/*
	 * Field 3 is the state, 4 the parent, 9 the flags, 20 the threads,
	 * 22 the start time.
	 */
	for (i = 3; i <= 22; i++) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			return 0;
		for (v = 0; *p >= '0' && *p <= '9'; p++)
			v = v * 10 + (uint64_t)(*p - '0');
		while (*p != ' ' && *p != '\0')
			p++;
		f[i] = v;
	}
	*ppid = (pid_t)f[4];
	*start = f[22];
	/* The state and flags are the first thread's, which may have left alone. */
	if (f[20] > 1 && state == 'Z')
		state = 'S';
	else if (f[20] <= 1 && (f[9] & 4) && state != 'Z')
		state = REAP_EXITING;
	return state;
}

/*
 * Worth signalling and looking under? Not a zombie; and not, for KILL,
 * a process already exiting: whatever it still has is orphaned to tend
 * before tend hears of its death, so the round that follows finds it.
 */
static bool
reap_live(const struct reap_walk *w, char st)
{
	return st != 0 && st != 'Z' && st != 'X' &&
	    (st != REAP_EXITING || w->sig != SIGKILL);
}

/* Where children are looked for: q, open as qfd. */
struct reap_under {
	struct reap_walk	*w;
	int			 qfd;
	pid_t			 q;
};

/*
 * pid was listed as a child of q (open as qfd, or tend itself): if it
 * still is, queue it. Open as /proc/PID, a process stays that one process
 * (once reaped, its files fail to read even if the pid is reused). Its
 * stat, read through that fd, names q as the parent while q is still
 * unreaped: so it is q's child now, not a stranger on a reused pid.
 */
static void
reap_child(void *ctx, long pid)
{
	const struct reap_under *u = ctx;
	struct reap_walk *w = u->w;
	struct reap_node nd = { (pid_t)pid, 0 };
	char name[16], st;
	pid_t ppid = 0;
	int fd;

	(void)fmt_format(name, sizeof(name), "%d", (int)pid);
	if ((fd = sysabi_openat(w->proc, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return;
	st = reap_stat(fd, "stat", &ppid, &nd.start);
	if (reap_live(w, st) && ppid == u->q &&
	    (u->q == w->self || reap_pidfd_signal(u->qfd, 0) == 0))
		(void)vec_append(&w->todo, &nd, 1);
	(void)close(fd);
}

/* Every pid in one thread's children file. */
static int
reap_task(void *ctx, long tid, int taskfd)
{
	char path[32];

	(void)fmt_format(path, sizeof(path), "%ld/" REAP_CHILDREN, tid);
	(void)dirscan_pids_at(taskfd, path, reap_child, ctx);
	return 0;
}

/*
 * Queue q's children, then signal q: listed first, they are still q's
 * children whatever the signal does to q. A queued process is signalled
 * only if it is still the one queued (same start time, through the same
 * fd the signal goes through: pidfd_send_signal() takes a /proc/PID fd).
 */
static void
reap_visit(struct reap_walk *w, struct reap_node q)
{
	struct reap_under u = { w, -1, q.pid };
	const struct reap_pair *a = w->all.p;
	size_t lo = 0, hi = w->all.len, mid;
	uint64_t start = 0;
	char name[16], st;
	pid_t ppid;
	int r = -1;	/* 0 once q is signalled */

	(void)fmt_format(name, sizeof(name), "%d", (int)q.pid);
	if ((u.qfd = sysabi_openat(w->proc, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return;
	if (q.pid != w->self) {
		st = reap_stat(u.qfd, "stat", &ppid, &start);
		if (!reap_live(w, st) || start != q.start)
			goto out;
		/*
		 * Without pidfds (before Linux 5.1, or a seccomp filter
		 * refusing them) only tend's own children can be signalled
		 * safely, with kill(): no one but tend can free their pids,
		 * and tend is not reaping now. What is below them waits
		 * until it is orphaned to tend, for a later round.
		 */
		if (w->no_pidfd) {
			r = kill(q.pid, w->sig);
			goto out;
		}
	}
	if (a == NULL)
		(void)dirscan_numbers_at(u.qfd, "task", reap_task, &u);
	else {
		while (lo < hi) {
			mid = lo + (hi - lo) / 2;
			if (a[mid].ppid < q.pid)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < w->all.len && a[lo].ppid == q.pid; lo++)
			reap_child(&u, a[lo].pid);
	}
	if (q.pid != w->self)
		r = reap_pidfd_signal(u.qfd, w->sig);
out:
	if (r == 0)
		w->count++;
	(void)close(u.qfd);
}

static int
reap_add_proc(void *ctx, long pid, int dirfd)
{
	struct reap_pair pp = { (pid_t)pid, -1 };
	char path[32];
	uint64_t start;

	(void)fmt_format(path, sizeof(path), "%ld/stat", pid);
	if (reap_stat(dirfd, path, &pp.ppid, &start) == 0)
		return 0;
	return vec_append(ctx, &pp, 1);
}

/* By parent: a shell sort, cheap on the nearly sorted order of /proc. */
static void
reap_sort(struct reap_pair *v, size_t n)
{
	struct reap_pair tmp;
	size_t gap, i, j;

	for (gap = n / 2; gap > 0; gap /= 2)
		for (i = gap; i < n; i++) {
			tmp = v[i];
			for (j = i; j >= gap && v[j - gap].ppid > tmp.ppid; j -= gap)
				v[j] = v[j - gap];
			v[j] = tmp;
		}
}

/*
 * One round of a subreaper's drain: tend's descendants, breadth first
 * from tend. Each process's children are read from the children file of
 * each of its threads, so the cost follows the descendants, not the
 * host's processes; a kernel without those files (CONFIG_PROC_CHILDREN)
 * costs one read of every process's stat instead. A child forked while
 * its parent was being signalled can be missed: the caller repeats the
 * round as processes are reaped, until the kernel says none is left.
 */
static int
reap_walk(int sig)
{
	struct reap_walk w = { -1, sig, 0, 0, false, VEC_INIT(struct reap_node),
	    VEC_INIT(struct reap_pair) };
	struct reap_node me = { 0, 0 };
	char buf[32];
	uint64_t pid;
	ssize_t n, i;
	int r = 0;

	if ((w.proc = sysabi_open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return -errno;
	if ((n = sysabi_readlinkat(w.proc, "self", buf, sizeof(buf) - 1)) < 0) {
		r = -errno;
		goto out;
	}
	buf[n] = '\0';
	/* The link is tend's pid as this /proc numbers it. */
	if (parse_uint(buf, 0x7fffffff, &pid) < 0) {
		r = -ENOENT;
		goto out;
	}
	w.self = me.pid = (pid_t)pid;
	/* A real pidfd_send_signal() says EBADF for fd -1. */
	w.no_pidfd = reap_pidfd_signal(-1, 0) != -EBADF;
	(void)fmt_format(buf, sizeof(buf), "self/task/%d/" REAP_CHILDREN, (int)me.pid);
	if ((r = sysabi_openat(w.proc, buf, O_RDONLY | O_CLOEXEC)) >= 0)
		(void)close(r);
	else {
		if ((r = dirscan_numbers_at(w.proc, ".", reap_add_proc, &w.all)) < 0)
			goto out;
		reap_sort(w.all.p, w.all.len);
	}
	if ((r = vec_append(&w.todo, &me, 1)) < 0)
		goto out;
	/* By value: the queue may move as it grows. */
	for (i = 0; (size_t)i < w.todo.len; i++)
		reap_visit(&w, ((struct reap_node *)w.todo.p)[i]);
	r = w.count;
out:
	vec_free(&w.todo);
	vec_free(&w.all);
	(void)close(w.proc);
	return r;
}

/* True unless the kernel says tend has no children at all. */
static bool
reap_have_children(void)
{
	siginfo_t si;

	/* The system call: musl's waitid() is the same call behind a wrapper. */
	return syscall(SYS_waitid, P_ALL, 0, &si, WEXITED | WNOHANG | WNOWAIT,
	    NULL) == 0 ||
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

/*
 * Not inlined into its one caller: there GCC copied the walk's clean-up
 * onto each error path the caller logs (64 B on ppc64el, 80 on s390x).
 */
int __attribute__((noinline))
reap_signal_rest(bool is_pid1, int sig, bool want_count)
{
	int count = 0;

	if (is_pid1) {
		/* One syscall reaches everyone, even processes that entered by setns. */
		if (want_count)
			(void)dirscan_numbers("/proc", reap_count_proc, &count);
		return kill(-1, sig) < 0 && errno != ESRCH ? -errno : count;
	}
	/* A subreaper's descendants are all its children once orphaned. */
	return reap_have_children() ? reap_walk(sig) : 0;
}
