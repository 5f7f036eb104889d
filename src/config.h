/* SPDX-License-Identifier: MIT */
/*
 * config.h - tend's configuration, from argv and the TEND_* environment.
 *
 * Pure: config_parse() turns arrays into a struct tend_config or a one-line
 * error, and never touches the OS. All options live in one table in
 * config.c, which also generates the usage text, so the parser, --help and
 * the environment names cannot drift apart.
 */
#ifndef TEND_CONFIG_H
#define TEND_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "exitcode.h"
#include "signame.h"

#define CONFIG_WAIT_MAX	16	/* probes to wait for */

enum tend_mode {
	MODE_RUN,	/* run COMMAND */
	MODE_PAUSE,	/* --pause: no command, only reap */
	MODE_HELP,
	MODE_VERSION,
	MODE_LICENSE,	/* -l, as tini's */
	MODE_STATUS,	/* tend status */
	MODE_PROBE,	/* tend probe PROBE */
	MODE_WAIT,	/* tend wait PROBE... */
};

enum health_action {
	HEALTH_ACTION_NONE,
	HEALTH_ACTION_STOP,
};

enum log_format {
	LOG_FORMAT_TEXT,
	LOG_FORMAT_JSON,
};

/*
 * Every field an option sets lies in the first 256 bytes (config.c keeps
 * its offset in a byte): the big maps and arrays come after them.
 */
struct tend_config {
	enum tend_mode	 mode;
	int		 verbosity;	/* 0 errors .. 3 debug */
	enum log_format	 log_format;
	bool		 subreaper;
	bool		 kill_group;
	bool		 warn_reap;	/* log each reaped process but the app */
	int		 pdeathsig;	/* 0: none */

	uint64_t	 grace;		/* ns; all durations are ns */
	uint64_t	 stop_timeout;	/* 0: none */
	uint64_t	 pre_stop;	/* 0: none */
	const char	*pre_stop_cmd;	/* --pre-stop exec:CMD, or NULL */
	uint64_t	 pre_stop_timeout; /* how long pre_stop_cmd may run */
	uint64_t	 deadline;	/* --deadline; 0: none */
	uint64_t	 stop_budget;	/* 0: a stop's drain uses grace too */

	const char	*health;	/* probe spec, NULL: no health checks */
	uint64_t	 health_interval;
	uint64_t	 health_timeout;
	uint64_t	 health_start_period;
	uint64_t	 health_start_interval;
	unsigned	 health_retries;
	enum health_action health_action;

	const char	*user;		/* USER[:GROUP], NULL: unchanged */
	const char	*workdir;	/* NULL: unchanged */
	bool		 no_new_privs;
	bool		 pause;		/* --pause given */

	bool		 wait_csv;	/* see wait_for */
	int		 nwait;
	uint64_t	 wait_timeout;	/* 0: for ever */
	uint64_t	 wait_interval;

	const char	*probe;		/* MODE_PROBE: the probe spec */
	uint64_t	 probe_timeout;

	struct sigmap	 rewrite;
	struct exitmap	 remap;

	/*
	 * --wait-for (repeatable) or tend wait's probes; from TEND_WAIT_FOR,
	 * wait_for[0] is the whole comma-separated list and wait_csv is set.
	 */
	const char	*wait_for[CONFIG_WAIT_MAX];

	int		 argc;		/* MODE_RUN: the app's command */
	char *const	*argv;
	const char	*unknown_env;	/* first unrecognised TEND_* name */
	uint32_t	 from_env;	/* bit i: option i came from its variable */
	const char	*notify_socket;	/* NOTIFY_SOCKET's value, or NULL */
};

/* Fill cfg with the defaults (Docker's for health checks). */
void	config_defaults(struct tend_config *cfg);

/*
 * Parse argv (argv[0] is tend's name) and envp (NULL-terminated
 * "NAME=value" strings; may be NULL). A command-line option wins over its
 * environment variable, and an empty variable counts as unset. Strings in
 * cfg point into argv and envp, which must outlive it.
 * Returns 0, or -EINVAL with err naming the option and the bad value;
 * even then cfg->log_format is what --log-format or TEND_LOG_FORMAT asks.
 */
int	config_parse(struct tend_config *cfg, int argc, char *const argv[],
	    char *const envp[], struct tend_err *err);

/*
 * The name to put before an error about the value of the option stored at
 * offset off of struct tend_config: "TEND_USER" if it came from the
 * environment, else "--user". Written into buf (n bytes; at least 32, the
 * longest name being 27 with its NUL, else it is left ""); returns buf.
 */
const char *config_label(const struct tend_config *cfg, size_t off, char *buf,
	    size_t n);

/*
 * Write the usage text (SYNOPSIS lines, then one line per option with its
 * variable) into buf. Returns the length it needed, like snprintf.
 */
size_t	config_usage(char *buf, size_t n);

#endif
