/* SPDX-License-Identifier: MIT */
/*
 * compat.h - the variables of the inits tend replaces, read when tend's
 * own are not set, so an image built for docker --init (tini) or dumb-init
 * keeps its behaviour when tend becomes its init.
 *
 * Pure: reads envp, writes cfg.
 *   TINI_SUBREAPER          set (to anything, as tini reads it): --subreaper
 *   TINI_KILL_PROCESS_GROUP set (to anything): --kill-group
 *   TINI_VERBOSITY=N        tini's level: 0 fatal, 1 warn, 2 info, 3+ debug
 *                           map to tend's 0-3
 *   DUMB_INIT_SETSID=0      signals to the app alone: no --kill-group
 * and, in the same pass over the environment, NOTIFY_SOCKET for notify.c.
 */
#ifndef TEND_COMPAT_H
#define TEND_COMPAT_H

#include "config.h"

/*
 * Apply the peers' variables found in envp to cfg, which holds the
 * defaults: config_parse() calls this first, so the command line and the
 * TEND_* variables, read after it, win over them.
 */
void	compat_env(struct tend_config *cfg, char *const envp[]);

#endif
