/* SPDX-License-Identifier: MIT */
/*
 * config.c - the option table and the argv/environment parser.
 *
 * Parsing stops at "--" or at the first argument that is not an option, so
 * "tend ls -l" runs "ls -l". Long options take "--name=value" or
 * "--name value"; short ones "-p15", "-p 15", and flags bundle ("-vvg").
 * The command line is parsed first; then each option not given there is
 * read from its variable, so a bad variable that the command line
 * overrides is never even looked at.
 */
#include <errno.h>
#include <string.h>

#include "compat.h"
#include "config.h"
#include "fmt.h"
#include "parse.h"
#include "probespec.h"

/* --help tells what this build probes (-DTEND_NET_PROBES: grpc://, names). */
#if PROBESPEC_SUPPORTED & PROBESPEC_GRPC
#define HEALTH_HELP \
	"probe the app: tcp://H:P, http://H:P/PATH, grpc://H:P[/SVC], exec:CMD"
#else
#define HEALTH_HELP "probe the app: tcp://H:P, http://H:P/PATH, exec:CMD"
#endif

enum opt_type {
	OT_HELP,
	OT_VERSION,
	OT_LICENSE,
	OT_VERBOSE,	/* -v counts up; the variable is a level 0-3 */
	OT_FLAG,
	OT_SIGNAL,
	OT_REMAP,	/* repeatable FROM[:TO]; the variable is a comma list */
	OT_REWRITE,	/* repeatable FROM:TO; likewise */
	OT_DURATION,
	OT_PRE_STOP,	/* a duration, or exec:CMD ARGS */
	OT_PERIOD,	/* a duration that must not be 0 */
	OT_STRING,
	OT_RETRIES,
	OT_HEALTH_ACTION,
	OT_LOG_FORMAT,
	OT_WAIT_FOR,	/* repeatable; the variable is a comma list */
};

struct opt {
	const char	*lng;
	char		 shrt;
	const char	*env;
	enum opt_type	 type;
	size_t		 off;
	const char	*arg;
	const char	*help;
};

#define F(field)	offsetof(struct tend_config, field)

