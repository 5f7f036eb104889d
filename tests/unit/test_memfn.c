/* SPDX-License-Identifier: MIT */
/* test_memfn.c - the small memcpy/memmove/memset/strlen/memchr against libc's. */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "memfn.h"

#define N 96

static void
fill(unsigned char *b)
{
	for (int i = 0; i < N; i++)
		b[i] = (unsigned char)(i * 37 + 11);
}

/* Every source and destination offset and length in a 96-byte buffer,
 * overlapping both ways or not, gives what libc's memmove gives. */
static void
test_memfn_memmove_every_overlap(void **state)
{
	unsigned char want[N], got[N];

	(void)state;
	for (int so = 0; so < 32; so++)
		for (int dof = 0; dof < 32; dof++)
			for (int n = 0; n <= 64; n++) {
				fill(want);
				fill(got);
				memmove(want + dof, want + so, (size_t)n);
				assert_ptr_equal(tend_memmove(got + dof,
				    got + so, (size_t)n), got + dof);
				assert_memory_equal(got, want, N);
			}
}

static void
test_memfn_memcpy_disjoint(void **state)
{
	unsigned char src[N], dst[N], want[N];

	(void)state;
	fill(src);
	for (int n = 0; n <= N; n++) {
		memset(dst, 0xee, N);
		memset(want, 0xee, N);
		memcpy(want, src, (size_t)n);
		assert_ptr_equal(tend_memcpy(dst, src, (size_t)n), dst);
		assert_memory_equal(dst, want, N);
	}
}

static void
test_memfn_memset_exact_range(void **state)
{
	unsigned char got[N], want[N];

	(void)state;
	for (int o = 0; o < 16; o++)
		for (int n = 0; n <= 64; n++) {
			fill(got);
			fill(want);
			memset(want + o, 0x1a5, (size_t)n);	/* int, as libc */
			assert_ptr_equal(tend_memset(got + o, 0x1a5,
			    (size_t)n), got + o);
			assert_memory_equal(got, want, N);
		}
}

static void
test_memfn_strlen_every_length(void **state)
{
	char b[N];

	(void)state;
	for (int n = 0; n < N; n++) {
		memset(b, 'x', N);
		b[n] = '\0';
		assert_int_equal(tend_strlen(b), n);
		assert_int_equal(tend_strlen(b + n / 2), n - n / 2);
	}
}

/* The first match only, never one past n, and bytes compared unsigned
 * (0xff found by -1 and by 255). */
static void
test_memfn_memchr_first_match_within_n(void **state)
{
	unsigned char b[N];

	(void)state;
	fill(b);
	for (int c = -1; c < 256; c++)
		for (int n = 0; n <= N; n += 7)
			assert_ptr_equal(tend_memchr(b, c, (size_t)n),
			    memchr(b, c, (size_t)n));
	b[10] = 0xff;
	b[20] = 0xff;
	assert_ptr_equal(tend_memchr(b, -1, N), b + 10);
	assert_ptr_equal(tend_memchr(b, 255, 10), NULL);
	assert_ptr_equal(tend_memchr(b, 255 + 256, 11), b + 10);
}

static int
sign(int v)
{
	return (v > 0) - (v < 0);
}

static void
test_memfn_strcspn_like_libc(void **state)
{
	static const char *const s[] = { "", "a", "abc", "hello world",
	    "key=value", "a,b;c", "\xff\x80x", "  x" };
	static const char *const r[] = { "", "a", "=", " \t", ",;", "\xff",
	    "xyz", "cba" };

	(void)state;
	for (size_t i = 0; i < sizeof(s) / sizeof(s[0]); i++)
		for (size_t j = 0; j < sizeof(r) / sizeof(r[0]); j++)
			assert_int_equal(tend_strcspn(s[i], r[j]),
			    strcspn(s[i], r[j]));
}

/* Same sign as libc's in the C locale, bytes over 127 unsigned, and no
 * byte looked at past n or past a NUL. */
