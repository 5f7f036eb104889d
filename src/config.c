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
	/* the types from here on have a variable: TEND_ and the long name */
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
	OT_CHOICE,	/* one of the '|'-separated words of its value */
	OT_WAIT_FOR,	/* repeatable; the variable is a comma list */
};

/* config_apply_arg() sets the mode MODE_HELP + type for these three. */
_Static_assert(OT_HELP == 0 && MODE_HELP + OT_VERSION == MODE_VERSION &&
    MODE_HELP + OT_LICENSE == MODE_LICENSE, "one mode for each");

/*
 * What an option's value looks like, for --help and messages, in one
 * string; an option keeps where its name starts there (0, "": none).
 */
#define AN_FORMAT	"text|json"
#define AN_SIG		"SIG"
#define AN_REMAP	"FROM[:TO]"
#define AN_REWRITE	"FROM:TO"
#define AN_DUR		"DURATION"
#define AN_PRE_STOP	"DURATION|exec:CMD"
#define AN_PROBE	"PROBE"
#define AN_N		"N"
#define AN_ACTION	"none|stop"
#define AN_USER		"USER[:GROUP]"
#define AN_DIR		"DIR"
#define ARG_NAMES	"\0" AN_FORMAT "\0" AN_SIG "\0" AN_REMAP "\0" AN_REWRITE \
	"\0" AN_DUR "\0" AN_PRE_STOP "\0" AN_PROBE "\0" AN_N "\0" AN_ACTION \
	"\0" AN_USER "\0" AN_DIR
enum {
	A_NONE = 0,
	A_FORMAT = 1,
	A_SIG = A_FORMAT + sizeof(AN_FORMAT),
	A_REMAP = A_SIG + sizeof(AN_SIG),
	A_REWRITE = A_REMAP + sizeof(AN_REMAP),
	A_DUR = A_REWRITE + sizeof(AN_REWRITE),
	A_PRE_STOP = A_DUR + sizeof(AN_DUR),
	A_PROBE = A_PRE_STOP + sizeof(AN_PRE_STOP),
	A_N = A_PROBE + sizeof(AN_PROBE),
	A_ACTION = A_N + sizeof(AN_N),
	A_USER = A_ACTION + sizeof(AN_ACTION),
	A_DIR = A_USER + sizeof(AN_USER),
};

#define F(field)	offsetof(struct tend_config, field)

/*
 * Every option once: long name, short name, type, field, value, help. The
 * names and help texts go into one string (opt_text, name and help in
 * turn), the rest into a small table: no pointers, no variable names (made
 * from the long ones).
 */
