/* SPDX-License-Identifier: MIT */
/* test_escape.c - escape_bytes(): every byte value, and cutting at the end. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "escape.h"

static void
test_printable_pass(void **state)
{
	char out[64];

	(void)state;
	assert_int_equal(escape_bytes(out, sizeof(out), "healthy: HTTP 200, 3s ago", 25), 25);
	assert_string_equal(out, "healthy: HTTP 200, 3s ago");
}

static void
test_terminal_escapes(void **state)
{
	static const char in[] = "ok \033]0;pwned\007\033[2J\r\n\\ \177\303\251";
	char out[128];

	(void)state;
	escape_bytes(out, sizeof(out), in, sizeof(in) - 1);
	assert_string_equal(out, "ok \\x1b]0;pwned\\x07\\x1b[2J\\x0d\\x0a\\\\ \\x7f\\xc3\\xa9");
}

/* Every byte value: printable ASCII but the backslash passes, the rest is escaped. */
static void
test_every_byte(void **state)
{
	char in[1], out[8];
	size_t n;
	int c;

	(void)state;
	for (c = 0; c < 256; c++) {
		in[0] = (char)c;
		n = escape_bytes(out, sizeof(out), in, 1);
		if (c == '\\')
			assert_string_equal(out, "\\\\");
		else if (c >= 0x20 && c < 0x7f)
			assert_true(n == 1 && out[0] == c);
		else
			assert_true(n == 4 && out[0] == '\\' && out[1] == 'x');
		assert_int_equal(strlen(out), n);
	}
}

/* A full buffer stops before an escape that does not fit, never inside it. */
static void
test_never_cut(void **state)
{
	char out[6];

	(void)state;
	assert_int_equal(escape_bytes(out, sizeof(out), "ab\033cd", 5), 2);
	assert_string_equal(out, "ab");
	assert_int_equal(escape_bytes(out, 1, "ab", 2), 0);
	assert_string_equal(out, "");
	assert_int_equal(escape_bytes(NULL, 0, "ab", 2), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_printable_pass),
		cmocka_unit_test(test_terminal_escapes),
		cmocka_unit_test(test_every_byte),
		cmocka_unit_test(test_never_cut),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
