/* SPDX-License-Identifier: MIT */
/*
 * memfn.c - see memfn.h. 'used': musl's own objects (its start-up copies
 * the TLS image with memcpy) are linked after LTO, which would otherwise
 * drop what tend itself no longer calls.
 * No loop may turn back into a call to memcpy or memset, which would now
 * be these very functions: GCC's loop-distribution is off for them.
 */
#include "memfn.h"

#include <stdint.h>
#include <stddef.h>

#if defined(__GNUC__) && !defined(__clang__) && !defined(TEND_ONE_UNIT)
#define MEMFN	__attribute__((used, optimize("no-tree-loop-distribute-patterns")))
#else
#define MEMFN	__attribute__((used))
#endif

/* NOLINTBEGIN(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp): the C library's names */
MEMFN void *
MEMFN_NAME(memmove)(void *dst, const void *src, size_t n)
{
	unsigned char		*d = dst;
	const unsigned char	*s = src;

	if ((uintptr_t)d < (uintptr_t)s) {
		for (size_t i = 0; i < n; i++)
			d[i] = s[i];
	} else {
		while (n-- > 0)
			d[n] = s[n];
	}
	return dst;
}

MEMFN void *
MEMFN_NAME(memcpy)(void *dst, const void *src, size_t n)
{
	return MEMFN_NAME(memmove)(dst, src, n);
}

MEMFN void *
MEMFN_NAME(memset)(void *dst, int c, size_t n)
{
	unsigned char *d = dst;

	while (n-- > 0)
		d[n] = (unsigned char)c;
	return dst;
}

MEMFN size_t
MEMFN_NAME(strlen)(const char *s)
{
	const char *p = s;

	while (*p != '\0')
		p++;
	return (size_t)(p - s);
}

MEMFN size_t
MEMFN_NAME(strnlen)(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && s[i] != '\0'; i++)
		;
	return i;
}

MEMFN void *
MEMFN_NAME(memchr)(const void *src, int c, size_t n)
{
	const unsigned char *s = src;

	for (; n > 0; n--, s++)
		if (*s == (unsigned char)c)
			return (void *)s;
	return NULL;
}

MEMFN size_t
MEMFN_NAME(strcspn)(const char *s, const char *reject)
{
	size_t n;

	for (n = 0; s[n] != '\0'; n++)
		for (const char *r = reject; *r != '\0'; r++)
			if (s[n] == *r)
				return n;
	return n;
}

MEMFN char *
MEMFN_NAME(strchr)(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (*s == '\0')
			return NULL;
	}
}

MEMFN char *
MEMFN_NAME(strrchr)(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (*s == '\0')
			return (char *)last;
	}
}

MEMFN int
MEMFN_NAME(memcmp)(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n > 0; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

MEMFN int
MEMFN_NAME(strncmp)(const char *a, const char *b, size_t n)
{
	for (; n > 0; n--, a++, b++) {
		int x = *(const unsigned char *)a, y = *(const unsigned char *)b;

		if (x != y || x == 0)
			return x - y;
	}
	return 0;
}

/*
 * strcmp and strcasecmp are their bounded forms with a bound no string
 * reaches. Not SIZE_MAX: under the C library's names GCC knows these as
 * built-ins and warns at a bound larger than any object can be.
 */
MEMFN int
MEMFN_NAME(strcmp)(const char *a, const char *b)
{
	return MEMFN_NAME(strncmp)(a, b, PTRDIFF_MAX);
}

/* ASCII case folding, as musl's tolower in every locale it has. */
static int
memfn_lower(const char *p)
{
	int c = *(const unsigned char *)p;

	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

MEMFN int
MEMFN_NAME(strncasecmp)(const char *a, const char *b, size_t n)
{
	for (; n > 0; n--, a++, b++) {
		int x = memfn_lower(a), y = memfn_lower(b);

		if (x != y || x == 0)
			return x - y;
	}
	return 0;
}

MEMFN int
MEMFN_NAME(strcasecmp)(const char *a, const char *b)
{
	return MEMFN_NAME(strncasecmp)(a, b, PTRDIFF_MAX);
}
/* NOLINTEND(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
