/* SPDX-License-Identifier: MIT */
/*
 * health.h - the Docker HEALTHCHECK state machine, with no clock of its own.
 *
 * The caller says when the service started, when each probe finished and
 * whether it passed; this module says what the health is now and when the
 * next probe is due. It follows dockerd (daemon/health.go):
 *
 *  - the state starts as "starting";
 *  - one passing probe makes it "healthy" and ends the start period;
 *  - a failing probe that finishes inside the start period while still
 *    "starting" is not counted;
 *  - otherwise failures count, and `retries` in a row make it "unhealthy";
 *    a pass resets the count and makes it "healthy" again;
 *  - the next probe is due one interval after the last one finished, or
 *    one start_interval while still "starting" inside the start period.
 *
 * Running the probe, killing it at cfg.timeout and deciding what to do
 * about "unhealthy" are the caller's. Only one probe may be in flight.
 */
#ifndef TEND_HEALTH_H
#define TEND_HEALTH_H

#include <stdbool.h>
#include <stdint.h>

#define HEALTH_SEC	UINT64_C(1000000000)	/* nanoseconds */

/* Times in nanoseconds. A zero field means Docker's default for it. */
struct health_cfg {
	uint64_t	interval;	/* default 30 s */
	uint64_t	timeout;	/* default 30 s; enforced by caller */
	uint64_t	start_period;	/* default 0 */
	uint64_t	start_interval;	/* default 5 s */
	unsigned	retries;	/* default 3 */
};

enum health_state {
	HEALTH_STARTING,
	HEALTH_HEALTHY,
	HEALTH_UNHEALTHY
};

/* Fields are for reading; only health_* functions change them. */
struct health {
	struct health_cfg	cfg;		/* zero fields defaulted */
	enum health_state	state;
	unsigned		failures;	/* counted failures in a row */
	uint64_t		started;	/* time passed to health_init */
	uint64_t		next_due;
};

/* Fill cfg with Docker's defaults. */
void		health_cfg_default(struct health_cfg *cfg);

/* "starting", "healthy", "unhealthy", or "unknown" for other values. */
const char	*health_state_name(enum health_state s);

/*
 * Start tracking a service that started at now. cfg is copied, with
 * zero fields replaced by the defaults as dockerd does. The first probe
 * is due at now + start_interval if there is a start period, else at
 * now + interval.
 */
void		health_init(struct health *h, const struct health_cfg *cfg,
		    uint64_t now);

/* Absolute time at which the next probe should start. */
uint64_t	health_next_due(const struct health *h);

/*
 * Record a probe that finished at now; ok is false for a failure or a
 * timeout. Updates state, failures and next_due, and returns the state.
 */
enum health_state	health_on_result(struct health *h, bool ok,
			    uint64_t now);

#endif
