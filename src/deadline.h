/* SPDX-License-Identifier: MIT */
/*
 * deadline.h - absolute monotonic deadlines and poll(2) timeouts.
 *
 * Pure arithmetic on nanoseconds. DEADLINE_NEVER means "nothing is
 * scheduled", which becomes an infinite poll timeout: an idle tend sleeps
 * in the kernel until something actually happens.
 */
#ifndef TEND_DEADLINE_H
#define TEND_DEADLINE_H

#include <stdint.h>

#define DEADLINE_NEVER	UINT64_MAX

static inline uint64_t
deadline_min(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

/* now + dur, saturating just below DEADLINE_NEVER. */
static inline uint64_t
deadline_after(uint64_t now, uint64_t dur)
{
	return dur >= DEADLINE_NEVER - 1 - now ? DEADLINE_NEVER - 1 : now + dur;
}

/*
 * The poll(2) timeout until deadline: -1 for DEADLINE_NEVER, 0 if it has
 * passed, else milliseconds rounded up (waking early would only spin),
 * capped at INT32_MAX.
 */
static inline int
deadline_timeout_ms(uint64_t deadline, uint64_t now)
{
	uint64_t left, ms;

	if (deadline == DEADLINE_NEVER)
		return -1;
	if (deadline <= now)
		return 0;
	left = deadline - now;
	ms = left / 1000000 + (left % 1000000 != 0);
	return ms > INT32_MAX ? INT32_MAX : (int)ms;
}

#endif