#define OPTIONS(X) \
	X("help", 'h', OT_HELP, 0, A_NONE, "print this help and exit") \
	X("version", 'V', OT_VERSION, 0, A_NONE, "print the version and exit") \
	X("license", 'l', OT_LICENSE, 0, A_NONE, "print the license and exit") \
	X("verbose", 'v', OT_VERBOSE, F(verbosity), A_NONE, \
	  "more logging, repeatable (level 0-3, default 1)") \
	X("log-format", 0, OT_CHOICE, F(log_format), A_FORMAT, \
	  "format of tend's own log lines") \
	X("subreaper", 's', OT_FLAG, F(subreaper), A_NONE, \
	  "become a child subreaper (automatic when not PID 1)") \
	X("kill-group", 'g', OT_FLAG, F(kill_group), A_NONE, \
	  "forward signals to the app's whole process group") \
	X("warn-reap", 0, OT_FLAG, F(warn_reap), A_NONE, \
	  "warn on each process reaped but the app (tini's -w)") \
	X("pdeathsig", 'p', OT_SIGNAL, F(pdeathsig), A_SIG, \
	  "signal tend gets when its parent dies") \
	X("remap-exit", 'e', OT_REMAP, F(remap), A_REMAP, \
	  "exit TO (default 0) when the app's code is FROM, repeatable") \
	X("rewrite", 'r', OT_REWRITE, F(rewrite), A_REWRITE, \
	  "forward signal FROM as TO (0 drops it), repeatable") \
	X("grace", 0, OT_DURATION, F(grace), A_DUR, \
	  "after the app exits, time the rest get between TERM and KILL (5s)") \
	X("stop-budget", 0, OT_DURATION, F(stop_budget), A_DUR, \
	  "after a stop signal, time all get before KILL (9s; 0: --grace)") \
	X("stop-timeout", 0, OT_DURATION, F(stop_timeout), A_DUR, \
	  "KILL the app this long after a stop signal (off)") \
	X("pre-stop", 0, OT_PRE_STOP, F(pre_stop), A_PRE_STOP, \
	  "wait, or run CMD, before forwarding SIGTERM (off)") \
	X("pre-stop-timeout", 0, OT_DURATION, F(pre_stop_timeout), A_DUR, \
	  "the longest a --pre-stop CMD runs (5s)") \
	X("deadline", 0, OT_DURATION, F(deadline), A_DUR, \
	  "stop the app after this long, exit 124 (off)") \
	X("pause", 0, OT_FLAG, F(pause), A_NONE, \
	  "run no command: only reap, exit 0 on TERM or INT") \
	X("health", 0, OT_STRING, F(health), A_PROBE, HEALTH_HELP) \
	X("health-interval", 0, OT_PERIOD, F(health_interval), A_DUR, \
	  "time between probes (30s)") \
	X("health-timeout", 0, OT_PERIOD, F(health_timeout), A_DUR, \
	  "a probe taking longer fails (30s)") \
	X("health-start-period", 0, OT_DURATION, F(health_start_period), A_DUR, \
	  "failures here do not count (0s)") \
	X("health-start-interval", 0, OT_PERIOD, F(health_start_interval), \
	  A_DUR, "time between probes in the start period (5s)") \
	X("health-retries", 0, OT_RETRIES, F(health_retries), A_N, \
	  "failures in a row that make it unhealthy (3)") \
	X("health-action", 0, OT_CHOICE, F(health_action), A_ACTION, \
	  "what to do when unhealthy (none)") \
	X("wait-for", 0, OT_WAIT_FOR, 0, A_PROBE, \
	  "start the app once PROBE succeeds, repeatable") \
	X("wait-timeout", 0, OT_DURATION, F(wait_timeout), A_DUR, \
	  "give up waiting and exit 123 (60s, 0: never)") \
	X("user", 'u', OT_STRING, F(user), A_USER, \
	  "run the app as USER (name or uid)") \
	X("workdir", 'w', OT_STRING, F(workdir), A_DIR, "start the app in DIR") \
	X("no-new-privs", 0, OT_FLAG, F(no_new_privs), A_NONE, \
	  "set no_new_privs for the app")

struct opt {
	unsigned char	off;	/* all under 256: see struct tend_config */
	char		shrt;
	unsigned char	type;
	unsigned char	arg;
};

#define OPT_TEXT(l, s, t, o, a, h)	l "\0" h "\0"
#define OPT_ENTRY(l, s, t, o, a, h)	{ o, s, t, a },
#define OPT_OFF_OK(l, s, t, o, a, h)	_Static_assert((o) < 256, l ": offset");

static const char opt_text[] = OPTIONS(OPT_TEXT);
static const char arg_names[] = ARG_NAMES;
_Static_assert(sizeof(arg_names) == A_DIR + sizeof(AN_DIR) && A_DIR < 256,
    "the A_ offsets match ARG_NAMES and fit opt.arg");
static const struct opt opts[] = { OPTIONS(OPT_ENTRY) };

#define NOPTS	(sizeof(opts) / sizeof(opts[0]))
#define OPT_WARN_REAP	7	/* its index, for -w (test_compat checks it) */

_Static_assert(NOPTS <= 32, "tend_config.from_env has a bit per option");
OPTIONS(OPT_OFF_OK)

/*
 * Options are passed around by their index i in opts (NOPTS: none), not by
 * pointer: that index is what the names, opt_text and from_env go by.
 */

/* The string after the n next ones at p, in a run of NUL-ended strings. */
static const char *
nth(const char *p, size_t n)
{
	for (; n; n--)
		p += strlen(p) + 1;
	return p;
}

static const char *
opt_name(size_t i)
{
	return nth(opt_text, 2 * i);
}

