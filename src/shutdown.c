/* SPDX-License-Identifier: MIT */
/*
 * shutdown.c - the transition table behind shutdown.h.
 *
 * Reading a row: "in this state, on this event, go there and do that".
 * A missing entry means the event is not for this state. The timers are
 * not in the table: each state has at most one, armed on entry by
 * shutdown_arm(), and its expiry is the SEV_TIMER column.
 */
#include "shutdown.h"

/* Bytes, not an enum and an unsigned: 80 B of table instead of 320. */
struct shut_edge {
	unsigned char	next;		/* enum shut_state */
	unsigned char	act;		/* enum shut_action mask */
};
_Static_assert(SHUT_NSTATES <= 256 && SACT_EXIT < 128, "shut_edge fields are bytes");

static const struct shut_edge shut_table[SHUT_NSTATES][SEV_NEVENTS] = {
	[SHUT_RUNNING] = {
		[SEV_STOP] = { SHUT_PRE_STOP, SACT_NONE },
		[SEV_APP_EXIT] = { SHUT_DRAINING, SACT_TERM_ALL },
	},
	[SHUT_PRE_STOP] = {
		[SEV_STOP] = { SHUT_STOPPING, SACT_FORWARD },
		[SEV_URGENT] = { SHUT_STOPPING, SACT_FORWARD },
		[SEV_TIMER] = { SHUT_STOPPING, SACT_FORWARD },
		[SEV_APP_EXIT] = { SHUT_DRAINING, SACT_TERM_ALL },
	},
	[SHUT_STOPPING] = {
		/* A repeated stop signal is forwarded like any other. */
		[SEV_STOP] = { SHUT_STOPPING, SACT_FORWARD },
		[SEV_TIMER] = { SHUT_APP_KILLED, SACT_KILL_APP },
		[SEV_APP_EXIT] = { SHUT_DRAINING, SACT_TERM_ALL },
	},
	[SHUT_APP_KILLED] = {
		[SEV_APP_EXIT] = { SHUT_DRAINING, SACT_TERM_ALL },
	},
	[SHUT_DRAINING] = {
		[SEV_TIMER] = { SHUT_KILLING, SACT_KILL_ALL },
		[SEV_ALL_GONE] = { SHUT_DONE, SACT_EXIT },
	},
	[SHUT_KILLING] = {
		/* Unkillable (D state) stragglers must not hold us forever. */
		[SEV_TIMER] = { SHUT_DONE, SACT_EXIT },
		[SEV_ALL_GONE] = { SHUT_DONE, SACT_EXIT },
	},
};

void
shutdown_init(struct shutdown *s)
{
	s->state = SHUT_RUNNING;
	s->deadline = SHUT_NEVER;
	s->entered = 0;
	s->stop_at = SHUT_NEVER;
}

/* The deadline of state st entered at now; SHUT_NEVER if it has none. */
static uint64_t
shutdown_arm(const struct shutdown *s, enum shut_state st, uint64_t now,
    const struct shut_durations *d)
{
	uint64_t dur, base = now, at;

	switch (st) {
	case SHUT_PRE_STOP:
		dur = d->pre_stop;
		break;
	case SHUT_STOPPING:
		if (d->stop_timeout == 0)
			return SHUT_NEVER;
		dur = d->stop_timeout;
		break;
	case SHUT_DRAINING:
		/*
		 * A stop signal's drain ends a budget after the signal, so the
		 * rest may use the runtime's whole stop timeout however soon
		 * the app went; if the app took all of it, KILL at once.
		 */
		if (s->stop_at != SHUT_NEVER && d->stop_budget) {
			base = s->stop_at;
			dur = d->stop_budget;
		} else {
			dur = d->grace;
		}
		break;
	case SHUT_KILLING:
		dur = d->kill_wait;
		break;
	default:
		return SHUT_NEVER;
	}
	/* Saturated; not before now (only a stop signal's budget can be). */
	at = dur > SHUT_NEVER - 1 - base ? SHUT_NEVER - 1 : base + dur;
	return at > now ? at : now;
}

unsigned
shutdown_on(struct shutdown *s, enum shut_event ev, uint64_t now,
    const struct shut_durations *d)
{
	const struct shut_edge *e;
	unsigned act = SACT_NONE;

	for (;;) {
		/* SHUT_STAY's row and SHUT_DONE's are empty: they stay. */
		if ((unsigned)s->state >= SHUT_NSTATES)
			return act;
		e = &shut_table[s->state][ev];
		if (e->next == SHUT_STAY)
			return act;
		act |= e->act;
		if (ev == SEV_STOP && s->state == SHUT_RUNNING)
			s->stop_at = now;
		if (e->next != s->state) {
			s->state = e->next;
			s->entered = now;
			s->deadline = shutdown_arm(s, s->state, now, d);
		}
		/* A zero duration: its timer has already fired. */
		if (s->deadline > now)
			return act;
		ev = SEV_TIMER;
	}
}

const char *
shutdown_state_name(enum shut_state st)
{
	static const char *const names[SHUT_NSTATES] = {
		[SHUT_STAY] = "stay", [SHUT_RUNNING] = "running",
		[SHUT_PRE_STOP] = "pre-stop", [SHUT_STOPPING] = "stopping",
		[SHUT_APP_KILLED] = "app-killed", [SHUT_DRAINING] = "draining",
		[SHUT_KILLING] = "killing", [SHUT_DONE] = "done",
	};

	return st < SHUT_NSTATES ? names[st] : "?";
}
