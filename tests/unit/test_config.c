/* SPDX-License-Identifier: MIT */
/* test_config.c - the command line and TEND_* environment parser. */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "parse.h"

/* argv from a NULL-terminated list, envp likewise. */
#define ARGV(...)	((char *[]){ "tend", __VA_ARGS__, NULL })
#define ENVP(...)	((char *[]){ __VA_ARGS__, NULL })
#define ARGC(a)		((int)count(a))

static size_t
count(char **a)
{
	size_t n = 0;

	while (a[n])
		n++;
	return n;
}

static int
parse(struct tend_config *cfg, char **argv, char **envp, struct tend_err *err)
{
	memset(err, 0, sizeof(*err));
	return config_parse(cfg, ARGC(argv), argv, envp, err);
}

static void
test_config_defaults_with_only_a_command(void **state)
{
	struct tend_config c;
	struct tend_err e;
	char **argv = ARGV("sleep", "1");

	(void)state;
	assert_int_equal(parse(&c, argv, NULL, &e), 0);
	assert_int_equal(c.mode, MODE_RUN);
	assert_int_equal(c.argc, 2);
	assert_ptr_equal(c.argv, argv + 1);
	assert_int_equal(c.verbosity, 1);
	assert_false(c.kill_group);
	assert_true(c.grace == 5 * NSEC_PER_SEC);
	assert_true(c.stop_timeout == 0);
	assert_true(c.health_interval == 30 * NSEC_PER_SEC);
	assert_int_equal(c.health_retries, 3);
	assert_null(c.health);
}

static void
test_config_stops_at_first_non_option(void **state)
{
	struct tend_config c;
	struct tend_err e;
	char **argv = ARGV("-g", "ls", "-l", "--grace", "x");

	(void)state;
	assert_int_equal(parse(&c, argv, NULL, &e), 0);
	assert_true(c.kill_group);
	assert_int_equal(c.argc, 4);
	assert_string_equal(c.argv[0], "ls");
	assert_string_equal(c.argv[1], "-l");
}

static void
test_config_double_dash_ends_options_and_keeps_dash_args(void **state)
{
	struct tend_config c;
	struct tend_err e;
	char **argv = ARGV("--", "-v", "", "--");

	(void)state;
	assert_int_equal(parse(&c, argv, NULL, &e), 0);
	assert_int_equal(c.verbosity, 1);
	assert_int_equal(c.argc, 3);
	assert_string_equal(c.argv[0], "-v");
	assert_string_equal(c.argv[1], "");
	assert_string_equal(c.argv[2], "--");
}

static void
test_config_short_options_bundle_and_take_attached_values(void **state)
{
	struct tend_config c;
	struct tend_err e;

	(void)state;
	assert_int_equal(parse(&c, ARGV("-vvgp15", "-e", "3:4", "x"), NULL, &e), 0);
	assert_int_equal(c.verbosity, 3);
	assert_true(c.kill_group);
	assert_int_equal(c.pdeathsig, 15);
	assert_int_equal(exitcode_remap(&c.remap, 3), 4);
	assert_int_equal(parse(&c, ARGV("-pSTOP", "x"), NULL, &e), -EINVAL);
	assert_non_null(strstr(e.msg, "--pdeathsig"));
}

static void
test_config_long_options_take_equals_or_next_arg(void **state)
{
	struct tend_config c;
	struct tend_err e;

	(void)state;
	assert_int_equal(parse(&c, ARGV("--grace=250ms", "--stop-timeout", "1m30s",
	    "--pre-stop=2", "x"), NULL, &e), 0);
	assert_true(c.grace == 250 * NSEC_PER_MSEC);
	assert_true(c.stop_timeout == 90 * NSEC_PER_SEC);
	assert_true(c.pre_stop == 2 * NSEC_PER_SEC);
	assert_int_equal(parse(&c, ARGV("--kill-group=1", "x"), NULL, &e), -EINVAL);
	assert_string_equal(e.msg, "--kill-group: takes no value");
	assert_int_equal(parse(&c, ARGV("x", "--grace"), NULL, &e), 0);
	assert_int_equal(parse(&c, ARGV("--grace"), NULL, &e), -EINVAL);
	assert_string_equal(e.msg, "--grace: missing value DURATION");
}