/* "" when option i takes no value. Not inlined: smaller so on s390x. */
static __attribute__((noinline)) const char *
opt_arg(size_t i)
{
	return arg_names + opts[i].arg;
}

static bool
opt_has_env(size_t i)
{
	return opts[i].type >= OT_VERBOSE;
}

/*
 * Option i's name as a message shows it, into buf (32 bytes): "--grace",
 * or if env its variable "TEND_GRACE": the long name in capitals, '-' as
 * '_'. Returns the end of it (its NUL).
 */
static char *
opt_label(size_t i, bool env, char *buf)
{
	const char *s = env && opts[i].type == OT_VERBOSE ? "VERBOSITY" :
	    opt_name(i), *pre = env ? "TEND_" : "--";
	char *p = buf;

	while (*pre)
		*p++ = *pre++;
	/* Names are [a-z-]; ~0x20 leaves "VERBOSITY" as it is. */
	for (; *s; s++)
		*p++ = (char)(!env ? *s : *s == '-' ? '_' : *s & ~0x20);
	*p = '\0';
	return p;
}

static const char synopsis[] =
    "usage: tend [OPTIONS] [--] COMMAND [ARG ...]\n"
    "       tend --pause [OPTIONS]\n"
    "       tend status\n"
    "       tend probe PROBE [--timeout DURATION]\n"
    "       tend wait [--timeout DURATION] [--interval DURATION] PROBE ...\n"
    "\noptions:\n";

void
config_defaults(struct tend_config *cfg)
{
	/*
	 * The default durations, in whole seconds: a small table and a loop
	 * rather than a 64-bit constant and a store for each. stop_budget is
	 * docker stop's 10 s, less the time to KILL and exit before it does.
	 */
	static const struct {
		unsigned char	off;	/* under 256: see struct tend_config */
		unsigned char	secs;
	} durs[] = {
		{ F(grace), 5 }, { F(stop_budget), 9 }, { F(pre_stop_timeout), 5 },
		{ F(health_interval), 30 }, { F(health_timeout), 30 },
		{ F(health_start_interval), 5 }, { F(probe_timeout), 10 },
		{ F(wait_timeout), 60 }, { F(wait_interval), 1 },
	};
	size_t i;

	/* The options' offsets are checked with the table. */
	_Static_assert(F(probe_timeout) < 256 && F(wait_interval) < 256,
	    "durs.off is a byte");
	memset(cfg, 0, sizeof(*cfg));
	cfg->verbosity = 1;
	cfg->health_retries = 3;
	for (i = 0; i < sizeof(durs) / sizeof(durs[0]); i++)
		*(uint64_t *)(void *)((char *)cfg + durs[i].off) =
		    durs[i].secs * NSEC_PER_SEC;
}

/*
 * One item of a list: FROM[:TO] exit codes for -e (TO 0 if left out), or
 * FROM:TO signals for -r (TO 0 drops FROM).
 */
static int
config_item(unsigned type, void *field, const char *s, size_t len)
{
	char item[48], *to;
	uint64_t from, code = 0;
	int sig, tosig;

	if (len == 0 || len >= sizeof(item))
		return -EINVAL;
	memcpy(item, s, len);
	item[len] = '\0';
	if ((to = strchr(item, ':')) != NULL)
		*to++ = '\0';
	if (type == OT_REMAP) {
		if ((to && parse_uint(to, 255, &code) < 0) ||
		    parse_uint(item, 255, &from) < 0)
			return -EINVAL;
		exitmap_set(field, (int)from, (int)code);
		return 0;
	}
	if (to == NULL)
		return -EINVAL;
	sig = signame_to_num(item);
	tosig = strcmp(to, "0") == 0 ? 0 : signame_to_num(to);
	if (sig < 0 || tosig < 0)
		return sig < 0 ? sig : tosig;
	/* CHLD is tend's own; KILL and STOP never reach tend at all. */
	if (sig == 17 || signame_is_uncatchable(sig))
		return -EINVAL;
	sigmap_set(field, sig, tosig);
	return 0;
}