static void
test_memfn_strcasecmp_like_libc(void **state)
{
	static const char *const s[] = { "", "a", "A", "b", "Content-Type",
	    "content-type", "CONTENT-TYPEX", "content-typ", "[", "{", "@",
	    "`", "\xe9", "\xc9", "Z", "z", "ab\0cd" };

	(void)state;
	for (size_t i = 0; i < sizeof(s) / sizeof(s[0]); i++)
		for (size_t j = 0; j < sizeof(s) / sizeof(s[0]); j++) {
			assert_int_equal(sign(tend_strcasecmp(s[i], s[j])),
			    sign(strcasecmp(s[i], s[j])));
			for (size_t n = 0; n < 14; n++)
				assert_int_equal(
				    sign(tend_strncasecmp(s[i], s[j], n)),
				    sign(strncasecmp(s[i], s[j], n)));
		}
}

/* Up to n bytes, never one past the NUL or past n. */
static void
test_memfn_strnlen_like_libc(void **state)
{
	static const char *const s[] = { "", "a", "abc", "ab\0cd", "hello world" };

	(void)state;
	for (size_t i = 0; i < sizeof(s) / sizeof(s[0]); i++)
		for (size_t n = 0; n < 14; n++)
			assert_int_equal(tend_strnlen(s[i], n), strnlen(s[i], n));
}

/* First and last match of every byte of each string, its NUL included. */
static void
test_memfn_strchr_strrchr_like_libc(void **state)
{
	static const char *const s[] = { "", "a", "abca", "a:b:c:", "\xff\x80\xff" };
	static const int c[] = { 'a', 'b', ':', 'z', 0, 0xff, 0x80, 'a' + 256 };

	(void)state;
	for (size_t i = 0; i < sizeof(s) / sizeof(s[0]); i++)
		for (size_t j = 0; j < sizeof(c) / sizeof(c[0]); j++) {
			assert_ptr_equal(tend_strchr(s[i], c[j]), strchr(s[i], c[j]));
			assert_ptr_equal(tend_strrchr(s[i], c[j]), strrchr(s[i], c[j]));
		}
}

/* Same sign as libc's, bytes over 127 unsigned, nothing read past n or a NUL. */
static void
test_memfn_cmp_like_libc(void **state)
{
	static const char *const s[] = { "", "a", "A", "ab", "abc", "abd",
	    "PATH=", "PATH", "PATHX", "\xe9", "\x7f", "ab\0cd", "ab\0ce" };

	(void)state;
	for (size_t i = 0; i < sizeof(s) / sizeof(s[0]); i++)
		for (size_t j = 0; j < sizeof(s) / sizeof(s[0]); j++) {
			assert_int_equal(sign(tend_strcmp(s[i], s[j])),
			    sign(strcmp(s[i], s[j])));
			for (size_t n = 0; n < 7; n++) {
				assert_int_equal(sign(tend_strncmp(s[i], s[j], n)),
				    sign(strncmp(s[i], s[j], n)));
				if (n <= strlen(s[i]) + 1 && n <= strlen(s[j]) + 1)
					assert_int_equal(sign(tend_memcmp(s[i], s[j], n)),
					    sign(memcmp(s[i], s[j], n)));
			}
		}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_memfn_memmove_every_overlap),
		cmocka_unit_test(test_memfn_memcpy_disjoint),
		cmocka_unit_test(test_memfn_memset_exact_range),
		cmocka_unit_test(test_memfn_strlen_every_length),
		cmocka_unit_test(test_memfn_memchr_first_match_within_n),
		cmocka_unit_test(test_memfn_strcspn_like_libc),
		cmocka_unit_test(test_memfn_strcasecmp_like_libc),
		cmocka_unit_test(test_memfn_strnlen_like_libc),
		cmocka_unit_test(test_memfn_strchr_strrchr_like_libc),
		cmocka_unit_test(test_memfn_cmp_like_libc),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
