/* SPDX-License-Identifier: MIT */
/*
 * shutdown.h - the stop and drain state machine, as a table, with no I/O.
 *
 * main.c feeds it events (a stop signal arrived, the app exited, a deadline
 * passed, no children are left) and carries out the actions it returns
 * (forward the stop signal, KILL the app, TERM or KILL everyone left,
 * exit). The one deadline it keeps is the only timer shutdown needs.
 */
#ifndef TEND_SHUTDOWN_H
#define TEND_SHUTDOWN_H

#include <stdbool.h>
#include <stdint.h>

#define SHUT_NEVER	UINT64_MAX

enum shut_state {
	SHUT_STAY = 0,		/* table sentinel: no transition */
	SHUT_RUNNING,		/* the app runs; no stop requested */
	SHUT_PRE_STOP,		/* stop requested, waiting out --pre-stop */
	SHUT_STOPPING,		/* stop signal forwarded, --stop-timeout armed */
	SHUT_APP_KILLED,	/* --stop-timeout passed, app sent KILL */
	SHUT_DRAINING,		/* app gone, the rest sent TERM, --grace armed */
	SHUT_KILLING,		/* grace over, the rest sent KILL */
	SHUT_DONE,		/* exit now */
	SHUT_NSTATES
};

enum shut_event {
	SEV_STOP,		/* SIGTERM received (or unhealthy with stop) */
	SEV_URGENT,		/* SIGINT received: cuts --pre-stop short */
	SEV_TIMER,		/* the deadline passed */
	SEV_APP_EXIT,		/* the app was reaped */
	SEV_ALL_GONE,		/* no children left to wait for */
	SEV_NEVENTS
};

enum shut_action {
	SACT_NONE = 0,
	SACT_FORWARD = 1 << 0,	/* forward the stop signal to the app now */
	SACT_KILL_APP = 1 << 1,	/* SIGKILL the app (its group with -g) */
	SACT_TERM_ALL = 1 << 2,	/* SIGTERM every process left */
	SACT_KILL_ALL = 1 << 3,	/* SIGKILL every process left */
	SACT_EXIT = 1 << 4,	/* leave with the app's status */
};

struct shut_durations {
	uint64_t	pre_stop;	/* 0: forward at once */
	uint64_t	stop_timeout;	/* 0: never KILL the app ourselves */
	uint64_t	grace;		/* 0: KILL the rest at once */
	uint64_t	kill_wait;	/* after KILL, give up waiting after this */
	uint64_t	stop_budget;	/* a stop signal's drain ends this long after
					 * it arrived; 0: --grace after the app */
};

struct shutdown {
	enum shut_state	state;
	uint64_t	deadline;	/* absolute ns, SHUT_NEVER if none */
	uint64_t	entered;	/* when the current state began */
	uint64_t	stop_at;	/* when a stop signal began it, or SHUT_NEVER */
};

void	shutdown_init(struct shutdown *s);

/*
 * Feed ev at time now. Returns the actions (a mask of enum shut_action)
 * to carry out, in bit order. Events that mean nothing in the current
 * state return SACT_NONE and change nothing. A zero duration is treated
 * as a deadline that has already passed, so its timer fires at once.
 */
unsigned shutdown_on(struct shutdown *s, enum shut_event ev, uint64_t now,
	    const struct shut_durations *d);

const char *shutdown_state_name(enum shut_state st);

#endif
