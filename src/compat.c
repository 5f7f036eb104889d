/* SPDX-License-Identifier: MIT */
/*
 * compat.c - tini's and dumb-init's variables (see compat.h).
 *
 * Run before the command line and the TEND_* variables are read, so those
 * simply overwrite what is set here: no precedence to work out. One pass
 * over envp in which nearly every name fails on its first byte: this runs
 * at every start.
 */
#include <string.h>

#include "compat.h"

enum { CV_NOTIFY, CV_SETSID, CV_SUBREAPER, CV_KILL_GROUP, CV_VERBOSITY, CV_N };

/* The names in enum order, one string. */
static const char compat_names[] =
	"NOTIFY_SOCKET=\0DUMB_INIT_SETSID=\0TINI_SUBREAPER=\0"
	"TINI_KILL_PROCESS_GROUP=\0TINI_VERBOSITY=";

void
compat_env(struct tend_config *cfg, char *const envp[])
{
	const char *e, *val[CV_N] = { NULL }, *v, *name;
	size_t i;
	int lvl = 0;

	for (; envp && (e = *envp); envp++) {
		if (e[0] != 'N' && e[0] != 'D' && e[0] != 'T')
			continue;
		/* The first of duplicates wins, as getenv() would have it. */
		for (i = 0, name = compat_names; i < CV_N; i++) {
			for (v = e; *name != '\0' && *name == *v; name++, v++)
				;	/* the common prefix */
			if (*name == '\0' && !val[i])
				val[i] = v;
			while (*name++ != '\0')
				;	/* to the next name */
		}
	}
	cfg->notify_socket = val[CV_NOTIFY];
	/* tini reads these two as set or not, whatever the value. */
	cfg->subreaper = val[CV_SUBREAPER];
	cfg->kill_group = val[CV_KILL_GROUP];
	if ((v = val[CV_SETSID]) && v[0] == '0' && !v[1])
		cfg->kill_group = false;
	if ((v = val[CV_VERBOSITY])) {
		/* As tini's atoi(): leading digits, anything else is 0. */
		for (; *v >= '0' && *v <= '9' && lvl < 3; v++)
			lvl = lvl * 10 + (*v - '0');
		cfg->verbosity = lvl > 3 ? 3 : lvl;
	}
}
