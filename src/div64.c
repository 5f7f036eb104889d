/* SPDX-License-Identifier: MIT */
/*
 * div64.c - 64-bit division for i386, in place of libgcc's.
 *
 * A 32-bit x86 has no instruction that divides a 64-bit number by another,
 * so gcc calls __udivdi3, __umoddi3 and friends for every '/' and '%' on a
 * uint64_t (tend's milliseconds, log dates, parsed numbers). libgcc's are
 * built for speed: about 1 KB of them. tend divides 64-bit numbers only to
 * parse and to print, a few times per event, so one bit at a time is plenty
 * (64 rounds of a shift and a compare) and takes about 100 bytes.
 *
 * Linked into the release tend on i386 only (CMakeLists.txt); the unit test
 * builds it everywhere and checks it against the machine's own division.
 * 'used': with LTO the calls to these appear only when code is generated.
 */
#include "div64.h"

#define DIV64	__attribute__((used))

/* NOLINTBEGIN(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp): libgcc's names */
DIV64 uint64_t
__udivmoddi4(uint64_t n, uint64_t d, uint64_t *rem)
{
	uint64_t	q = 0, r = 0;

	/* Before round i, r <= n >> (i + 1) < 2^63: the shift never loses
	 * a bit. */
	for (int i = 63; i >= 0; i--) {
		r = r << 1 | (n >> i & 1);
		if (r >= d) {
			r -= d;
			q |= (uint64_t)1 << i;
		}
	}
	if (rem)
		*rem = r;
	return q;
}

DIV64 uint64_t
__udivdi3(uint64_t n, uint64_t d)
{
	return __udivmoddi4(n, d, 0);
}

DIV64 uint64_t
__umoddi3(uint64_t n, uint64_t d)
{
	uint64_t	r;

	(void)__udivmoddi4(n, d, &r);
	return r;
}

static uint64_t
mag(int64_t v)
{
	return v < 0 ? -(uint64_t)v : (uint64_t)v;
}

/* C's rules: the quotient truncates toward zero, the remainder has the
 * sign of the dividend. */
DIV64 int64_t
__divdi3(int64_t n, int64_t d)
{
	uint64_t q = __udivmoddi4(mag(n), mag(d), 0);

	return (int64_t)((n < 0) != (d < 0) ? -q : q);
}

DIV64 int64_t
__moddi3(int64_t n, int64_t d)
{
	uint64_t	r;

	(void)__udivmoddi4(mag(n), mag(d), &r);
	return (int64_t)(n < 0 ? -r : r);
}
/* NOLINTEND(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