static const struct opt opts[] = {
	{ "help", 'h', NULL, OT_HELP, 0, NULL, "print this help and exit" },
	{ "version", 'V', NULL, OT_VERSION, 0, NULL, "print the version and exit" },
	{ "license", 'l', NULL, OT_LICENSE, 0, NULL, "print the license and exit" },
	{ "verbose", 'v', "TEND_VERBOSITY", OT_VERBOSE, F(verbosity), NULL,
	  "more logging, repeatable (level 0-3, default 1)" },
	{ "log-format", 0, "TEND_LOG_FORMAT", OT_LOG_FORMAT, F(log_format),
	  "text|json", "format of tend's own log lines" },
	{ "subreaper", 's', "TEND_SUBREAPER", OT_FLAG, F(subreaper), NULL,
	  "become a child subreaper (automatic when not PID 1)" },
	{ "kill-group", 'g', "TEND_KILL_GROUP", OT_FLAG, F(kill_group), NULL,
	  "forward signals to the app's whole process group" },
	{ "warn-reap", 0, "TEND_WARN_REAP", OT_FLAG, F(warn_reap), NULL,
	  "warn on each process reaped but the app (tini's -w)" },
	{ "pdeathsig", 'p', "TEND_PDEATHSIG", OT_SIGNAL, F(pdeathsig), "SIG",
	  "signal tend gets when its parent dies" },
	{ "remap-exit", 'e', "TEND_REMAP_EXIT", OT_REMAP, F(remap), "FROM[:TO]",
	  "exit TO (default 0) when the app's code is FROM, repeatable" },
	{ "rewrite", 'r', "TEND_REWRITE", OT_REWRITE, F(rewrite), "FROM:TO",
	  "forward signal FROM as TO (0 drops it), repeatable" },
	{ "grace", 0, "TEND_GRACE", OT_DURATION, F(grace), "DURATION",
	  "after the app exits, time the rest get between TERM and KILL (5s)" },
	{ "stop-budget", 0, "TEND_STOP_BUDGET", OT_DURATION, F(stop_budget),
	  "DURATION", "after a stop signal, time all get before KILL (9s; 0: --grace)" },
	{ "stop-timeout", 0, "TEND_STOP_TIMEOUT", OT_DURATION, F(stop_timeout),
	  "DURATION", "KILL the app this long after a stop signal (off)" },
	{ "pre-stop", 0, "TEND_PRE_STOP", OT_PRE_STOP, F(pre_stop),
	  "DURATION|exec:CMD", "wait, or run CMD, before forwarding SIGTERM (off)" },
	{ "pre-stop-timeout", 0, "TEND_PRE_STOP_TIMEOUT", OT_DURATION,
	  F(pre_stop_timeout), "DURATION", "the longest a --pre-stop CMD runs (5s)" },
	{ "deadline", 0, "TEND_DEADLINE", OT_DURATION, F(deadline), "DURATION",
	  "stop the app after this long, exit 124 (off)" },
	{ "pause", 0, "TEND_PAUSE", OT_FLAG, F(pause), NULL,
	  "run no command: only reap, exit 0 on TERM or INT" },
	{ "health", 0, "TEND_HEALTH", OT_STRING, F(health), "PROBE",
	  HEALTH_HELP },
	{ "health-interval", 0, "TEND_HEALTH_INTERVAL", OT_PERIOD,
	  F(health_interval), "DURATION", "time between probes (30s)" },
	{ "health-timeout", 0, "TEND_HEALTH_TIMEOUT", OT_PERIOD,
	  F(health_timeout), "DURATION", "a probe taking longer fails (30s)" },
	{ "health-start-period", 0, "TEND_HEALTH_START_PERIOD", OT_DURATION,
	  F(health_start_period), "DURATION", "failures here do not count (0s)" },
	{ "health-start-interval", 0, "TEND_HEALTH_START_INTERVAL", OT_PERIOD,
	  F(health_start_interval), "DURATION",
	  "time between probes in the start period (5s)" },
	{ "health-retries", 0, "TEND_HEALTH_RETRIES", OT_RETRIES,
	  F(health_retries), "N", "failures in a row that make it unhealthy (3)" },
	{ "health-action", 0, "TEND_HEALTH_ACTION", OT_HEALTH_ACTION,
	  F(health_action), "none|stop", "what to do when unhealthy (none)" },
	{ "wait-for", 0, "TEND_WAIT_FOR", OT_WAIT_FOR, 0, "PROBE",
	  "start the app once PROBE succeeds, repeatable" },
	{ "wait-timeout", 0, "TEND_WAIT_TIMEOUT", OT_DURATION, F(wait_timeout),
	  "DURATION", "give up waiting and exit 123 (60s, 0: never)" },
	{ "user", 'u', "TEND_USER", OT_STRING, F(user), "USER[:GROUP]",
	  "run the app as USER (name or uid)" },
	{ "workdir", 'w', "TEND_WORKDIR", OT_STRING, F(workdir), "DIR",
	  "start the app in DIR" },
	{ "no-new-privs", 0, "TEND_NO_NEW_PRIVS", OT_FLAG, F(no_new_privs), NULL,
	  "set no_new_privs for the app" },
};

#define NOPTS	(sizeof(opts) / sizeof(opts[0]))

_Static_assert(NOPTS <= 32, "tend_config.from_env has a bit per option");

static const char synopsis[] =
    "usage: tend [OPTIONS] [--] COMMAND [ARG ...]\n"
    "       tend --pause [OPTIONS]\n"
    "       tend status\n"
    "       tend probe PROBE [--timeout DURATION]\n"
    "       tend wait [--timeout DURATION] [--interval DURATION] PROBE ...\n";