static void
test_config_usage_errors_name_option_and_value(void **state)
{
	const struct { char **argv; const char *msg; } t[] = {
		{ ARGV("--bogus", "x"), "unknown option \"--bogus\"" },
		{ ARGV("--bogus=3", "x"), "unknown option \"--bogus\"" },
		{ ARGV("-X", "x"), "unknown option \"-X\"" },
		{ ARGV("--grace", "5x", "x"), "--grace: bad value \"5x\", expected DURATION" },
		{ ARGV("-r", "TERM:99", "x"), "--rewrite: bad value \"TERM:99\", expected FROM:TO" },
		{ ARGV("-e", "256", "x"), "--remap-exit: bad value \"256\", expected FROM[:TO]" },
		{ ARGV("--health-retries", "0", "x"), "--health-retries: bad value \"0\", expected N" },
		{ ARGV("--health-action", "restart", "x"),
		  "--health-action: bad value \"restart\", expected none|stop" },
		{ ARGV("-v"), "no command given" },
		{ ARGV("--pause", "sleep"), "--pause: takes no command, got \"sleep\"" },
	};
	struct tend_config c;
	struct tend_err e;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		assert_int_equal(parse(&c, t[i].argv, NULL, &e), -EINVAL);
		assert_string_equal(e.msg, t[i].msg);
	}
}

static void
test_config_every_variable_sets_its_option(void **state)
{
	struct tend_config c;
	struct tend_err e;

	(void)state;
	assert_int_equal(parse(&c, ARGV("x"), ENVP("TEND_VERBOSITY=3",
	    "TEND_SUBREAPER=yes", "TEND_KILL_GROUP=on", "TEND_PDEATHSIG=SIGUSR1",
	    "TEND_REMAP_EXIT=143,130:7", "TEND_REWRITE=TERM:QUIT,HUP:0",
	    "TEND_GRACE=1s", "TEND_STOP_TIMEOUT=2s", "TEND_PRE_STOP=3s",
	    "TEND_HEALTH=tcp://127.0.0.1:80", "TEND_HEALTH_INTERVAL=4s",
	    "TEND_HEALTH_TIMEOUT=5s", "TEND_HEALTH_START_PERIOD=6s",
	    "TEND_HEALTH_START_INTERVAL=7s", "TEND_HEALTH_RETRIES=8",
	    "TEND_HEALTH_ACTION=stop", "TEND_USER=nobody:nogroup",
	    "TEND_WORKDIR=/tmp", "TEND_NO_NEW_PRIVS=true", "TEND_LOG_FORMAT=json"),
	    &e), 0);
	assert_int_equal(c.verbosity, 3);
	assert_true(c.subreaper);
	assert_true(c.kill_group);
	assert_int_equal(c.pdeathsig, 10);
	assert_int_equal(exitcode_remap(&c.remap, 143), 0);
	assert_int_equal(exitcode_remap(&c.remap, 130), 7);
	assert_int_equal(sigmap_get(&c.rewrite, 15), 3);
	assert_int_equal(sigmap_get(&c.rewrite, 1), 0);
	assert_int_equal(sigmap_get(&c.rewrite, 2), 2);
	assert_true(c.grace == 1 * NSEC_PER_SEC);
	assert_true(c.stop_timeout == 2 * NSEC_PER_SEC);
	assert_true(c.pre_stop == 3 * NSEC_PER_SEC);
	assert_string_equal(c.health, "tcp://127.0.0.1:80");
	assert_true(c.health_interval == 4 * NSEC_PER_SEC);
	assert_true(c.health_timeout == 5 * NSEC_PER_SEC);
	assert_true(c.health_start_period == 6 * NSEC_PER_SEC);
	assert_true(c.health_start_interval == 7 * NSEC_PER_SEC);
	assert_int_equal(c.health_retries, 8);
	assert_int_equal(c.health_action, HEALTH_ACTION_STOP);
	assert_string_equal(c.user, "nobody:nogroup");
	assert_string_equal(c.workdir, "/tmp");
	assert_true(c.no_new_privs);
	assert_int_equal(c.log_format, LOG_FORMAT_JSON);
	assert_null(c.unknown_env);
}

