/* SPDX-License-Identifier: MIT */
/*
 * priv.h - prepare, in tend, what the app's child needs to step down:
 * the resolved --user identity, HOME, and LISTEN_PID for socket activation.
 *
 * The files are read and the names resolved before fork, so the child only
 * makes the set*id calls; any failure is reported before the app starts.
 * tend's own environment is never changed: when the app's must differ, a
 * copy is built here and passed to execvpe().
 */
#ifndef TEND_PRIV_H
#define TEND_PRIV_H

#include <stdbool.h>

#include "config.h"
#include "userdb.h"
#include "vec.h"

struct priv {
	bool		 has_ids;
	struct user_ids	 ids;
	struct vec	 env;			/* char *, NULL-terminated; empty: environ */
	long		 listen_pid_idx;	/* env slot of LISTEN_PID, or -1 */
	char		 listen_pid_buf[32];
	char		 home[8 + USERDB_HOME_SIZE];
};

/*
 * Resolve cfg->user (reading /etc/passwd and /etc/group), and build the
 * app's environment if it needs HOME or a LISTEN_PID naming tend.
 * Returns 0, or EXIT_CANNOT_EXEC after logging one line naming the user
 * and the failed step (EXIT_INTERNAL if memory ran out).
 */
int	priv_prepare(struct priv *pv, const struct tend_config *cfg);

/* The identity to drop to, or NULL to keep tend's. */
const struct user_ids *priv_ids(const struct priv *pv);

/* The app's environment, or NULL for tend's own. */
char	**priv_envp(const struct priv *pv);

/* The slot of envp the child rewrites to its LISTEN_PID, or NULL. */
char	**priv_listen_pid_slot(const struct priv *pv);

#endif