void
config_defaults(struct tend_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->verbosity = 1;
	cfg->grace = 5 * NSEC_PER_SEC;
	/* docker stop's 10 s, less the time to KILL and exit before it does. */
	cfg->stop_budget = 9 * NSEC_PER_SEC;
	cfg->pre_stop_timeout = 5 * NSEC_PER_SEC;
	cfg->health_interval = 30 * NSEC_PER_SEC;
	cfg->health_timeout = 30 * NSEC_PER_SEC;
	cfg->health_start_interval = 5 * NSEC_PER_SEC;
	cfg->health_retries = 3;
	cfg->probe_timeout = 10 * NSEC_PER_SEC;
	cfg->wait_timeout = 60 * NSEC_PER_SEC;
	cfg->wait_interval = NSEC_PER_SEC;
}

/* The name to show in messages: "--grace" or "TEND_GRACE". */
static const char *
opt_label(const struct opt *o, bool from_env, char *buf, size_t n)
{
	if (from_env)
		(void)fmt_format(buf, n, "%s", o->env);
	else
		(void)fmt_format(buf, n, "--%s", o->lng);
	return buf;
}

/* One FROM[:TO] item of -e into m. */
static int
config_remap_item(struct exitmap *m, const char *s, size_t len)
{
	char item[32], *colon;
	uint64_t from, to = 0;

	if (len == 0 || len >= sizeof(item))
		return -EINVAL;
	memcpy(item, s, len);
	item[len] = '\0';
	colon = strchr(item, ':');
	if (colon) {
		*colon = '\0';
		if (parse_uint(colon + 1, 255, &to) < 0)
			return -EINVAL;
	}
	if (parse_uint(item, 255, &from) < 0)
		return -EINVAL;
	exitmap_set(m, (int)from, (int)to);
	return 0;
}

/* One FROM:TO item of -r into m. */
static int
config_rewrite_item(struct sigmap *m, const char *s, size_t len)
{
	char item[48], *colon;
	int from, to;

	if (len == 0 || len >= sizeof(item))
		return -EINVAL;
	memcpy(item, s, len);
	item[len] = '\0';
	colon = strchr(item, ':');
	if (colon == NULL)
		return -EINVAL;
	*colon = '\0';
	from = signame_to_num(item);
	to = strcmp(colon + 1, "0") == 0 ? 0 : signame_to_num(colon + 1);
	if (from < 0 || to < 0)
		return from < 0 ? from : to;
	/* CHLD is tend's own; KILL and STOP never reach tend at all. */
	if (from == 17 || signame_is_uncatchable(from))
		return -EINVAL;
	sigmap_set(m, from, to);
	return 0;
}

/* Apply a comma-separated list (one item from argv, or a whole variable). */
static int
config_list(const struct opt *o, void *field, const char *val)
{
	const char *end;
	size_t len;
	int r;

	do {
		end = strchr(val, ',');
		len = end ? (size_t)(end - val) : strlen(val);
		if (o->type == OT_REMAP)
			r = config_remap_item(field, val, len);
		else
			r = config_rewrite_item(field, val, len);
		if (r < 0)
			return r;
		if (end)
			val = end + 1;
	} while (end);
	return 0;
}

static int
config_choice(const char *val, const char *const *names, int *ret)
{
	int i;

	for (i = 0; names[i]; i++)
		if (strcmp(val, names[i]) == 0) {
			*ret = i;
			return 0;
		}
	return -EINVAL;
}