static void
test_config_flag_wins_over_variable(void **state)
{
	struct tend_config c;
	struct tend_err e;

	(void)state;
	assert_int_equal(parse(&c, ARGV("--grace", "2s", "-e", "5", "-v", "x"),
	    ENVP("TEND_GRACE=9s", "TEND_REMAP_EXIT=6", "TEND_VERBOSITY=0"), &e), 0);
	assert_true(c.grace == 2 * NSEC_PER_SEC);
	assert_int_equal(exitcode_remap(&c.remap, 5), 0);
	assert_int_equal(exitcode_remap(&c.remap, 6), 6);
	assert_int_equal(c.verbosity, 2);
	/* A bad variable the command line overrides is never looked at. */
	assert_int_equal(parse(&c, ARGV("--grace", "2s", "x"), ENVP("TEND_GRACE=junk"),
	    &e), 0);
}

static void
test_config_empty_variable_means_unset(void **state)
{
	struct tend_config c;
	struct tend_err e;

	(void)state;
	assert_int_equal(parse(&c, ARGV("x"), ENVP("TEND_GRACE=", "TEND_KILL_GROUP=",
	    "TEND_HEALTH="), &e), 0);
	assert_true(c.grace == 5 * NSEC_PER_SEC);
	assert_false(c.kill_group);
	assert_null(c.health);
}

static void
test_config_bad_variables_are_usage_errors(void **state)
{
	static const struct { char *env; const char *msg; } t[] = {
		{ "TEND_KILL_GROUP=maybe", "TEND_KILL_GROUP: bad value \"maybe\"" },
		{ "TEND_VERBOSITY=4", "TEND_VERBOSITY: bad value \"4\": out of range" },
		{ "TEND_GRACE=-1", "TEND_GRACE: bad value \"-1\", expected DURATION" },
		{ "TEND_REWRITE=TERM", "TEND_REWRITE: bad value \"TERM\", expected FROM:TO" },
		{ "TEND_REWRITE=CHLD:TERM", "TEND_REWRITE: bad value \"CHLD:TERM\", expected FROM:TO" },
		{ "TEND_REMAP_EXIT=1,,2", "TEND_REMAP_EXIT: bad value \"1,,2\", expected FROM[:TO]" },
		{ "TEND_LOG_FORMAT=xml", "TEND_LOG_FORMAT: bad value \"xml\", expected text|json" },
		{ "TEND_HEALTH_INTERVAL=0", "TEND_HEALTH_INTERVAL: bad value \"0\": out of range, expected DURATION" },
		{ "TEND_HEALTH_TIMEOUT=0s", "TEND_HEALTH_TIMEOUT: bad value \"0s\": out of range, expected DURATION" },
	};
	struct tend_config c;
	struct tend_err e;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		char *envp[] = { t[i].env, NULL };

		assert_int_equal(parse(&c, ARGV("x"), envp, &e), -EINVAL);
		assert_string_equal(e.msg, t[i].msg);
	}
}

/* Signals 32 and 33 belong to the C library: refused, and said why. */
static void
test_config_reserved_signals_are_refused(void **state)
{
	const struct { char **argv; char *env; const char *msg; } t[] = {
		{ ARGV("-r", "1:32", "x"), NULL, "--rewrite: bad value \"1:32\": signals "
		  "32 and 33 are reserved by the C library, expected FROM:TO" },
		{ ARGV("-r", "33:TERM", "x"), NULL, "--rewrite: bad value \"33:TERM\": "
		  "signals 32 and 33 are reserved by the C library, expected FROM:TO" },
		{ ARGV("-p", "32", "x"), NULL, "--pdeathsig: bad value \"32\": signals "
		  "32 and 33 are reserved by the C library, expected SIG" },
		{ ARGV("x"), "TEND_REWRITE=HUP:TERM,2:33", "TEND_REWRITE: bad value "
		  "\"HUP:TERM,2:33\": signals 32 and 33 are reserved by the C library, "
		  "expected FROM:TO" },
	};
	struct tend_config c;
	struct tend_err e;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		char *envp[] = { t[i].env, NULL };

		assert_int_equal(parse(&c, t[i].argv, envp, &e), -EINVAL);
		assert_string_equal(e.msg, t[i].msg);
	}
	assert_int_equal(parse(&c, ARGV("-r", "31:34", "x"), NULL, &e), 0);
	assert_int_equal(sigmap_get(&c.rewrite, 31), 34);
}

