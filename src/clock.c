/* SPDX-License-Identifier: MIT */
/*
 * clock.c - clock_now(), the monotonic clock every module reads.
 */
#include <time.h>

#include "sysabi.h"
#include "tend.h"

uint64_t
clock_now(void)
{
	struct timespec ts;

	/*
	 * The system call, not the vDSO: libc's vDSO lookup costs a KB of
	 * binary and hundreds of instructions at start-up, for a clock read a
	 * few times per wake-up.
	 */
	(void)sysabi_clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}