/* Store val (never NULL for valued types) into cfg per o. */
static int
config_set(struct tend_config *cfg, const struct opt *o, const char *val,
    bool from_env)
{
	static const char *const actions[] = { "none", "stop", NULL };
	static const char *const formats[] = { "text", "json", NULL };
	void *field = (char *)cfg + o->off;
	uint64_t u;
	int r = 0, i;
	bool b;

	switch (o->type) {
	case OT_VERBOSE:
		if ((r = parse_uint(val, 3, &u)) == 0)
			cfg->verbosity = (int)u;
		break;
	case OT_FLAG:
		if (!from_env)
			b = true;
		else
			r = parse_bool(val, &b);
		if (r == 0)
			*(bool *)field = b;
		break;
	case OT_SIGNAL:
		/* KILL is fine: tini's documented "-p SIGKILL". */
		if ((i = signame_to_num(val)) < 0)
			r = i;
		else if (i == 19)
			r = -EINVAL;
		else
			*(int *)field = i;
		break;
	case OT_REMAP:
	case OT_REWRITE:
		r = config_list(o, field, val);
		break;
	case OT_PRE_STOP:
		cfg->pre_stop_cmd = NULL;
		if (val && strncmp(val, "exec:", 5) == 0) {
			cfg->pre_stop_cmd = val;
			break;
		}
		/* FALLTHROUGH */
	case OT_DURATION:
		r = parse_duration(val, field);
		break;
	case OT_PERIOD:
		if ((r = parse_duration(val, field)) == 0 && *(uint64_t *)field == 0)
			r = -ERANGE;
		break;
	case OT_STRING:
		*(const char **)field = val;
		break;
	case OT_WAIT_FOR:
		if (cfg->nwait == CONFIG_WAIT_MAX)
			r = -ERANGE;
		else
			cfg->wait_for[cfg->nwait++] = val;
		cfg->wait_csv = from_env;
		break;
	case OT_RETRIES:
		if ((r = parse_uint(val, 1000000, &u)) == 0 && u == 0)
			r = -EINVAL;
		if (r == 0)
			cfg->health_retries = (unsigned)u;
		break;
	case OT_HEALTH_ACTION:
	case OT_LOG_FORMAT:
		if ((r = config_choice(val, o->type == OT_HEALTH_ACTION ?
		    actions : formats, &i)) == 0)
			*(int *)field = i;
		break;
	default:
		break;
	}
	return r;
}

static int
config_bad_value(const struct opt *o, const char *val, bool from_env,
    int r, struct tend_err *err)
{
	char label[48];
	size_t len;

	if (val == NULL)
		val = "";
	len = strlen(val);
	return err_set(err, "%s: bad value \"%.*s%s\"%s%s%s",
	    opt_label(o, from_env, label, sizeof(label)),
	    (int)(len > 64 ? 64 : len), val, len > 64 ? "..." : "",
	    r == -ERANGE ? ": out of range" : r == SIGNAME_RESERVED ?
	    ": signals 32 and 33 are reserved by the C library" : "",
	    o->arg ? ", expected " : "", o->arg ? o->arg : "");
}

static const struct opt *
config_find_long(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < NOPTS; i++)
		if (strlen(opts[i].lng) == len &&
		    strncmp(opts[i].lng, name, len) == 0)
			return &opts[i];
	return NULL;
}

static const struct opt *
config_find_short(char c)
{
	size_t i;

	for (i = 0; i < NOPTS; i++)
		if (opts[i].shrt == c)
			return &opts[i];
	return NULL;
}

static bool
opt_takes_value(const struct opt *o)
{
	return o->arg != NULL;
}

struct parse_state {
	bool	seen[NOPTS];
	int	nverbose;
};

/* Handle option o from argv with value val (NULL for flags). */
static int
config_apply_arg(struct tend_config *cfg, struct parse_state *ps,
    const struct opt *o, const char *val, struct tend_err *err)
{
	size_t idx = (size_t)(o - opts);
	int r;

	switch (o->type) {
	case OT_HELP:
		cfg->mode = MODE_HELP;
		return 0;
	case OT_VERSION:
	case OT_LICENSE:
		if (cfg->mode != MODE_HELP)
			cfg->mode = o->type == OT_VERSION ? MODE_VERSION : MODE_LICENSE;
		return 0;
	case OT_VERBOSE:
		ps->nverbose++;
		ps->seen[idx] = true;
		return 0;
	default:
		break;
	}
	ps->seen[idx] = true;
	r = config_set(cfg, o, val, false);
	return r < 0 ? config_bad_value(o, val, false, r, err) : 0;
}

