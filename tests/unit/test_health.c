/* SPDX-License-Identifier: MIT */
/*
 * test_health.c - unit tests for the HEALTHCHECK state machine
 * (src/health.c).
 *
 * Time is whatever the test says it is; nothing here sleeps or runs a
 * probe. Times in the tables are in seconds for readability.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "health.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define S(x)		((uint64_t)(x) * HEALTH_SEC)
#define T0		S(1000)		/* start: far from zero on purpose */

/* One probe result and what must follow from it. */
struct step {
	char			result;		/* 'y' pass, 'n' fail, 0 end */
	unsigned		at;		/* seconds after T0 */
	enum health_state	state;
	unsigned		failures;
};

struct sequence {
	const char	*name;
	unsigned	 retries;
	unsigned	 start_period;	/* seconds */
	struct step	 steps[8];
};

#define Y(t, st, f)	{ 'y', t, HEALTH_##st, f }
#define N(t, st, f)	{ 'n', t, HEALTH_##st, f }

static const struct sequence sequences[] = {
	{ "one_pass_makes_it_healthy", 3, 0, { Y(30, HEALTHY, 0) } },
	{ "three_failures_in_a_row_make_it_unhealthy", 3, 0, {
	    N(30, STARTING, 1), N(60, STARTING, 2), N(90, UNHEALTHY, 3),
	    N(120, UNHEALTHY, 4) } },
	{ "a_pass_resets_the_failure_streak", 3, 0, {
	    N(30, STARTING, 1), N(60, STARTING, 2), Y(90, HEALTHY, 0),
	    N(120, HEALTHY, 1), N(150, HEALTHY, 2), Y(180, HEALTHY, 0) } },
	{ "healthy_turns_unhealthy_after_retries_failures", 3, 0, {
	    Y(30, HEALTHY, 0), N(60, HEALTHY, 1), N(90, HEALTHY, 2),
	    N(120, UNHEALTHY, 3) } },
	{ "unhealthy_recovers_on_one_pass", 2, 0, {
	    N(30, STARTING, 1), N(60, UNHEALTHY, 2), Y(90, HEALTHY, 0),
	    N(120, HEALTHY, 1) } },
	{ "with_retries_1_one_failure_is_unhealthy", 1, 0, {
	    N(30, UNHEALTHY, 1), Y(60, HEALTHY, 0), N(90, UNHEALTHY, 1) } },
	{ "failures_inside_the_start_period_do_not_count", 1, 60, {
	    N(5, STARTING, 0), N(10, STARTING, 0), N(59, STARTING, 0),
	    N(60, UNHEALTHY, 1) } },
	{ "the_first_pass_ends_the_start_period", 2, 60, {
	    N(5, STARTING, 0), Y(10, HEALTHY, 0), N(15, HEALTHY, 1),
	    N(20, UNHEALTHY, 2) } },
	{ "failures_after_the_start_period_count", 3, 10, {
	    N(5, STARTING, 0), N(10, STARTING, 1), N(15, STARTING, 2),
	    N(20, UNHEALTHY, 3) } },
};

/* One cmocka test per row, named after the row. */
static void
result_sequence_gives_the_docker_states(void **state)
{
	const struct sequence	*q = *state;
	struct health_cfg	 cfg;
	struct health		 h;
	const struct step	*s;

	health_cfg_default(&cfg);
	cfg.retries = q->retries;
	cfg.start_period = S(q->start_period);
	health_init(&h, &cfg, T0);
	for (s = q->steps; s->result != 0; s++) {
		enum health_state got;

		got = health_on_result(&h, s->result == 'y', T0 + S(s->at));
		if (got != s->state || h.state != s->state ||
		    h.failures != s->failures)
			fail_msg("step %d at %us: state %s failures %u, want "
			    "%s %u", (int)(s - q->steps), s->at,
			    health_state_name(got), h.failures,
			    health_state_name(s->state), s->failures);
	}
}

static void
defaults_are_dockers(void **state)
{
	struct health_cfg cfg;

	(void)state;
	memset(&cfg, 0xff, sizeof(cfg));
	health_cfg_default(&cfg);
	assert_true(cfg.interval == S(30));
	assert_true(cfg.timeout == S(30));
	assert_true(cfg.start_period == 0);
	assert_true(cfg.start_interval == S(5));
	assert_int_equal(cfg.retries, 3);
}

static void
zero_config_fields_mean_the_defaults(void **state)
{
	struct health_cfg	cfg, def;
	struct health		h;

	(void)state;
	memset(&cfg, 0, sizeof(cfg));
	health_cfg_default(&def);
	health_init(&h, &cfg, T0);
	assert_true(h.cfg.interval == def.interval);
	assert_true(h.cfg.timeout == def.timeout);
	assert_true(h.cfg.start_period == 0);
	assert_true(h.cfg.start_interval == def.start_interval);
	assert_int_equal(h.cfg.retries, def.retries);
}