/* Apply a comma-separated list (one item from argv, or a whole variable). */
static int
config_list(unsigned type, void *field, const char *val)
{
	const char *end;
	size_t len;
	int r;

	do {
		end = strchr(val, ',');
		len = end ? (size_t)(end - val) : strlen(val);
		if ((r = config_item(type, field, val, len)) < 0)
			return r;
		if (end)
			val = end + 1;
	} while (end);
	return 0;
}

/* Store val (never NULL for valued types) into cfg per option oi. */
static int
config_set(struct tend_config *cfg, size_t oi, const char *val, bool from_env)
{
	const struct opt *o = &opts[oi];
	void *field = (char *)cfg + o->off;
	const char *p;
	size_t len;
	uint64_t u;
	int r = 0, i;
	bool b;

	switch (o->type) {
	case OT_VERBOSE:
	case OT_RETRIES:
		/* A level 0-3, or a count of 1 to a million. */
		if ((r = parse_uint(val, o->type == OT_RETRIES ? 1000000 : 3,
		    &u)) == 0 && o->type == OT_RETRIES && u == 0)
			r = -EINVAL;
		if (r == 0)
			*(int *)field = (int)u;
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
		r = config_list(o->type, field, val);
		break;
	case OT_PRE_STOP:
		cfg->pre_stop_cmd = NULL;
		if (strncmp(val, "exec:", 5) == 0) {
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
	case OT_CHOICE:
		/* Which of the '|'-separated words val is. */
		r = -EINVAL;
		for (i = 0, p = opt_arg(oi);; i++, p += len + 1) {
			len = strcspn(p, "|");
			if (strncmp(val, p, len) == 0 && val[len] == '\0') {
				*(int *)field = i;
				r = 0;
			}
			if (p[len] == '\0')
				break;
		}
		break;
	default:
		break;
	}
	return r;
}

static int
config_bad_value(size_t oi, const char *val, bool from_env, int r,
    struct tend_err *err)
{
	char label[32];

	/* Never NULL: only valued options and variables can be bad. */
	(void)opt_label(oi, from_env, label);
	return err_set(err, "%s: bad value \"%.64s%s\"%s%s%s",
	    label, val, strlen(val) > 64 ? "..." : "",
	    r == -ERANGE ? ": out of range" : r == SIGNAME_RESERVED ?
	    ": signals 32 and 33 are reserved by the C library" : "",
	    opts[oi].arg ? ", expected " : "", opt_arg(oi));
}

/* The option named name (len bytes long), or NOPTS. */
static size_t
config_find_long(const char *name, size_t len)
{
	const char *p = opt_text;
	size_t i;

	for (i = 0; i < NOPTS; i++, p = nth(p, 2))
		if (strncmp(p, name, len) == 0 && p[len] == '\0')
			break;
	return i;
}

/* The option whose short name is c, or NOPTS. */
static size_t
config_find_short(char c)
{
	size_t i;

	for (i = 0; i < NOPTS; i++)
		if (opts[i].shrt == c)
			break;
	return i;
}

static bool
opt_takes_value(size_t i)
{
	return opts[i].arg != A_NONE;
}

struct parse_state {
	uint32_t seen;		/* bit i: option i is on the command line */
	int	 nverbose;
};

/* Handle option oi from argv with value val (NULL for flags). */
static int
config_apply_arg(struct tend_config *cfg, struct parse_state *ps, size_t oi,
    const char *val, struct tend_err *err)
{
	int r;

	/* --help, --version, -l: the mode, --help winning. */
	if (opts[oi].type <= OT_LICENSE) {
		if (cfg->mode != MODE_HELP)
			cfg->mode = MODE_HELP + opts[oi].type;
		return 0;
	}
	ps->seen |= 1u << oi;
	if (opts[oi].type == OT_VERBOSE) {
		ps->nverbose++;
		return 0;
	}
	if (val == NULL)	/* a flag's: config_set() does not read it */
		val = "";
	r = config_set(cfg, oi, val, false);
	return r < 0 ? config_bad_value(oi, val, false, r, err) : 0;
}

/*
 * The option at argv[*i]: "--name", "--name=value" or "--name value"; or
 * short ones, flags bundled ("-vg") and a value attached or next ("-p15",
 * "-p 15"). An error names the long option.
 */
static int
config_opt(struct tend_config *cfg, struct parse_state *ps, int argc,
    char *const argv[], int *i, struct tend_err *err)
{
	const char *a = argv[*i], *p = a + 1, *val, *why, *arg = "";
	char sh[2] = { '-' };	/* an unknown short option, "-x" */
	bool lng = *p == '-';
	size_t len, o;
	int r, n;

	for (;;) {
		val = NULL;
		if (lng) {
			len = strcspn(++p, "=");
			/* "--name" of "--name=value" */
			n = (int)(p + len - a);
			if ((o = config_find_long(p, len)) == NOPTS)
				goto unknown;
			why = "takes no value";
			if (p[len] != '\0' && !opt_takes_value(o))
				goto bad;
			if (p[len] != '\0')
				val = p + len + 1;
		} else {
			if ((o = config_find_short(*p)) == NOPTS) {
				sh[1] = *p;
				a = sh;
				n = 2;
				goto unknown;
			}
			/* tini's -w (no value) where a value for --workdir cannot be. */
			if (*p == 'w' && p[1] == '\0' && *i + 1 < argc &&
			    argv[*i + 1][0] == '-')
				o = OPT_WARN_REAP;
			if (opt_takes_value(o) && p[1] != '\0')
				val = p + 1;
		}
		if (opt_takes_value(o) && val == NULL) {
			why = "missing value ";
			arg = opt_arg(o);
			if (*i + 1 >= argc)
				goto bad;
			val = argv[++*i];
		}
		if ((r = config_apply_arg(cfg, ps, o, val, err)) < 0)
			return r;
		if (lng || val || *++p == '\0')
			return 0;
	}
unknown:
	return err_set(err, "unknown option \"%.*s\"", n, a);
bad:
	/* "--NAME: takes no value" or "--NAME: missing value ARG". */
	return err_set(err, "--%s: %s%s", opt_name(o), why, arg);
}

/*
 * Options at argv[1..]; returns the index of the command, or -EINVAL. With
 * err NULL, a bad option is skipped and the walk goes on.
 */
static int
config_argv(struct tend_config *cfg, struct parse_state *ps, int argc,
    char *const argv[], struct tend_err *err)
{
	int i, r;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (a[0] != '-' || a[1] == '\0')
			return i;
		if (a[1] == '-' && a[2] == '\0')
			return i + 1;
		if ((r = config_opt(cfg, ps, argc, argv, &i, err)) < 0 && err)
			return r;
	}
	return i;
}

