/* SPDX-License-Identifier: MIT */
/*
 * compat.c - tini's and dumb-init's variables (see compat.h).
 *
 * A few passes over envp, once at start-up: simpler (and smaller) than
 * one pass that sorts every name.
 */
#include <string.h>

#include "compat.h"

/* The value of name ("NAME=") in envp, the first if repeated, or NULL. */
static const char *
compat_get(char *const envp[], const char *name)
{
	size_t len = strlen(name);

	for (; envp && *envp; envp++)
		if (strncmp(*envp, name, len) == 0)
			return *envp + len;
	return NULL;
}

/* tend's own variable is set: an empty one counts as unset, as in config.c. */
static bool
compat_tend_set(char *const envp[], const char *name)
{
	const char *v = compat_get(envp, name);

	return v && *v;
}

void
compat_env(struct tend_config *cfg, char *const envp[], bool verbose_given)
{
	const char *v;
	int lvl = 0;

	/* tini reads these two as set or not, whatever the value. */
	if (compat_get(envp, "TINI_SUBREAPER=") &&
	    !compat_tend_set(envp, "TEND_SUBREAPER="))
		cfg->subreaper = true;
	/* -g on the command line is already true here, and stays. */
	if (!cfg->kill_group && !compat_tend_set(envp, "TEND_KILL_GROUP=")) {
		cfg->kill_group = compat_get(envp, "TINI_KILL_PROCESS_GROUP=");
		if ((v = compat_get(envp, "DUMB_INIT_SETSID=")) && v[0] == '0' &&
		    v[1] == '\0')
			cfg->kill_group = false;
	}
	if ((v = compat_get(envp, "TINI_VERBOSITY=")) && !verbose_given &&
	    !compat_tend_set(envp, "TEND_VERBOSITY=")) {
		/* As tini's atoi(): leading digits, anything else is 0. */
		for (; *v >= '0' && *v <= '9' && lvl < 3; v++)
			lvl = lvl * 10 + (*v - '0');
		cfg->verbosity = lvl > 3 ? 3 : lvl;
	}
}
