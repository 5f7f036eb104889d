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

/* 0 healthy, 1 unhealthy, 2 bad probe; prints a one-line reason. */
int	oneshot_probe(const struct tend_config *cfg);

#endif
