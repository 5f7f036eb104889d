/* SPDX-License-Identifier: MIT */
/*
 * oneshot.h - the subcommands that do one thing and exit:
 * "tend status" asks a running tend for its health, "tend probe" runs one
 * probe itself.
 */
#ifndef TEND_ONESHOT_H
#define TEND_ONESHOT_H

#include "config.h"

/* 0 healthy, 1 not (starting or unhealthy), 2 no tend with health checks. */
int	oneshot_status(void);

/*
 * "tend probe" is "tend wait" with one try: wait_cmd() (wait.h), which
 * main() calls for both; 0 healthy, 1 unhealthy, 2 bad probe, with a
 * one-line reason.
 */

#endif
