/* SPDX-License-Identifier: MIT */
/* test_parse.c - strict integers, booleans and durations. */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "parse.h"

static void
test_parse_uint_accepts_plain_digits_up_to_max(void **state)
{
	uint64_t v = 0;

	(void)state;
	assert_int_equal(parse_uint("0", 10, &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(parse_uint("10", 10, &v), 0);
	assert_int_equal(v, 10);
	assert_int_equal(parse_uint("18446744073709551615", UINT64_MAX, &v), 0);
	assert_true(v == UINT64_MAX);
}

static void
test_parse_uint_rejects_signs_spaces_hex_and_overflow(void **state)
{
	static const char *const bad[] = { "", "-1", "+1", " 1", "1 ", "0x10",
	    "1.0", "1e3", "abc", "12a" };
	uint64_t v;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(parse_uint(bad[i], 1000, &v), -EINVAL);
	assert_int_equal(parse_uint("11", 10, &v), -ERANGE);
	assert_int_equal(parse_uint("4", 3, &v), -ERANGE);
	assert_int_equal(parse_uint("18446744073709551616", UINT64_MAX, &v), -ERANGE);
	assert_int_equal(parse_uint(NULL, 10, &v), -EINVAL);
}

static void
test_parse_bool_accepts_the_documented_words_in_any_case(void **state)
{
	static const struct { const char *s; bool v; } ok[] = {
		{ "1", true }, { "true", true }, { "YES", true }, { "On", true },
		{ "0", false }, { "false", false }, { "no", false }, { "OFF", false },
	};
	size_t i;
	bool v;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		v = !ok[i].v;
		assert_int_equal(parse_bool(ok[i].s, &v), 0);
		assert_int_equal(v, ok[i].v);
	}
	assert_int_equal(parse_bool("2", &v), -EINVAL);
	assert_int_equal(parse_bool("y", &v), -EINVAL);
	assert_int_equal(parse_bool("", &v), -EINVAL);
}

static void
test_parse_duration_table(void **state)
{
	static const struct { const char *s; uint64_t ns; } ok[] = {
		{ "0", 0 }, { "5", 5 * NSEC_PER_SEC }, { "250ms", 250 * NSEC_PER_MSEC },
		{ "5s", 5 * NSEC_PER_SEC }, { "1m", 60 * NSEC_PER_SEC },
		{ "1m30s", 90 * NSEC_PER_SEC }, { "1h", 3600 * NSEC_PER_SEC },
		{ "1h1m1s1ms", 3661 * NSEC_PER_SEC + NSEC_PER_MSEC },
		{ "0s", 0 }, { "1500ms", 1500 * NSEC_PER_MSEC },
	};
	size_t i;
	uint64_t v;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		assert_int_equal(parse_duration(ok[i].s, &v), 0);
		assert_true(v == ok[i].ns);
	}
}

static void
test_parse_duration_rejects_garbage_and_wrong_order(void **state)
{
	static const char *const bad[] = { "", "s", "5x", "5 s", "-5s", "1.5s",
	    "30s1m", "1s1s", "5ms3s", "1m1h", "ms", "5sms", "1d", "5S" };
	size_t i;
	uint64_t v;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_not_equal(parse_duration(bad[i], &v), 0);
}

static void
test_parse_duration_caps_at_1000_days(void **state)
{
	uint64_t v;

	(void)state;
	assert_int_equal(parse_duration("24000h", &v), 0);
	assert_int_equal(parse_duration("24001h", &v), -ERANGE);
	assert_int_equal(parse_duration("86400001", &v), -ERANGE);
	assert_int_equal(parse_duration("99999999999999999999s", &v), -ERANGE);
}

static void
test_parse_format_duration_round_trips(void **state)
{
	static const char *const s[] = { "0s", "250ms", "5s", "1m", "1m30s",
	    "1h", "2h3m4s5ms" };
	char buf[32];
	uint64_t v;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(s) / sizeof(s[0]); i++) {
		assert_int_equal(parse_duration(s[i], &v), 0);
		assert_string_equal(parse_format_duration(v, buf, sizeof(buf)), s[i]);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_uint_accepts_plain_digits_up_to_max),
		cmocka_unit_test(test_parse_uint_rejects_signs_spaces_hex_and_overflow),
		cmocka_unit_test(test_parse_bool_accepts_the_documented_words_in_any_case),
		cmocka_unit_test(test_parse_duration_table),
		cmocka_unit_test(test_parse_duration_rejects_garbage_and_wrong_order),
		cmocka_unit_test(test_parse_duration_caps_at_1000_days),
		cmocka_unit_test(test_parse_format_duration_round_trips),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