/* Errors found after parsing name the variable if the value came from one. */
static void
test_config_label_names_where_the_value_came_from(void **state)
{
	struct tend_config c;
	struct tend_err e;
	char buf[32];

	(void)state;
	assert_int_equal(parse(&c, ARGV("x"), ENVP("TEND_USER=nobody",
	    "TEND_HEALTH=exec:true"), &e), 0);
	assert_string_equal(config_label(&c, offsetof(struct tend_config, user),
	    buf, sizeof(buf)), "TEND_USER");
	assert_string_equal(config_label(&c, offsetof(struct tend_config, health),
	    buf, sizeof(buf)), "TEND_HEALTH");
	assert_string_equal(config_label(&c, offsetof(struct tend_config, workdir),
	    buf, sizeof(buf)), "--workdir");
	/* The command line wins, and so does its name. */
	assert_int_equal(parse(&c, ARGV("-u", "root", "x"), ENVP("TEND_USER=nobody"),
	    &e), 0);
	assert_string_equal(c.user, "root");
	assert_string_equal(config_label(&c, offsetof(struct tend_config, user),
	    buf, sizeof(buf)), "--user");
	/* An empty variable is unset: not its name either. */
	assert_int_equal(parse(&c, ARGV("x"), ENVP("TEND_USER="), &e), 0);
	assert_string_equal(config_label(&c, offsetof(struct tend_config, user),
	    buf, sizeof(buf)), "--user");
}

/*
 * The log format is known even when parsing fails, whichever option is
 * wrong and wherever it is, so that the usage error is a JSON line too.
 */
static void
test_config_log_format_is_set_even_on_errors(void **state)
{
	const struct { char **argv; char *env; enum log_format want; } t[] = {
		{ ARGV("--bogus", "--log-format", "json", "x"), NULL, LOG_FORMAT_JSON },
		{ ARGV("--grace", "5x", "--log-format=json", "x"), NULL, LOG_FORMAT_JSON },
		{ ARGV("-r", "1:32", "x"), "TEND_LOG_FORMAT=json", LOG_FORMAT_JSON },
		{ ARGV("x"), "TEND_LOG_FORMAT=xml", LOG_FORMAT_TEXT },
		{ ARGV("--log-format=text", "--bogus", "x"), "TEND_LOG_FORMAT=json",
		  LOG_FORMAT_TEXT },
		{ ARGV("--bogus"), NULL, LOG_FORMAT_TEXT },
		{ ARGV("--log-format"), NULL, LOG_FORMAT_TEXT },
		{ ARGV("--", "--log-format=json"), "TEND_GRACE=x", LOG_FORMAT_TEXT },
		{ ARGV("-gu", "--log-format", "--bogus", "json"), NULL, LOG_FORMAT_TEXT },
		{ ARGV("-gu1", "--log-format", "json", "-X"), NULL, LOG_FORMAT_JSON },
		{ ARGV("--user", "--log-format=json", "-X"), NULL, LOG_FORMAT_TEXT },
		{ ARGV("-p"), "TEND_LOG_FORMAT=json", LOG_FORMAT_JSON },
	};
	struct tend_config c;
	struct tend_err e;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		char *envp[] = { t[i].env, NULL };

		assert_int_equal(parse(&c, t[i].argv, envp, &e), -EINVAL);
		assert_int_equal(c.log_format, t[i].want);
	}
}

static void
test_config_huge_variable_is_cut_in_the_message(void **state)
{
	static char env[100 * 1024];
	struct tend_config c;
	struct tend_err e;
	char *envp[] = { env, NULL };

	(void)state;
	memcpy(env, "TEND_GRACE=", 11);
	memset(env + 11, '9', sizeof(env) - 12);
	assert_int_equal(parse(&c, ARGV("x"), envp, &e), -EINVAL);
	assert_true(strlen(e.msg) < 160);
	assert_non_null(strstr(e.msg, "...\""));
}

static void
test_config_unknown_tend_variable_is_reported(void **state)
{
	struct tend_config c;
	struct tend_err e;

	(void)state;
	assert_int_equal(parse(&c, ARGV("x"), ENVP("TEND_GRAC=1s", "PATH=/bin"), &e), 0);
	assert_string_equal(c.unknown_env, "TEND_GRAC=1s");
}