/* "--name[=value]" at argv[*i]. */
static int
config_long(struct tend_config *cfg, struct parse_state *ps, int argc,
    char *const argv[], int *i, struct tend_err *err)
{
	const char *name = argv[*i] + 2, *eq = strchr(name, '=');
	const struct opt *o;
	const char *val = NULL;

	o = config_find_long(name, eq ? (size_t)(eq - name) : strlen(name));
	if (o == NULL)
		return err_set(err, "unknown option \"%.*s\"",
		    (int)(eq ? eq - argv[*i] : (long)strlen(argv[*i])), argv[*i]);
	if (opt_takes_value(o)) {
		if (eq)
			val = eq + 1;
		else if (*i + 1 < argc)
			val = argv[++*i];
		else
			return err_set(err, "--%s: missing value %s", o->lng,
			    o->arg);
	} else if (eq)
		return err_set(err, "--%s: takes no value", o->lng);
	return config_apply_arg(cfg, ps, o, val, err);
}

/* "-abc" or "-pVALUE" or "-p VALUE" at argv[*i]. */
static int
config_short(struct tend_config *cfg, struct parse_state *ps, int argc,
    char *const argv[], int *i, struct tend_err *err)
{
	const char *p = argv[*i] + 1, *val;
	const struct opt *o;
	int r;

	for (; *p; p++) {
		if ((o = config_find_short(*p)) == NULL)
			return err_set(err, "unknown option \"-%c\"", *p);
		/* tini's -w (no value) where a value for --workdir cannot be. */
		if (*p == 'w' && p[1] == '\0' && *i + 1 < argc &&
		    argv[*i + 1][0] == '-')
			o = config_find_long("warn-reap", 9);
		val = NULL;
		if (opt_takes_value(o)) {
			if (p[1] != '\0')
				val = p + 1;
			else if (*i + 1 < argc)
				val = argv[++*i];
			else
				return err_set(err, "-%c: missing value %s",
				    o->shrt, o->arg);
		}
		if ((r = config_apply_arg(cfg, ps, o, val, err)) < 0)
			return r;
		if (val)
			break;
	}
	return 0;
}

/* Options at argv[1..]; returns the index of the command, or -EINVAL. */
static int
config_argv(struct tend_config *cfg, struct parse_state *ps, int argc,
    char *const argv[], struct tend_err *err)
{
	int i, r;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (strcmp(a, "--") == 0)
			return i + 1;
		if (a[0] != '-' || a[1] == '\0')
			return i;
		if (a[1] == '-')
			r = config_long(cfg, ps, argc, argv, &i, err);
		else
			r = config_short(cfg, ps, argc, argv, &i, err);
		if (r < 0)
			return r;
	}
	return i;
}

/* The option whose variable var ("NAME=value") sets, or NULL. */
static const struct opt *
config_find_env(const char *var)
{
	size_t i, len;

	for (i = 0; i < NOPTS; i++) {
		if (opts[i].env == NULL)
			continue;
		len = strlen(opts[i].env);
		if (strncmp(var, opts[i].env, len) == 0 && var[len] == '=')
			return &opts[i];
	}
	return NULL;
}

/*
 * Read every option not given on the command line from its variable, in
 * one pass over envp that looks closer only at names starting "TEND_".
 * With duplicates, the first wins, as getenv() would have it.
 */
