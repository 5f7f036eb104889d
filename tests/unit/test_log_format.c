/* SPDX-License-Identifier: MIT */
/* test_log_format.c - text and JSON log lines. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>
#include <time.h>

#include "log.h"

/* 2024-01-02T03:04:05.678Z */
#define T0	(1704164645ULL * 1000000000ULL + 678000000ULL)

static void
test_log_text_is_prefixed_single_line(void **state)
{
	char buf[LOG_LINE_MAX];
	size_t n;

	(void)state;
	n = log_format(buf, LOG_FORMAT_TEXT, LOG_WARN, T0, NULL, "hello\nworld");
	assert_int_equal(n, strlen("tend: hello\n"));
	assert_memory_equal(buf, "tend: hello\n", n);
}

static void
test_log_json_has_time_level_msg_and_fields(void **state)
{
	const struct log_field f[] = { LOGF_INT("pid", 42), LOGF_STR("health",
	    "healthy"), LOGF_END };
	char buf[LOG_LINE_MAX];
	size_t n;

	(void)state;
	n = log_format(buf, LOG_FORMAT_JSON, LOG_INFO, T0, f, "app \"x\" started");
	buf[n] = '\0';
	assert_string_equal(buf, "{\"time\":\"2024-01-02T03:04:05.678Z\","
	    "\"level\":\"info\",\"msg\":\"app \\\"x\\\" started\",\"pid\":42,"
	    "\"health\":\"healthy\"}\n");
}

static void
test_log_json_escapes_control_bytes(void **state)
{
	char buf[LOG_LINE_MAX];
	size_t n;

	(void)state;
	n = log_format(buf, LOG_FORMAT_JSON, LOG_ERROR, T0, NULL, "a\\b\nc\x01");
	buf[n] = '\0';
	assert_non_null(strstr(buf, "\"msg\":\"a\\\\b\\nc\\u0001\"}"));
	assert_non_null(strstr(buf, "\"level\":\"error\""));
}

static void
test_log_overlong_message_stays_one_valid_line(void **state)
{
	char msg[4000], buf[LOG_LINE_MAX];
	size_t n;

	(void)state;
	memset(msg, '"', sizeof(msg) - 1);
	msg[sizeof(msg) - 1] = '\0';
	n = log_format(buf, LOG_FORMAT_JSON, LOG_INFO, T0, NULL, msg);
	assert_true(n <= LOG_LINE_MAX);
	assert_memory_equal(buf + n - 2, "}\n", 2);
	assert_null(memchr(buf, '\n', n - 1));
	n = log_format(buf, LOG_FORMAT_TEXT, LOG_INFO, T0, NULL, msg);
	assert_true(n <= LOG_LINE_MAX);
	assert_int_equal(buf[n - 1], '\n');
}

/* The date arithmetic agrees with gmtime_r over four centuries. */
static void
test_log_json_dates_match_gmtime(void **state)
{
	char buf[LOG_LINE_MAX], want[64];
	uint64_t s;
	struct tm tm;
	time_t t;

	(void)state;
	for (s = 0; s < 4102444800ULL * 3; s += 86400 * 37 + 3671) {
		t = (time_t)s;
		assert_non_null(gmtime_r(&t, &tm));
		strftime(want, sizeof(want), "{\"time\":\"%Y-%m-%dT%H:%M:%S.000Z\"", &tm);
		log_format(buf, LOG_FORMAT_JSON, LOG_INFO, s * 1000000000ULL, NULL, "x");
		assert_memory_equal(buf, want, strlen(want));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_log_text_is_prefixed_single_line),
		cmocka_unit_test(test_log_json_has_time_level_msg_and_fields),
		cmocka_unit_test(test_log_json_escapes_control_bytes),
		cmocka_unit_test(test_log_overlong_message_stays_one_valid_line),
		cmocka_unit_test(test_log_json_dates_match_gmtime),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
