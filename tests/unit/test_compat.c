/* SPDX-License-Identifier: MIT */
/*
 * test_compat.c - tini's and dumb-init's flags and variables, through
 * config_parse() as tend reads them, so the precedence is tested too:
 * the command line, then TEND_*, then the peers' variables.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <errno.h>
#include <string.h>

#include "config.h"

#define ARGV(...)	((char *[]){ "tend", __VA_ARGS__, NULL })
#define ENVP(...)	((char *[]){ __VA_ARGS__, NULL })

static struct tend_config c;

static int
parse(char **argv, char **envp)
{
	struct tend_err e;
	int argc = 0;

	while (argv[argc])
		argc++;
	return config_parse(&c, argc, argv, envp, &e);
}

static void
test_tini_subreaper_is_read_as_set_or_not(void **state)
{
	(void)state;
	assert_int_equal(parse(ARGV("true"), ENVP("TINI_SUBREAPER=")), 0);
	assert_true(c.subreaper);
	assert_int_equal(parse(ARGV("true"), ENVP("TINI_SUBREAPER=0")), 0);
	assert_true(c.subreaper);
	assert_int_equal(parse(ARGV("true"), ENVP("PATH=/bin")), 0);
	assert_false(c.subreaper);
	/* tend's own variable wins, even to say no. */
	assert_int_equal(parse(ARGV("true"), ENVP("TINI_SUBREAPER=1",
	    "TEND_SUBREAPER=0")), 0);
	assert_false(c.subreaper);
	/* ... but an empty one is unset, as everywhere in tend. */
	assert_int_equal(parse(ARGV("true"), ENVP("TEND_SUBREAPER=",
	    "TINI_SUBREAPER=1")), 0);
	assert_true(c.subreaper);
}

static void
test_kill_group_from_tini_and_dumb_init(void **state)
{
	(void)state;
	assert_int_equal(parse(ARGV("true"), ENVP("TINI_KILL_PROCESS_GROUP=1")), 0);
	assert_true(c.kill_group);
	assert_int_equal(parse(ARGV("true"), ENVP("TINI_KILL_PROCESS_GROUP=")), 0);
	assert_true(c.kill_group);
	assert_int_equal(parse(ARGV("true"), ENVP("TINI_KILL_PROCESS_GROUP=1",
	    "TEND_KILL_GROUP=false")), 0);
	assert_false(c.kill_group);
	/* dumb-init's single-child mode: the app alone gets signals. */
	assert_int_equal(parse(ARGV("true"), ENVP("DUMB_INIT_SETSID=0",
	    "TINI_KILL_PROCESS_GROUP=1")), 0);
	assert_false(c.kill_group);
	assert_int_equal(parse(ARGV("true"), ENVP("DUMB_INIT_SETSID=1")), 0);
	assert_false(c.kill_group);
	/* The command line wins over every variable. */
	assert_int_equal(parse(ARGV("-g", "true"), ENVP("DUMB_INIT_SETSID=0")), 0);
	assert_true(c.kill_group);
	assert_int_equal(parse(ARGV("true"), ENVP("DUMB_INIT_SETSID=0",
	    "TEND_KILL_GROUP=1")), 0);
	assert_true(c.kill_group);
}

static void
test_tini_verbosity_maps_to_tends_levels(void **state)
{
	static const struct { const char *v; int want; } t[] = {
		{ "TINI_VERBOSITY=0", 0 }, { "TINI_VERBOSITY=1", 1 },
		{ "TINI_VERBOSITY=2", 2 }, { "TINI_VERBOSITY=3", 3 },
		{ "TINI_VERBOSITY=4", 3 }, { "TINI_VERBOSITY=999999999999", 3 },
		{ "TINI_VERBOSITY=abc", 0 }, { "TINI_VERBOSITY=", 0 },
		{ "TINI_VERBOSITY=2x", 2 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		assert_int_equal(parse(ARGV("true"), ENVP((char *)t[i].v)), 0);
		assert_int_equal(c.verbosity, t[i].want);
	}
	assert_int_equal(parse(ARGV("-v", "true"), ENVP("TINI_VERBOSITY=0")), 0);
	assert_int_equal(c.verbosity, 2);
	assert_int_equal(parse(ARGV("true"), ENVP("TEND_VERBOSITY=3",
	    "TINI_VERBOSITY=0")), 0);
	assert_int_equal(c.verbosity, 3);
}

static void
test_tini_flags(void **state)
{
	(void)state;
	/* -w before an option or "--" is tini's warn-on-reap... */
	assert_int_equal(parse(ARGV("-w", "--", "true"), NULL), 0);
	assert_true(c.warn_reap);
	assert_null(c.workdir);
	assert_int_equal(parse(ARGV("-sgw", "-v", "--", "true"), NULL), 0);
	assert_true(c.warn_reap && c.subreaper && c.kill_group);
	assert_int_equal(c.verbosity, 2);
	/* ... anywhere else it is --workdir. */
	assert_int_equal(parse(ARGV("-w", "/srv", "true"), NULL), 0);
	assert_false(c.warn_reap);
	assert_string_equal(c.workdir, "/srv");
	assert_int_equal(parse(ARGV("-w/srv", "--", "true"), NULL), 0);
	assert_string_equal(c.workdir, "/srv");
	assert_int_equal(parse(ARGV("-l"), NULL), 0);
	assert_int_equal(c.mode, MODE_LICENSE);
	assert_int_equal(parse(ARGV("--license"), NULL), 0);
	assert_int_equal(c.mode, MODE_LICENSE);
	/* tini's documented -p SIGKILL; STOP can never be useful. */
	assert_int_equal(parse(ARGV("-p", "SIGKILL", "--", "true"), NULL), 0);
	assert_int_equal(c.pdeathsig, 9);
	assert_int_equal(parse(ARGV("-p", "SIGSTOP", "--", "true"), NULL), -EINVAL);
	assert_int_equal(parse(ARGV("-e", "143", "--", "true"), NULL), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tini_subreaper_is_read_as_set_or_not),
		cmocka_unit_test(test_kill_group_from_tini_and_dumb_init),
		cmocka_unit_test(test_tini_verbosity_maps_to_tends_levels),
		cmocka_unit_test(test_tini_flags),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
