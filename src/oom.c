/* SPDX-License-Identifier: MIT */
/*
 * oom.c - the reading half of oom.h; the parsing is cgmem.c's.
 *
 * The memory cgroup is the unified one (/sys/fs/cgroup, or
 * /sys/fs/cgroup/unified on a hybrid host) if it has memory.events, else
 * the v1 memory controller's (/sys/fs/cgroup/memory). Its OOM kills are
 * memory.events' oom_kill (v2) or memory.oom_control's oom_kill (v1,
 * Linux 4.13+; before that, a rise of memory.failcnt).
 */
#include <fcntl.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cgmem.h"
#include "fmt.h"
#include "log.h"
#include "oom.h"
#include "signame.h"
#include "sysabi.h"

/*
 * dir/file into buf, NUL-terminated (empty if unreadable); its length.
 * The path is put together by hand, not with fmt_format: this runs at
 * every start, where fmt_format was a fifth of tend's instructions.
 */
static ssize_t
oom_read(const char *dir, const char *file, char *buf, size_t n)
{
	char path[sizeof(((struct oom_watch *)0)->dir) + 32];
	ssize_t r = 0;
	int fd;

	size_t dl = strlen(dir), fl = strlen(file);

	/* Not fmt_format: this runs before every start, byte loops cost. */
	memcpy(path, dir, dl);
	path[dl] = '/';
	memcpy(path + dl + 1, file, fl + 1);
	if ((fd = sysabi_open(path, O_RDONLY | O_CLOEXEC)) >= 0) {
		r = read(fd, buf, n - 1);
		(void)close(fd);
	}
	if (r < 0)
		r = 0;
	buf[r] = '\0';
	return r;
}

/*
 * The counters now into *c (0 if unread). Returns the length of the kill
 * counter's file: 0 if there is no such file.
 */
static ssize_t
oom_counters(const struct oom_watch *w, struct oom_counts *c)
{
	char buf[512];
	ssize_t n;

	c->kills = c->failcnt = 0;
	n = oom_read(w->dir, w->v1 ? "memory.oom_control" : "memory.events", buf,
	    sizeof(buf));
	c->have_kills = cgmem_key(buf, "oom_kill", &c->kills) == 0;
	/* Before Linux 4.13 v1 had no oom_kill line: hitting the limit it is. */
	if (w->v1 && !c->have_kills) {
		(void)oom_read(w->dir, "memory.failcnt", buf, sizeof(buf));
		(void)cgmem_limit(buf, &c->failcnt);
	}
	return n;
}

void __attribute__((noinline))
oom_arm(struct oom_watch *w)
{
	/*
	 * Where the cgroup may be: by its path under the unified mount (or a
	 * hybrid host's), or the v1 memory mount; or, in a container whose
	 * mount shows only its own cgroup (v1 Docker, a cgroup namespace),
	 * at the mount's root.
	 */
	/*
	 * The mounts under /sys/fs/cgroup, in turn: "", "/unified", "/memory",
	 * "", "/memory"; a nibble each of 0x98908 is where in sub one starts.
	 */
	static const char sub[] = "/unified\0/memory";
	char buf[1024], v2[200], v1[200];
	const char *path;
	unsigned i;
	int found;

	(void)oom_read("/proc/self", "cgroup", buf, sizeof(buf));
	found = cgmem_paths(buf, v2, sizeof(v2), v1, sizeof(v1));
	for (i = 0; i < 5; i++) {
		if ((i < 2 && !(found & CGMEM_V2)) || (i == 2 && !(found & CGMEM_V1)))
			continue;
		path = i < 2 ? v2 : i == 2 ? v1 : "/";
		w->v1 = i == 2 || i == 4;
		/* "/" is the root: no doubled slash in the messages. */
		/* At most 22 + 199 bytes and a NUL: dir has room for them. */
		(void)fmt_format(w->dir, sizeof(w->dir), "/sys/fs/cgroup%s%s",
		    sub + ((0x98908 >> (4 * i)) & 15), path[1] ? path : "");
		if (oom_counters(w, &w->at_start) > 0)
			return;
	}
	w->dir[0] = '\0';
}

/* True if the OOM killer struck in the cgroup since oom_arm(). */
static bool
oom_struck(const struct oom_watch *w)
{
	struct oom_counts now;

	if (w->dir[0] == '\0')
		return false;
	(void)oom_counters(w, &now);
	if (w->at_start.have_kills && now.have_kills)
		return now.kills > w->at_start.kills;
	return w->v1 && now.failcnt > w->at_start.failcnt;
}

_Static_assert((long long)CGMEM_NO_LIMIT == -1, "no limit logs as -1");

void
oom_log_death(const struct oom_watch *w, int st)
{
	const char *limit_file = w->v1 ? "memory.limit_in_bytes" : "memory.max";
	char name[16], size[32], why[80], buf[64];
	uint64_t limit = CGMEM_NO_LIMIT;
	int s = WTERMSIG(st);
	bool oom = s == SIGKILL && oom_struck(w);

	why[0] = '\0';
	if (oom) {
		(void)oom_read(w->dir, limit_file, buf, sizeof(buf));
		(void)cgmem_limit(buf, &limit);
		cgmem_size(size, sizeof(size), limit);
		(void)fmt_format(why, sizeof(why), ": out of memory (%s %s)",
		    limit_file, limit == CGMEM_NO_LIMIT ? "max" : size);
	}
	log_emit(LOG_WARN, (struct log_field[]){ LOGF_INT("exit_code", 128 + s),
	    LOGF_INT("signal", s), LOGF_STR("reason", oom ? "oom" : "signal"),
	    /* -1 unless oom found a limit: CGMEM_NO_LIMIT is -1 as a long long. */
	    LOGF_INT("memory_limit", (long long)limit), LOGF_END },
	    "app killed by SIG%s%s", signame_from_num(s, name, sizeof(name)), why);
}
