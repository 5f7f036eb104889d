/* SPDX-License-Identifier: MIT */
/*
 * test_div64.c - the i386 tend's 64-bit division (div64.c), on every
 * machine: quotient and remainder from the definition (q * d + r == n,
 * r < d), and against the machine's own division where that is not
 * div64.c itself (64-bit machines).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "div64.h"

static uint64_t
next(uint64_t *s)
{
	/* xorshift64: spread over every magnitude by the shift below. */
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static const uint64_t edges[] = {
	0, 1, 2, 3, 7, 9, 10, 60, 1000, 86400, 1000000, 0x7fffffffu, 0x80000000u,
	0xffffffffu, 0x100000000ull, 0x100000001ull, 0x7fffffffffffffffull,
	0x8000000000000000ull, 0x8000000000000001ull, 0xfffffffffffffffeull,
	0xffffffffffffffffull,
};
#define NEDGES (sizeof(edges) / sizeof(edges[0]))

static void
check_unsigned(uint64_t n, uint64_t d)
{
	uint64_t r = 0xdead, q = __udivmoddi4(n, d, &r);

	assert_true(r < d);
	assert_true(q * d + r == n);
	/* No overflow either: q * d did not wrap. */
	assert_true(q == 0 || q <= UINT64_MAX / d);
	assert_true(__udivdi3(n, d) == q);
	assert_true(__umoddi3(n, d) == r);
#if UINTPTR_MAX > 0xffffffffu
	assert_true(q == n / d);
	assert_true(r == n % d);
#endif
}

static void
test_div64_unsigned_edges(void **state)
{
	(void)state;
	for (size_t i = 0; i < NEDGES; i++)
		for (size_t j = 1; j < NEDGES; j++)
			check_unsigned(edges[i], edges[j]);
	assert_true(__udivdi3(1234567890123ull, 1000) == 1234567890ull);
	assert_true(__umoddi3(1234567890123ull, 1000) == 123);
	assert_true(__udivdi3(UINT64_MAX, 10) == 1844674407370955161ull);
	assert_true(__umoddi3(UINT64_MAX, 10) == 5);
	assert_true(__udivmoddi4(5, 7, NULL) == 0);
}

static void
test_div64_unsigned_random(void **state)
{
	uint64_t s = 0x9e3779b97f4a7c15ull;

	(void)state;
	for (int i = 0; i < 200000; i++) {
		uint64_t n = next(&s) >> (next(&s) % 64);
		uint64_t d = next(&s) >> (next(&s) % 64);

		if (d == 0)
			d = 1;
		check_unsigned(n, d);
	}
}

static void
check_signed(int64_t n, int64_t d, int64_t q, int64_t r)
{
	assert_true(__divdi3(n, d) == q);
	assert_true(__moddi3(n, d) == r);
}

/* Truncation toward zero; the remainder takes the dividend's sign. */
static void
test_div64_signed(void **state)
{
	(void)state;
	check_signed(7, 2, 3, 1);
	check_signed(-7, 2, -3, -1);
	check_signed(7, -2, -3, 1);
	check_signed(-7, -2, 3, -1);
	check_signed(0, -5, 0, 0);
	check_signed(-86401, 86400, -1, -1);
	check_signed(INT64_MIN, 1, INT64_MIN, 0);
	check_signed(INT64_MIN, INT64_MAX, -1, -1);
	check_signed(INT64_MAX, INT64_MIN, 0, INT64_MAX);
	check_signed(INT64_MIN, 10, -922337203685477580ll, -8);
	check_signed(INT64_MAX, -10, -922337203685477580ll, 7);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_div64_unsigned_edges),
		cmocka_unit_test(test_div64_unsigned_random),
		cmocka_unit_test(test_div64_signed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
