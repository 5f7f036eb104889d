/* SPDX-License-Identifier: MIT */
/* test_shutdown.c - every (state, event) pair of the shutdown machine. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "shutdown.h"

#define S	1000000000ULL
/* No stop budget: the drain's grace counts from the app's exit. */
static const struct shut_durations durs = { 2 * S, 3 * S, 5 * S, 1 * S, 0 };
static const struct shut_durations zero = { 0, 0, 0, 1 * S, 0 };
/* A 10 s budget from the stop signal, as docker stop gives. */
static const struct shut_durations budget = { 0, 0, 5 * S, 1 * S, 10 * S };

/* Put s in state st as if entered at time 100 s with durs. */
static void
enter(struct shutdown *s, enum shut_state st)
{
	static const enum shut_event path[][3] = {
		[SHUT_RUNNING] = { SEV_NEVENTS },
		[SHUT_PRE_STOP] = { SEV_STOP, SEV_NEVENTS },
		[SHUT_STOPPING] = { SEV_STOP, SEV_STOP, SEV_NEVENTS },
		[SHUT_APP_KILLED] = { SEV_STOP, SEV_STOP, SEV_TIMER },
		[SHUT_DRAINING] = { SEV_APP_EXIT, SEV_NEVENTS },
		[SHUT_KILLING] = { SEV_APP_EXIT, SEV_TIMER, SEV_NEVENTS },
		[SHUT_DONE] = { SEV_APP_EXIT, SEV_ALL_GONE, SEV_NEVENTS },
	};
	int i;

	shutdown_init(s);
	for (i = 0; i < 3 && path[st][i] != SEV_NEVENTS; i++)
		(void)shutdown_on(s, path[st][i], 100 * S, &durs);
	assert_int_equal(s->state, st);
}

/* The whole table: from, event -> to, actions. Unlisted pairs change nothing. */
static const struct {
	enum shut_state	from;
	enum shut_event	ev;
	enum shut_state	to;
	unsigned	act;
} edges[] = {
	{ SHUT_RUNNING, SEV_STOP, SHUT_PRE_STOP, SACT_NONE },
	{ SHUT_RUNNING, SEV_APP_EXIT, SHUT_DRAINING, SACT_TERM_ALL },
	{ SHUT_PRE_STOP, SEV_STOP, SHUT_STOPPING, SACT_FORWARD },
	{ SHUT_PRE_STOP, SEV_URGENT, SHUT_STOPPING, SACT_FORWARD },
	{ SHUT_PRE_STOP, SEV_TIMER, SHUT_STOPPING, SACT_FORWARD },
	{ SHUT_PRE_STOP, SEV_APP_EXIT, SHUT_DRAINING, SACT_TERM_ALL },
	{ SHUT_STOPPING, SEV_STOP, SHUT_STOPPING, SACT_FORWARD },
	{ SHUT_STOPPING, SEV_TIMER, SHUT_APP_KILLED, SACT_KILL_APP },
	{ SHUT_STOPPING, SEV_APP_EXIT, SHUT_DRAINING, SACT_TERM_ALL },
	{ SHUT_APP_KILLED, SEV_APP_EXIT, SHUT_DRAINING, SACT_TERM_ALL },
	{ SHUT_DRAINING, SEV_TIMER, SHUT_KILLING, SACT_KILL_ALL },
	{ SHUT_DRAINING, SEV_ALL_GONE, SHUT_DONE, SACT_EXIT },
	{ SHUT_KILLING, SEV_TIMER, SHUT_DONE, SACT_EXIT },
	{ SHUT_KILLING, SEV_ALL_GONE, SHUT_DONE, SACT_EXIT },
};

static void
test_shutdown_every_state_event_pair(void **state)
{
	struct shutdown s;
	int st, ev;
	size_t i;

	(void)state;
	for (st = SHUT_RUNNING; st < SHUT_NSTATES; st++) {
		for (ev = 0; ev < SEV_NEVENTS; ev++) {
			enum shut_state want = (enum shut_state)st;
			unsigned act = SACT_NONE, got;

			for (i = 0; i < sizeof(edges) / sizeof(edges[0]); i++)
				if ((int)edges[i].from == st && (int)edges[i].ev == ev) {
					want = edges[i].to;
					act = edges[i].act;
				}
			enter(&s, (enum shut_state)st);
			/* Timers are fed at their deadline; other events before it. */
			got = shutdown_on(&s, (enum shut_event)ev,
			    ev == SEV_TIMER && s.deadline != SHUT_NEVER ? s.deadline :
			    100 * S, &durs);
			print_message("%s + %d -> %s\n", shutdown_state_name(st), ev,
			    shutdown_state_name(s.state));
			assert_int_equal(s.state, want);
			assert_int_equal(got, act);
		}
	}
}

static void
test_shutdown_each_state_arms_its_own_deadline(void **state)
{
	static const struct { enum shut_state st; uint64_t deadline; } t[] = {
		{ SHUT_RUNNING, SHUT_NEVER }, { SHUT_PRE_STOP, 102 * S },
		{ SHUT_STOPPING, 105 * S }, { SHUT_DRAINING, 105 * S },
		{ SHUT_DONE, SHUT_NEVER },
	};
	struct shutdown s;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		enter(&s, t[i].st);
		/* STOPPING was entered at 102 s, when pre-stop ran out. */
		if (t[i].st == SHUT_STOPPING)
			assert_true(s.deadline == 103 * S);
		else
			assert_true(s.deadline == t[i].deadline);
	}
}