static void
test_config_rewrite_and_remap_accumulate(void **state)
{
	struct tend_config c;
	struct tend_err e;

	(void)state;
	assert_int_equal(parse(&c, ARGV("-r", "TERM:QUIT", "--rewrite=SIGUSR1:0",
	    "-r", "RTMIN+1:RTMAX", "-e", "1", "-e", "2:9", "x"), NULL, &e), 0);
	assert_int_equal(sigmap_get(&c.rewrite, 15), 3);
	assert_int_equal(sigmap_get(&c.rewrite, 10), 0);
	assert_int_equal(sigmap_get(&c.rewrite, 35), 64);
	assert_int_equal(sigmap_get(&c.rewrite, 36), 36);
	assert_int_equal(exitcode_remap(&c.remap, 1), 0);
	assert_int_equal(exitcode_remap(&c.remap, 2), 9);
}

static void
test_config_help_and_version_win(void **state)
{
	struct tend_config c;
	struct tend_err e;

	(void)state;
	assert_int_equal(parse(&c, ARGV("-h"), NULL, &e), 0);
	assert_int_equal(c.mode, MODE_HELP);
	assert_int_equal(parse(&c, ARGV("--version"), ENVP("TEND_GRACE=junk"), &e), 0);
	assert_int_equal(c.mode, MODE_VERSION);
	assert_int_equal(parse(&c, ARGV("-V", "-h"), NULL, &e), 0);
	assert_int_equal(c.mode, MODE_HELP);
}

static void
test_config_pause_needs_no_command(void **state)
{
	struct tend_config c;
	struct tend_err e;

	(void)state;
	assert_int_equal(parse(&c, (char *[]){ "tend", "--pause", NULL }, NULL, &e), 0);
	assert_int_equal(c.mode, MODE_PAUSE);
	assert_int_equal(parse(&c, (char *[]){ "tend", NULL }, ENVP("TEND_PAUSE=1"), &e), 0);
	assert_int_equal(c.mode, MODE_PAUSE);
}

static void
test_config_subcommands_only_as_first_argument(void **state)
{
	struct tend_config c;
	struct tend_err e;

	(void)state;
	assert_int_equal(parse(&c, (char *[]){ "tend", "status", NULL }, NULL, &e), 0);
	assert_int_equal(c.mode, MODE_STATUS);
	assert_int_equal(parse(&c, ARGV("--", "status"), NULL, &e), 0);
	assert_int_equal(c.mode, MODE_RUN);
	assert_string_equal(c.argv[0], "status");
	assert_int_equal(parse(&c, ARGV("probe", "tcp://127.0.0.1:1", "--timeout", "2s"),
	    NULL, &e), 0);
	assert_int_equal(c.mode, MODE_PROBE);
	assert_string_equal(c.probe, "tcp://127.0.0.1:1");
	assert_true(c.probe_timeout == 2 * NSEC_PER_SEC);
	assert_int_equal(parse(&c, (char *[]){ "tend", "probe", NULL }, NULL, &e), -EINVAL);
	assert_string_equal(e.msg, "probe: missing PROBE");
	assert_int_equal(parse(&c, ARGV("status", "now"), NULL, &e), -EINVAL);
}

