/* SPDX-License-Identifier: MIT */
/*
 * health.c - Docker HEALTHCHECK bookkeeping: state, failure streak and
 * when to probe next.
 *
 * Pure arithmetic on times the caller supplies. Running probes, timing
 * them out and acting on the verdict are left to the caller.
 */
#include <limits.h>
#include <stddef.h>

#include "health.h"

static const char *const health_names[] = {
	[HEALTH_STARTING] = "starting",
	[HEALTH_HEALTHY] = "healthy",
	[HEALTH_UNHEALTHY] = "unhealthy",
};

/* Docker's defaults; health_init() reads them from here, not from code. */
static const struct health_cfg health_defaults = {
	.interval = 30 * HEALTH_SEC,
	.timeout = 30 * HEALTH_SEC,
	.start_period = 0,
	.start_interval = 5 * HEALTH_SEC,
	.retries = 3,
};

void
health_cfg_default(struct health_cfg *cfg)
{
	*cfg = health_defaults;
}

/* Out of line: three callers, each would carry the bounds check. */
__attribute__((noinline)) const char *
health_state_name(enum health_state s)
{
	if ((unsigned)s >= sizeof(health_names) / sizeof(health_names[0]))
		return "unknown";
	return health_names[s];
}

/* Saturate rather than wrap: a huge interval means "practically never". */
static uint64_t
health_add(uint64_t t, uint64_t d)
{
	return t > UINT64_MAX - d ? UINT64_MAX : t + d;
}

/*
 * Still in the start period: never healthy (nor unhealthy) yet, and less
 * than start_period since the service started.
 */
static bool
health_in_start_period(const struct health *h, uint64_t now)
{
	if (h->state != HEALTH_STARTING)
		return false;
	return now < h->started || now - h->started < h->cfg.start_period;
}

/* The next probe is due one interval (or start interval) after now. */
static __attribute__((noinline)) void
health_schedule(struct health *h, uint64_t now)
{
	h->next_due = health_add(now, health_in_start_period(h, now) ?
	    h->cfg.start_interval : h->cfg.interval);
}

void
health_init(struct health *h, const struct health_cfg *cfg, uint64_t now)
{
	const struct health_cfg *def = &health_defaults;

	h->cfg = *cfg;
	/* dockerd treats 0 as "use the default" for every field. */
	if (h->cfg.interval == 0)
		h->cfg.interval = def->interval;
	if (h->cfg.timeout == 0)
		h->cfg.timeout = def->timeout;
	if (h->cfg.start_interval == 0)
		h->cfg.start_interval = def->start_interval;
	if (h->cfg.retries == 0)
		h->cfg.retries = def->retries;
	h->state = HEALTH_STARTING;
	h->failures = 0;
	h->started = now;
	health_schedule(h, now);
}

uint64_t
health_next_due(const struct health *h)
{
	return h->next_due;
}

enum health_state
health_on_result(struct health *h, bool ok, uint64_t now)
{
	if (ok) {
		h->failures = 0;
		h->state = HEALTH_HEALTHY;
	} else if (!health_in_start_period(h, now)) {
		/* The streak is shown to people; it only has to not wrap. */
		if (h->failures < UINT_MAX)
			h->failures++;
		if (h->failures >= h->cfg.retries)
			h->state = HEALTH_UNHEALTHY;
	}
	health_schedule(h, now);
	return h->state;
}