static void
test_shutdown_repeated_stop_does_not_rearm_stop_timeout(void **state)
{
	struct shutdown s;

	(void)state;
	shutdown_init(&s);
	(void)shutdown_on(&s, SEV_STOP, 0, &durs);
	(void)shutdown_on(&s, SEV_TIMER, 2 * S, &durs);
	assert_int_equal(s.state, SHUT_STOPPING);
	assert_true(s.deadline == 5 * S);
	assert_int_equal(shutdown_on(&s, SEV_STOP, 4 * S, &durs), SACT_FORWARD);
	assert_true(s.deadline == 5 * S);
}

static void
test_shutdown_zero_durations_fire_at_once(void **state)
{
	struct shutdown s;

	(void)state;
	shutdown_init(&s);
	/* No pre-stop: the stop signal is forwarded straight away. */
	assert_int_equal(shutdown_on(&s, SEV_STOP, 0, &zero), SACT_FORWARD);
	assert_int_equal(s.state, SHUT_STOPPING);
	/* No stop timeout: nothing is armed. */
	assert_true(s.deadline == SHUT_NEVER);
	/* No grace: TERM and KILL together. */
	assert_int_equal(shutdown_on(&s, SEV_APP_EXIT, 1, &zero),
	    SACT_TERM_ALL | SACT_KILL_ALL);
	assert_int_equal(s.state, SHUT_KILLING);
}

static void
test_shutdown_nothing_left_exits_without_waiting_for_grace(void **state)
{
	struct shutdown s;

	(void)state;
	shutdown_init(&s);
	assert_int_equal(shutdown_on(&s, SEV_APP_EXIT, 0, &durs), SACT_TERM_ALL);
	assert_int_equal(shutdown_on(&s, SEV_ALL_GONE, 0, &durs), SACT_EXIT);
	assert_int_equal(s.state, SHUT_DONE);
}

static void
test_shutdown_early_timer_is_ignored_by_the_caller_contract(void **state)
{
	struct shutdown s;

	(void)state;
	shutdown_init(&s);
	/* RUNNING has no timer at all. */
	assert_int_equal(shutdown_on(&s, SEV_TIMER, 0, &durs), SACT_NONE);
	assert_int_equal(s.state, SHUT_RUNNING);
}

static void
test_shutdown_stop_budget_counts_from_the_stop_signal(void **state)
{
	struct shutdown s;

	(void)state;
	/* TERM at 100 s, app gone at 101 s: the rest get until 110 s. */
	shutdown_init(&s);
	assert_int_equal(shutdown_on(&s, SEV_STOP, 100 * S, &budget), SACT_FORWARD);
	assert_int_equal(shutdown_on(&s, SEV_APP_EXIT, 101 * S, &budget), SACT_TERM_ALL);
	assert_int_equal(s.state, SHUT_DRAINING);
	assert_true(s.deadline == 110 * S);
	assert_int_equal(shutdown_on(&s, SEV_TIMER, 110 * S, &budget), SACT_KILL_ALL);
	/* The app itself took 12 s: what is left is KILLed at once. */
	shutdown_init(&s);
	(void)shutdown_on(&s, SEV_STOP, 100 * S, &budget);
	assert_int_equal(shutdown_on(&s, SEV_APP_EXIT, 112 * S, &budget),
	    SACT_TERM_ALL | SACT_KILL_ALL);
	assert_int_equal(s.state, SHUT_KILLING);
	/* A second stop signal does not move the start of the budget. */
	shutdown_init(&s);
	(void)shutdown_on(&s, SEV_STOP, 100 * S, &budget);
	(void)shutdown_on(&s, SEV_STOP, 104 * S, &budget);
	(void)shutdown_on(&s, SEV_APP_EXIT, 105 * S, &budget);
	assert_true(s.deadline == 110 * S);
	/* The app's own exit keeps the grace, counted from it. */
	shutdown_init(&s);
	(void)shutdown_on(&s, SEV_APP_EXIT, 100 * S, &budget);
	assert_true(s.deadline == 105 * S);
	/* A huge budget saturates instead of wrapping. */
	shutdown_init(&s);
	(void)shutdown_on(&s, SEV_STOP, 100 * S, &(struct shut_durations){ 0, 0,
	    5 * S, 1 * S, UINT64_MAX - S });
	(void)shutdown_on(&s, SEV_APP_EXIT, 101 * S, &(struct shut_durations){ 0, 0,
	    5 * S, 1 * S, UINT64_MAX - S });
	assert_true(s.deadline == SHUT_NEVER - 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shutdown_stop_budget_counts_from_the_stop_signal),
		cmocka_unit_test(test_shutdown_every_state_event_pair),
		cmocka_unit_test(test_shutdown_each_state_arms_its_own_deadline),
		cmocka_unit_test(test_shutdown_repeated_stop_does_not_rearm_stop_timeout),
		cmocka_unit_test(test_shutdown_zero_durations_fire_at_once),
		cmocka_unit_test(test_shutdown_nothing_left_exits_without_waiting_for_grace),
		cmocka_unit_test(test_shutdown_early_timer_is_ignored_by_the_caller_contract),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
