/* SPDX-License-Identifier: MIT */
/*
 * oom.h - say why the app died: of which signal, and for a SIGKILL
 * whether the kernel's OOM killer sent it, with the memory limit.
 *
 * The cgroup's OOM-kill counter is read once before the app starts and
 * again only when the app has died of SIGKILL: nothing on the signal or
 * reap paths of other processes, nothing while idle.
 */
#ifndef TEND_OOM_H
#define TEND_OOM_H

#include <stdbool.h>
#include <stdint.h>

/* The cgroup's OOM counters at one moment. */
struct oom_counts {
	uint64_t	kills;		/* oom_kill */
	uint64_t	failcnt;	/* v1 memory.failcnt */
	bool		have_kills;	/* an oom_kill counter was read */
};

struct oom_watch {
	char			dir[232];	/* the memory cgroup's directory; "" if none */
	bool			v1;		/* v1 memory controller, else v2 */
	struct oom_counts	at_start;	/* before the app started */
};

/* Find tend's memory cgroup and read its counters (before the app starts). */
void	oom_arm(struct oom_watch *w);

/*
 * Log the app's death by the signal in wait status st, at the default
 * verbosity, with the OOM verdict for a SIGKILL.
 */
void	oom_log_death(const struct oom_watch *w, int st);

#endif