static int
config_env(struct tend_config *cfg, const struct parse_state *ps,
    char *const envp[], struct tend_err *err)
{
	bool done[NOPTS] = { false };
	const struct opt *o;
	const char *val;
	size_t idx;
	int r;

	for (; envp && *envp; envp++) {
		if (strncmp(*envp, "TEND_", 5) != 0)
			continue;
		if ((o = config_find_env(*envp)) == NULL) {
			if (cfg->unknown_env == NULL)
				cfg->unknown_env = *envp;
			continue;
		}
		idx = (size_t)(o - opts);
		val = strchr(*envp, '=') + 1;
		if (ps->seen[idx] || done[idx] || *val == '\0')
			continue;
		done[idx] = true;
		cfg->from_env |= 1u << idx;
		if ((r = config_set(cfg, o, val, true)) < 0)
			return config_bad_value(o, val, true, r, err);
	}
	return 0;
}

/* tend probe PROBE [--timeout DURATION] */
static int
config_probe_cmd(struct tend_config *cfg, int argc, char *const argv[],
    struct tend_err *err)
{
	int i, r;

	cfg->mode = MODE_PROBE;
	for (i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--timeout") == 0 || strcmp(argv[i], "-t") == 0) {
			if (i + 1 >= argc)
				return err_set(err, "probe: --timeout: missing value DURATION");
			r = parse_duration(argv[++i], &cfg->probe_timeout);
			if (r < 0 || cfg->probe_timeout == 0)
				return err_set(err, "probe: --timeout: bad value \"%.64s\", expected DURATION",
				    argv[i]);
		} else if (strncmp(argv[i], "--timeout=", 10) == 0) {
			r = parse_duration(argv[i] + 10, &cfg->probe_timeout);
			if (r < 0 || cfg->probe_timeout == 0)
				return err_set(err, "probe: --timeout: bad value \"%.64s\", expected DURATION",
				    argv[i] + 10);
		} else if (cfg->probe == NULL && argv[i][0] != '-')
			cfg->probe = argv[i];
		else
			return err_set(err, "probe: unexpected argument \"%.64s\"", argv[i]);
	}
	if (cfg->probe == NULL)
		return err_set(err, "probe: missing PROBE");
	return 0;
}

/* tend wait [--timeout D] [--interval D] PROBE... */
static int
config_wait_cmd(struct tend_config *cfg, int argc, char *const argv[],
    struct tend_err *err)
{
	uint64_t *d;
	int i;

	cfg->mode = MODE_WAIT;
	for (i = 2; i < argc; i++) {
		d = strcmp(argv[i], "--timeout") == 0 ? &cfg->wait_timeout :
		    strcmp(argv[i], "--interval") == 0 ? &cfg->wait_interval : NULL;
		if (d) {
			if (i + 1 >= argc || parse_duration(argv[i + 1], d) < 0 ||
			    (d == &cfg->wait_interval && *d == 0))
				return err_set(err, "wait: %s: bad value \"%.64s\", expected DURATION",
				    argv[i], i + 1 < argc ? argv[i + 1] : "");
			i++;
		} else if (argv[i][0] == '-')
			return err_set(err, "wait: unknown option \"%.64s\"", argv[i]);
		else if (cfg->nwait == CONFIG_WAIT_MAX)
			return err_set(err, "wait: more than %d probes", CONFIG_WAIT_MAX);
		else
			cfg->wait_for[cfg->nwait++] = argv[i];
	}
	return cfg->nwait ? 0 : err_set(err, "wait: missing PROBE");
}

/* Cross-option checks once everything is read. */
static int
config_check(struct tend_config *cfg, struct tend_err *err)
{
	if (cfg->mode != MODE_RUN)
		return 0;
	if (cfg->pause) {
		if (cfg->argc > 0)
			return err_set(err, "--pause: takes no command, got \"%.64s\"",
			    cfg->argv[0]);
		cfg->mode = MODE_PAUSE;
		return 0;
	}
	if (cfg->argc == 0)
		return err_set(err, "no command given");
	return 0;
}

/*
 * After a usage error: --log-format or else TEND_LOG_FORMAT, read past the
 * error so that the one line reporting it is in the format asked for. The
 * options are walked again as config_argv() would, applying the ones that
 * are good (cfg is spoilt anyway); whatever is wrong is skipped.
 */
