/* SPDX-License-Identifier: MIT */
/* test_deadline.c - deadlines to poll timeouts. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "deadline.h"

static void
test_deadline_none_means_infinite_timeout(void **state)
{
	(void)state;
	assert_int_equal(deadline_timeout_ms(DEADLINE_NEVER, 0), -1);
	assert_int_equal(deadline_timeout_ms(DEADLINE_NEVER, UINT64_MAX - 1), -1);
}

static void
test_deadline_past_or_now_is_zero(void **state)
{
	(void)state;
	assert_int_equal(deadline_timeout_ms(5, 5), 0);
	assert_int_equal(deadline_timeout_ms(5, 9), 0);
}

static void
test_deadline_rounds_up_to_whole_milliseconds(void **state)
{
	(void)state;
	assert_int_equal(deadline_timeout_ms(1, 0), 1);
	assert_int_equal(deadline_timeout_ms(1000000, 0), 1);
	assert_int_equal(deadline_timeout_ms(1000001, 0), 2);
	assert_int_equal(deadline_timeout_ms(UINT64_MAX - 1, 0), INT32_MAX);
}

static void
test_deadline_after_saturates_below_never(void **state)
{
	(void)state;
	assert_true(deadline_after(10, 5) == 15);
	assert_true(deadline_after(10, UINT64_MAX) == DEADLINE_NEVER - 1);
	assert_true(deadline_min(3, DEADLINE_NEVER) == 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_deadline_none_means_infinite_timeout),
		cmocka_unit_test(test_deadline_past_or_now_is_zero),
		cmocka_unit_test(test_deadline_rounds_up_to_whole_milliseconds),
		cmocka_unit_test(test_deadline_after_saturates_below_never),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
