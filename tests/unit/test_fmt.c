/* SPDX-License-Identifier: MIT */
/* test_fmt.c - tend's small snprintf agrees with libc's on what it supports. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "fmt.h"

/* Format with both and compare output and returned length. */
#define SAME(...) do {							\
	char a[64], b[64];						\
	int ra = fmt_format(a, sizeof(a), __VA_ARGS__);			\
	int rb = snprintf(b, sizeof(b), __VA_ARGS__);			\
	assert_string_equal(a, b);					\
	assert_int_equal(ra, rb);					\
} while (0)

static void
test_fmt_integers_match_libc(void **state)
{
	(void)state;
	SAME("%d", 0);
	SAME("%d|%d|%d", INT_MIN, INT_MAX, -1);
	SAME("%u %x %X", UINT_MAX, 0xdeadbeefU, 0xabcU);
	SAME("%ld %lu", LONG_MIN, ULONG_MAX);
	SAME("%lld %llu", LLONG_MIN, ULLONG_MAX);
	SAME("%zu", (size_t)12345);
	SAME("%i", -42);
	SAME("%04d|%-4d|%4d|%04x", 7, 7, 7, 0xa);
	SAME("%05d", -42);
	SAME("%03u%%", 5U);
}

static void
test_fmt_strings_and_chars_match_libc(void **state)
{
	(void)state;
	SAME("%s", "");
	SAME("[%s]", "hello");
	SAME("[%-8s]", "ab");
	SAME("[%8s]", "ab");
	SAME("[%.3s]", "abcdef");
	SAME("[%.*s]", 2, "abcdef");
	SAME("[%*s]", 5, "x");
	SAME("[%-*s]", 5, "x");
	SAME("%c%c", 'o', 'k');
	SAME("-%c, --%s%s%s", 'v', "verbose", "", "");
	SAME("%-36s %s", "-p, --pdeathsig SIG", "help");
}

/* Truncation is the point here, so libc's warning about it is not. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wformat-truncation"
#endif

static void
test_fmt_truncates_like_snprintf(void **state)
{
	char a[8], b[8];
	int ra, rb;

	(void)state;
	ra = fmt_format(a, sizeof(a), "%s-%d", "abcdefgh", 12345);
	rb = snprintf(b, sizeof(b), "%s-%d", "abcdefgh", 12345);
	assert_string_equal(a, b);
	assert_int_equal(ra, rb);
	assert_int_equal(fmt_format(NULL, 0, "%d%s", 123, "ab"), 5);
	ra = fmt_format(a, 1, "xyz");
	assert_string_equal(a, "");
	assert_int_equal(ra, 3);
}

static void
test_fmt_unknown_directive_is_copied(void **state)
{
	char a[32];

	(void)state;
	/* A trailing lone '%' and an unsupported conversion are kept as text. */
	assert_int_equal(fmt_format(a, sizeof(a), "%s", "100%"), 4);
	assert_string_equal(a, "100%");
}

/* %m is errno's text and takes no argument, as with glibc. */
static void
test_fmt_errno_text_matches_libc(void **state)
{
	(void)state;
	errno = ENOENT;
	SAME("a: %m: %d", 7);
	errno = EACCES;
	SAME("%-20m|");
	/* A precision cuts it, as it does a %s. */
	errno = ENOENT;
	SAME("%.4m|%8.3m|%-6.2m|");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fmt_integers_match_libc),
		cmocka_unit_test(test_fmt_strings_and_chars_match_libc),
		cmocka_unit_test(test_fmt_truncates_like_snprintf),
		cmocka_unit_test(test_fmt_unknown_directive_is_copied),
		cmocka_unit_test(test_fmt_errno_text_matches_libc),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