static void
config_log_format_anyway(struct tend_config *cfg, int argc,
    char *const argv[], char *const envp[])
{
	const struct opt *o = config_find_long("log-format", 10);
	struct parse_state ps;
	const char *a;
	int i;

	memset(&ps, 0, sizeof(ps));
	for (i = 1; i < argc && (a = argv[i])[0] == '-' && a[1] != '\0' &&
	    strcmp(a, "--") != 0; i++)
		(void)(a[1] == '-' ? config_long(cfg, &ps, argc, argv, &i, NULL) :
		    config_short(cfg, &ps, argc, argv, &i, NULL));
	for (; !ps.seen[o - opts] && envp && *envp; envp++)
		if (strncmp(*envp, "TEND_LOG_FORMAT=", 16) == 0)
			(void)config_set(cfg, o, *envp + 16, true);
}

static int
config_parse_all(struct tend_config *cfg, int argc, char *const argv[],
    char *const envp[], struct tend_err *err)
{
	struct parse_state ps;
	int cmd, r;

	config_defaults(cfg);
	compat_env(cfg, envp);
	memset(&ps, 0, sizeof(ps));
	if (argc >= 2 && strcmp(argv[1], "status") == 0) {
		cfg->mode = MODE_STATUS;
		return argc == 2 ? 0 :
		    err_set(err, "status: unexpected argument \"%.64s\"", argv[2]);
	}
	if (argc >= 2 && strcmp(argv[1], "probe") == 0)
		return config_probe_cmd(cfg, argc, argv, err);
	if (argc >= 2 && strcmp(argv[1], "wait") == 0)
		return config_wait_cmd(cfg, argc, argv, err);
	if ((cmd = config_argv(cfg, &ps, argc, argv, err)) < 0)
		return cmd;
	if (cfg->mode == MODE_HELP || cfg->mode == MODE_VERSION ||
	    cfg->mode == MODE_LICENSE)
		return 0;
	if ((r = config_env(cfg, &ps, envp, err)) < 0)
		return r;
	if (ps.nverbose)
		cfg->verbosity = 1 + ps.nverbose > 3 ? 3 : 1 + ps.nverbose;
	cfg->argc = argc - cmd;
	cfg->argv = argv + cmd;
	return config_check(cfg, err);
}

const char *
config_label(const struct tend_config *cfg, size_t off, char *buf, size_t n)
{
	size_t i;

	for (i = 0; i < NOPTS; i++)
		if (opts[i].off == off && opts[i].env)
			return opt_label(&opts[i], cfg->from_env >> i & 1, buf, n);
	buf[0] = '\0';
	return buf;
}

int
config_parse(struct tend_config *cfg, int argc, char *const argv[],
    char *const envp[], struct tend_err *err)
{
	int r = config_parse_all(cfg, argc, argv, envp, err);

	if (r < 0)
		config_log_format_anyway(cfg, argc, argv, envp);
	return r;
}

size_t
config_usage(char *buf, size_t n)
{
	size_t off, i;
	char head[64];
	int w;

	off = (size_t)fmt_format(buf, n, "%s\noptions:\n", synopsis);
	for (i = 0; i < NOPTS; i++) {
		const struct opt *o = &opts[i];

		if (o->shrt)
			(void)fmt_format(head, sizeof(head), "-%c, --%s%s%s", o->shrt,
			    o->lng, o->arg ? " " : "", o->arg ? o->arg : "");
		else
			(void)fmt_format(head, sizeof(head), "    --%s%s%s", o->lng,
			    o->arg ? " " : "", o->arg ? o->arg : "");
		w = fmt_format(off < n ? buf + off : NULL, off < n ? n - off : 0,
		    "  %-36s %s%s%s%s\n", head, o->help, o->env ? " [" : "",
		    o->env ? o->env : "", o->env ? "]" : "");
		off += (size_t)w;
	}
	return off;
}