static void
test_config_wait(void **state)
{
	struct tend_config c;
	struct tend_err e;

	(void)state;
	assert_int_equal(parse(&c, ARGV("wait", "tcp://db:5432", "--timeout", "5s",
	    "--interval", "200ms", "http://a/"), NULL, &e), 0);
	assert_int_equal(c.mode, MODE_WAIT);
	assert_int_equal(c.nwait, 2);
	assert_string_equal(c.wait_for[0], "tcp://db:5432");
	assert_string_equal(c.wait_for[1], "http://a/");
	assert_true(c.wait_timeout == 5 * NSEC_PER_SEC);
	assert_true(c.wait_interval == 200000000ULL);
	assert_int_equal(parse(&c, ARGV("wait"), NULL, &e), -EINVAL);
	assert_string_equal(e.msg, "wait: missing PROBE");
	assert_int_equal(parse(&c, ARGV("wait", "--interval", "0", "tcp://a:1"), NULL,
	    &e), -EINVAL);
	assert_int_equal(parse(&c, ARGV("wait", "--timeout"), NULL, &e), -EINVAL);
	assert_int_equal(parse(&c, ARGV("wait", "-x", "tcp://a:1"), NULL, &e), -EINVAL);
	assert_string_equal(e.msg, "wait: unknown option \"-x\"");

	/* --wait-for repeats; the variable is one comma list; argv wins. */
	assert_int_equal(parse(&c, ARGV("--wait-for", "tcp://a:1", "--wait-for=tcp://b:2",
	    "--wait-timeout", "0", "app"), ENVP("TEND_WAIT_FOR=tcp://c:3"), &e), 0);
	assert_int_equal(c.nwait, 2);
	assert_false(c.wait_csv);
	assert_string_equal(c.wait_for[1], "tcp://b:2");
	assert_true(c.wait_timeout == 0);
	assert_int_equal(parse(&c, ARGV("app"), ENVP("TEND_WAIT_FOR=tcp://c:3,tcp://d:4",
	    "TEND_WAIT_TIMEOUT=2s"), &e), 0);
	assert_int_equal(c.nwait, 1);
	assert_true(c.wait_csv);
	assert_string_equal(c.wait_for[0], "tcp://c:3,tcp://d:4");
	assert_true(c.wait_timeout == 2 * NSEC_PER_SEC);
	assert_int_equal(parse(&c, ARGV("app"), NULL, &e), 0);
	assert_int_equal(c.nwait, 0);
	assert_true(c.wait_timeout == 60 * NSEC_PER_SEC);
}

static void
test_config_usage_lists_every_variable(void **state)
{
	static const char *const vars[] = { "TEND_VERBOSITY", "TEND_SUBREAPER",
	    "TEND_KILL_GROUP", "TEND_PDEATHSIG", "TEND_REMAP_EXIT", "TEND_REWRITE",
	    "TEND_GRACE", "TEND_STOP_TIMEOUT", "TEND_PRE_STOP", "TEND_PAUSE",
	    "TEND_HEALTH", "TEND_HEALTH_ACTION", "TEND_USER", "TEND_LOG_FORMAT",
	    "TEND_WAIT_FOR", "TEND_WAIT_TIMEOUT" };
	char buf[8192];
	size_t i, n;

	(void)state;
	n = config_usage(buf, sizeof(buf));
	assert_true(n < sizeof(buf));
	assert_int_equal(strncmp(buf, "usage: tend [OPTIONS] [--] COMMAND [ARG ...]\n", 45), 0);
	for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++)
		assert_non_null(strstr(buf, vars[i]));
	/* A short buffer is never overrun and still reports the full length. */
	assert_int_equal(config_usage(buf, 10), n);
	assert_int_equal(strlen(buf), 9);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_config_defaults_with_only_a_command),
		cmocka_unit_test(test_config_stops_at_first_non_option),
		cmocka_unit_test(test_config_double_dash_ends_options_and_keeps_dash_args),
		cmocka_unit_test(test_config_short_options_bundle_and_take_attached_values),
		cmocka_unit_test(test_config_long_options_take_equals_or_next_arg),
		cmocka_unit_test(test_config_usage_errors_name_option_and_value),
		cmocka_unit_test(test_config_every_variable_sets_its_option),
		cmocka_unit_test(test_config_flag_wins_over_variable),
		cmocka_unit_test(test_config_empty_variable_means_unset),
		cmocka_unit_test(test_config_bad_variables_are_usage_errors),
		cmocka_unit_test(test_config_reserved_signals_are_refused),
		cmocka_unit_test(test_config_label_names_where_the_value_came_from),
		cmocka_unit_test(test_config_log_format_is_set_even_on_errors),
		cmocka_unit_test(test_config_huge_variable_is_cut_in_the_message),
		cmocka_unit_test(test_config_unknown_tend_variable_is_reported),
		cmocka_unit_test(test_config_rewrite_and_remap_accumulate),
		cmocka_unit_test(test_config_help_and_version_win),
		cmocka_unit_test(test_config_pause_needs_no_command),
		cmocka_unit_test(test_config_subcommands_only_as_first_argument),
		cmocka_unit_test(test_config_wait),
		cmocka_unit_test(test_config_usage_lists_every_variable),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