/*
 * The option whose variable var ("NAME=value") sets, or NOPTS; *val is
 * then the value.
 */
static size_t
config_find_env(const char *var, const char **val)
{
	char env[32];
	size_t i, len;

	for (i = 0; i < NOPTS; i++) {
		if (!opt_has_env(i))
			continue;
		len = (size_t)(opt_label(i, true, env) - env);
		*val = var + len + 1;
		if (strncmp(var, env, len) == 0 && var[len] == '=')
			break;
	}
	return i;
}

/*
 * Read every option not given on the command line from its variable, in
 * one pass over envp that looks closer only at names starting "TEND_".
 * With duplicates, the first wins, as getenv() would have it: from_env
 * tells which are done. With err NULL, a bad value is skipped and the pass
 * goes on.
 */
static int
config_env(struct tend_config *cfg, const struct parse_state *ps,
    char *const envp[], struct tend_err *err)
{
	const char *val;
	size_t oi;
	int r;

	for (; envp && *envp; envp++) {
		if (strncmp(*envp, "TEND_", 5) != 0)
			continue;
		if ((oi = config_find_env(*envp, &val)) == NOPTS) {
			if (cfg->unknown_env == NULL)
				cfg->unknown_env = *envp;
			continue;
		}
		if ((ps->seen | cfg->from_env) >> oi & 1 || *val == '\0')
			continue;
		cfg->from_env |= 1u << oi;
		if ((r = config_set(cfg, oi, val, true)) < 0 && err)
			return config_bad_value(oi, val, true, r, err);
	}
	return 0;
}

/*
 * tend status, tend probe PROBE [--timeout D] or tend wait [--timeout D]
 * [--interval D] PROBE...; a value follows its option, or "--timeout=D".
 */
