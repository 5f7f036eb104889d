/* SPDX-License-Identifier: MIT */
/*
 * priv.h - prepare, in tend, what the app's child needs to step down:
 * the resolved --user identity, HOME, and LISTEN_PID for socket activation.
 *
 * The files are read and the names resolved before fork, so the child only
 * makes the set*id calls; any failure is reported before the app starts.
 */
#ifndef TEND_PRIV_H
#define TEND_PRIV_H

#include <stdbool.h>

#include "config.h"
#include "userdb.h"

struct priv {
	bool		 has_ids;
	struct user_ids	 ids;
	char		**listen_pid_slot;	/* environ entry to rewrite, or NULL */
	char		 listen_pid_buf[32];
};

/*
 * Resolve cfg->user (reading /etc/passwd and /etc/group) and export HOME
 * when the environment has none; find LISTEN_PID if it names tend.
 * Returns 0, or EXIT_CANNOT_EXEC after logging one line naming the user
 * and the failed step.
 */
int	priv_prepare(struct priv *pv, const struct tend_config *cfg);

/* The identity to drop to, or NULL to keep tend's. */
const struct user_ids *priv_ids(const struct priv *pv);

#endif
