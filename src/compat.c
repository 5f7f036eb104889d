/* SPDX-License-Identifier: MIT */
/*
 * compat.c - tini's and dumb-init's variables (see compat.h).
 *
 * Run before the command line and the TEND_* variables are read, so those
 * simply overwrite what is set here: no precedence to work out.
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

void
compat_env(struct tend_config *cfg, char *const envp[])
{
	const char *v;
	int lvl = 0;

	/* tini reads these two as set or not, whatever the value. */
	cfg->subreaper = compat_get(envp, "TINI_SUBREAPER=");
	cfg->kill_group = compat_get(envp, "TINI_KILL_PROCESS_GROUP=");
	if ((v = compat_get(envp, "DUMB_INIT_SETSID=")) && v[0] == '0' && !v[1])
		cfg->kill_group = false;
	if ((v = compat_get(envp, "TINI_VERBOSITY="))) {
		/* As tini's atoi(): leading digits, anything else is 0. */
		for (; *v >= '0' && *v <= '9' && lvl < 3; v++)
			lvl = lvl * 10 + (*v - '0');
		cfg->verbosity = lvl > 3 ? 3 : lvl;
	}
}