static int
config_sub(struct tend_config *cfg, int argc, char *const argv[],
    struct tend_err *err)
{
	const char *cmd = argv[1], *a, *v, *name, *why;
	bool wait = cmd[0] == 'w';
	uint64_t *d;
	int i;

	if (cmd[0] == 's') {
		cfg->mode = MODE_STATUS;
		if (argc == 2)
			return 0;
		a = argv[2];
		why = "unexpected argument ";
		goto quote;
	}
	cfg->mode = wait ? MODE_WAIT : MODE_PROBE;
	for (i = 2; i < argc; i++) {
		a = argv[i];
		v = NULL;
		name = "--timeout";
		d = wait ? &cfg->wait_timeout : &cfg->probe_timeout;
		if (strncmp(a, name, 9) == 0 && a[9] == '=')
			v = a + 10;
		else if (wait && strcmp(a, "--interval") == 0) {
			d = &cfg->wait_interval;
			name = a;
		} else if (strcmp(a, name) != 0 && strcmp(a, "-t") != 0)
			d = NULL;
		if (d) {
			if (v == NULL && ++i >= argc)
				return err_set(err, "%s: %s: missing value DURATION",
				    cmd, name);
			if (v == NULL)
				v = argv[i];
			if (parse_duration(v, d) < 0 ||
			    (*d == 0 && d != &cfg->wait_timeout))
				return err_set(err, "%s: %s: bad value \"%.64s\", expected DURATION",
				    cmd, name, v);
		} else if (a[0] == '-') {
			why = "unknown option ";
			goto quote;
		} else if (cfg->nwait == (wait ? CONFIG_WAIT_MAX : 1)) {
			why = "one PROBE too many: ";
			goto quote;
		} else
			cfg->wait_for[cfg->nwait++] = a;
	}
	if (cfg->nwait == 0)
		return err_set(err, "%s: missing PROBE", cmd);
	if (!wait) {
		cfg->probe = cfg->wait_for[0];
		cfg->nwait = 0;
	}
	return 0;
quote:
	return err_set(err, "%s: %s\"%.64s\"", cmd, why, a);
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
 * options are read again, and the variables not yet read, applying the
 * ones that are good (cfg is spoilt anyway); whatever is wrong is skipped.
 */
static void
config_log_format_anyway(struct tend_config *cfg, int argc,
    char *const argv[], char *const envp[])
{
	struct parse_state ps;

	memset(&ps, 0, sizeof(ps));
	(void)config_argv(cfg, &ps, argc, argv, NULL);
	(void)config_env(cfg, &ps, envp, NULL);
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
	if (argc >= 2 && (strcmp(argv[1], "status") == 0 ||
	    strcmp(argv[1], "probe") == 0 || strcmp(argv[1], "wait") == 0))
		return config_sub(cfg, argc, argv, err);
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
		if (opts[i].off == off && opt_has_env(i) && n >= 32)
			break;
	if (i < NOPTS)
		(void)opt_label(i, cfg->from_env >> i & 1, buf);
	else
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
	const struct opt *o;
	const char *name, *a;
	char head[64], env[40], *p;
	size_t off, i;

	off = (size_t)fmt_format(buf, n, "%s", synopsis);
	for (i = 0; i < NOPTS; i++) {
		o = &opts[i];
		name = opt_name(i);
		/* "-p, --pdeathsig SIG" or "    --grace DURATION" (under 64). */
		memset(head, ' ', 4);
		if (o->shrt) {
			head[0] = '-';
			head[1] = o->shrt;
			head[2] = ',';
		}
		p = opt_label(i, false, head + 4);
		if (o->arg) {
			*p++ = ' ';
			for (a = opt_arg(i); (*p++ = *a++) != '\0';)
				;
		}
		/* " [TEND_NAME]", or "" for an option with no variable. */
		env[0] = '\0';
		if (opt_has_env(i)) {
			env[0] = ' ';
			env[1] = '[';
			p = opt_label(i, true, env + 2);
			p[0] = ']';
			p[1] = '\0';
		}
		off += (size_t)fmt_format(off < n ? buf + off : NULL,
		    off < n ? n - off : 0, "  %-36s %s%s\n", head,
		    nth(name, 1), env);
	}
	return off;
}