static void
state_names_are_dockers_words(void **state)
{
	(void)state;
	assert_string_equal(health_state_name(HEALTH_STARTING), "starting");
	assert_string_equal(health_state_name(HEALTH_HEALTHY), "healthy");
	assert_string_equal(health_state_name(HEALTH_UNHEALTHY), "unhealthy");
	assert_string_equal(health_state_name((enum health_state)7),
	    "unknown");
	assert_string_equal(health_state_name((enum health_state)-1),
	    "unknown");
}

static void
init_starts_in_starting_with_no_failures(void **state)
{
	struct health_cfg	cfg;
	struct health		h;

	(void)state;
	health_cfg_default(&cfg);
	health_init(&h, &cfg, T0);
	assert_int_equal(h.state, HEALTH_STARTING);
	assert_int_equal(h.failures, 0);
}

static void
first_probe_is_due_one_interval_after_start(void **state)
{
	struct health_cfg	cfg;
	struct health		h;

	(void)state;
	health_cfg_default(&cfg);
	cfg.interval = S(7);
	health_init(&h, &cfg, T0);
	assert_true(health_next_due(&h) == T0 + S(7));
}

static void
first_probe_is_due_one_start_interval_after_start_in_a_start_period(
    void **state)
{
	struct health_cfg	cfg;
	struct health		h;

	(void)state;
	health_cfg_default(&cfg);
	cfg.start_period = S(60);
	cfg.start_interval = S(2);
	health_init(&h, &cfg, T0);
	assert_true(health_next_due(&h) == T0 + S(2));
}

static void
next_probe_is_due_one_interval_after_the_result(void **state)
{
	struct health_cfg	cfg;
	struct health		h;

	(void)state;
	health_cfg_default(&cfg);
	cfg.interval = S(10);
	health_init(&h, &cfg, T0);
	/* A slow probe pushes the schedule: due counts from completion. */
	health_on_result(&h, true, T0 + S(10) + S(3));
	assert_true(health_next_due(&h) == T0 + S(23));
	health_on_result(&h, false, T0 + S(24));
	assert_true(health_next_due(&h) == T0 + S(34));
}

static void
start_interval_is_used_only_while_starting_in_the_start_period(
    void **state)
{
	struct health_cfg	cfg;
	struct health		h;

	(void)state;
	health_cfg_default(&cfg);
	cfg.start_period = S(20);
	cfg.start_interval = S(1);
	cfg.interval = S(10);
	health_init(&h, &cfg, T0);
	health_on_result(&h, false, T0 + S(1));
	assert_true(health_next_due(&h) == T0 + S(2));
	health_on_result(&h, false, T0 + S(20));
	assert_true(health_next_due(&h) == T0 + S(30));
	health_init(&h, &cfg, T0);
	health_on_result(&h, true, T0 + S(1));
	assert_true(health_next_due(&h) == T0 + S(11));
	health_on_result(&h, false, T0 + S(11));
	assert_true(health_next_due(&h) == T0 + S(21));
}

static void
next_due_saturates_instead_of_wrapping(void **state)
{
	struct health_cfg	cfg;
	struct health		h;

	(void)state;
	health_cfg_default(&cfg);
	cfg.interval = UINT64_MAX - 5;
	health_init(&h, &cfg, T0);
	assert_true(health_next_due(&h) == UINT64_MAX);
	health_on_result(&h, true, UINT64_MAX - 1);
	assert_true(health_next_due(&h) == UINT64_MAX);
}

static void
a_clock_before_start_counts_as_inside_the_start_period(void **state)
{
	struct health_cfg	cfg;
	struct health		h;

	(void)state;
	health_cfg_default(&cfg);
	cfg.start_period = S(10);
	cfg.retries = 1;
	health_init(&h, &cfg, T0);
	assert_int_equal(health_on_result(&h, false, T0 - S(1)),
	    HEALTH_STARTING);
	assert_int_equal(h.failures, 0);
}

int
main(void)
{
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(defaults_are_dockers),
		cmocka_unit_test(zero_config_fields_mean_the_defaults),
		cmocka_unit_test(state_names_are_dockers_words),
		cmocka_unit_test(init_starts_in_starting_with_no_failures),
		cmocka_unit_test(first_probe_is_due_one_interval_after_start),
		cmocka_unit_test(first_probe_is_due_one_start_interval_after_start_in_a_start_period),
		cmocka_unit_test(next_probe_is_due_one_interval_after_the_result),
		cmocka_unit_test(start_interval_is_used_only_while_starting_in_the_start_period),
		cmocka_unit_test(next_due_saturates_instead_of_wrapping),
		cmocka_unit_test(a_clock_before_start_counts_as_inside_the_start_period),
	};
	struct CMUnitTest	tests[NELEM(fixed) + NELEM(sequences)];
	size_t			i;

	memcpy(tests, fixed, sizeof(fixed));
	for (i = 0; i < NELEM(sequences); i++) {
		struct CMUnitTest *t = &tests[NELEM(fixed) + i];

		memset(t, 0, sizeof(*t));
		t->name = sequences[i].name;
		t->test_func = result_sequence_gives_the_docker_states;
		t->initial_state = (void *)&sequences[i];
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
