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
#include "../fuzz/jsoncheck.h"

/* 2024-01-02T03:04:05.678Z */
#define T0	(1704164645ULL * 1000000000ULL + 678000000ULL)

static void
test_log_text_is_prefixed_single_line(void **state)
{
	char buf[LOG_LINE_MAX];
	size_t n;

	(void)state;
	n = log_format(buf, LOG_FORMAT_TEXT, LOG_WARN, T0, NULL, "hello\nworld");
	assert_int_equal(n, strlen("tend: hello\\x0aworld\n"));
	assert_memory_equal(buf, "tend: hello\\x0aworld\n", n);
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

/* The date in JSON lines is gmtime's, from 1970 to the last day a u64 holds. */
static void
test_log_json_time_matches_gmtime(void **state)
{
	char buf[LOG_LINE_MAX], want[64];
	uint64_t day, ns;
	struct tm tm;
	time_t t;
	size_t n;

	(void)state;
	for (day = 0; day <= UINT64_MAX / 1000000000ULL / 86400; day++) {
		/* Each day at 23:59:59.999, but for the last one, which ends early. */
		ns = (day * 86400 + 86399) * 1000000000ULL + 999000000ULL;
		if (ns / 1000000000ULL / 86400 != day || ns < day)
			ns = UINT64_MAX;
		t = (time_t)(ns / 1000000000ULL);
		assert_non_null(gmtime_r(&t, &tm));
		(void)strftime(want, sizeof(want), "{\"time\":\"%Y-%m-%dT%H:%M:%S.", &tm);
		n = log_format(buf, LOG_FORMAT_JSON, LOG_INFO, ns, NULL, "x");
		assert_true(n > strlen(want));
		assert_memory_equal(buf, want, strlen(want));
	}
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

/* Format msg (and fields) as JSON; assert one valid object; return msg. */
static const char *
json_msg(const struct log_field *f, const char *msg, char *line, size_t *n)
{
	static char got[2 * LOG_LINE_MAX];

	*n = log_format(line, LOG_FORMAT_JSON, LOG_INFO, T0, f, msg);
	assert_true(*n <= LOG_LINE_MAX);
	assert_memory_equal(line + *n - 2, "}\n", 2);
	assert_null(memchr(line, '\n', *n - 1));
	if (!jc_json_object(line, *n - 1, got, sizeof(got)))
		fail_msg("not one valid JSON object: %.*s", (int)*n, line);
	return got;
}

/*
 * Every length of a message made of escapes (\u0001, \", \\) or of
 * multi-byte characters: the cut falls between two of them, never inside
 * (the old cut left `\u"}` or a lone backslash before the quote).
 */
static void
test_log_json_cut_never_splits_an_escape(void **state)
{
	static const char *const units[] = { "\x01", "\"", "\\", "\xe2\x82\xac",
	    "\xf0\x9f\x98\x80", "\xff", "a\x1b" };
	char msg[1400], line[LOG_LINE_MAX];
	const char *got;
	size_t u, len, n, ul;

	(void)state;
	for (u = 0; u < sizeof(units) / sizeof(units[0]); u++) {
		ul = strlen(units[u]);
		for (len = 0; len + ul < sizeof(msg); len += ul) {
			memcpy(msg + len, units[u], ul);
			msg[len + ul] = '\0';
			got = json_msg(NULL, msg, line, &n);
			if (units[u][0] != '\xff')
				assert_memory_equal(got, msg, strlen(got));
			/* It only stops short when the line is full. */
			if (strlen(got) < len + ul)
				assert_true(n > LOG_LINE_MAX - 8);
		}
	}
}

/*
 * A long argv[0] quoted in the message and in a field: the message takes
 * at most half the line, the fields follow whole or cut cleanly, never a
 * key without its value (the old cut left `,"cmd""}`).
 */
static void
test_log_json_cut_never_splits_fields(void **state)
{
	char cmd[3000], line[LOG_LINE_MAX + 1];
	struct log_field f[] = { LOGF_INT("pid", 4242), LOGF_STR("cmd", cmd),
	    LOGF_STR("last", "x"), LOGF_END };
	size_t len, n;

	(void)state;
	for (len = 400; len < sizeof(cmd); len += 7) {
		memset(cmd, '\\', len);
		cmd[len] = '\0';
		(void)json_msg(f, cmd, line, &n);
		line[n] = '\0';	/* a full line has no terminator */
		assert_non_null(strstr(line, ",\"pid\":4242,\"cmd\":\"\\\\"));
	}
	/* Many fields: those that do not fit are left out whole. */
	{
		struct log_field many[40];
		int i;

		for (i = 0; i < 39; i++)
			many[i] = (struct log_field)LOGF_INT("some_counter", 1234567890123LL);
		many[39] = (struct log_field)LOGF_END;
		(void)json_msg(many, "m", line, &n);
		assert_int_equal(line[n - 3], '3');
	}
}

/* Bytes that are not UTF-8 become U+FFFD; valid UTF-8 passes unchanged. */
static void
test_log_json_replaces_invalid_utf8(void **state)
{
	char line[LOG_LINE_MAX];
	const struct log_field f[] = { LOGF_STR("out", "\xc0\xaf\xed\xa0\x80"),
	    LOGF_END };
	size_t n;

	(void)state;
	assert_string_equal(json_msg(NULL, "caf\xc3\xa9 \xf0\x9f\x98\x80 \xe2\x82\xac",
	    line, &n), "caf\xc3\xa9 \xf0\x9f\x98\x80 \xe2\x82\xac");
	assert_string_equal(json_msg(NULL, "a\xff" "b\xc3", line, &n),
	    "a\xef\xbf\xbd" "b\xef\xbf\xbd");
	/* An overlong '/' and a surrogate are refused byte by byte. */
	(void)json_msg(f, "x", line, &n);
	assert_non_null(strstr(line, "\"out\":\"\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\"}"));
	/* C1 controls and DEL are escaped. */
	(void)json_msg(NULL, "\xc2\x9b\x7f", line, &n);
	assert_non_null(strstr(line, "\"msg\":\"\\u009b\\u007f\"}"));
}

/* Text lines show ESC, other controls and invalid bytes as \xHH. */
static void
test_log_text_escapes_control_bytes(void **state)
{
	char buf[LOG_LINE_MAX], msg[3000];
	size_t n, len;

	(void)state;
	n = log_format(buf, LOG_FORMAT_TEXT, LOG_WARN, T0, NULL,
	    "started '\x1b[31mevil\r' \xc2\x9b\x7f \xff caf\xc3\xa9");
	buf[n] = '\0';
	assert_string_equal(buf, "tend: started '\\x1b[31mevil\\x0d' "
	    "\\xc2\\x9b\\x7f \\xff caf\xc3\xa9\n");
	/* Cut between whole escapes and characters only. */
	for (len = 900; len < 1100; len++) {
		memset(msg, '\x1b', len);
		memcpy(msg + len - 3, "\xe2\x82\xac", 3);
		msg[len] = '\0';
		n = log_format(buf, LOG_FORMAT_TEXT, LOG_WARN, T0, NULL, msg);
		assert_true(n <= LOG_LINE_MAX);
		assert_int_equal(buf[n - 1], '\n');
		assert_true(jc_utf8_valid(buf, n));
		assert_true((n - 7) % 4 == 0 || memcmp(buf + n - 4, "\xe2\x82\xac", 3) == 0);
	}
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
		cmocka_unit_test(test_log_json_cut_never_splits_an_escape),
		cmocka_unit_test(test_log_json_cut_never_splits_fields),
		cmocka_unit_test(test_log_json_replaces_invalid_utf8),
		cmocka_unit_test(test_log_text_escapes_control_bytes),
		cmocka_unit_test(test_log_json_time_matches_gmtime),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
