/* SPDX-License-Identifier: MIT */
/*
 * memfn.c - see memfn.h. 'used': with LTO the calls only become calls to
 * these at the final link (--wrap), after LTO would have dropped them.
 * No loop may turn back into a call to memcpy or memset, which would now
 * be these very functions: GCC's loop-distribution is off for them.
 */
#include "memfn.h"

#include <stdint.h>
#include <stddef.h>

#if defined(__GNUC__) && !defined(__clang__)
#define MEMFN	__attribute__((used, optimize("no-tree-loop-distribute-patterns")))
#else
#define MEMFN	__attribute__((used))
#endif

/* NOLINTBEGIN(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp): --wrap needs these names */
MEMFN void *
__wrap_memmove(void *dst, const void *src, size_t n)
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
__wrap_memcpy(void *dst, const void *src, size_t n)
{
	return __wrap_memmove(dst, src, n);
}

MEMFN void *
__wrap_memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;

	while (n-- > 0)
		d[n] = (unsigned char)c;
	return dst;
}

MEMFN size_t
__wrap_strlen(const char *s)
{
	const char *p = s;

	while (*p != '\0')
		p++;
	return (size_t)(p - s);
}

MEMFN size_t
__wrap_strnlen(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && s[i] != '\0'; i++)
		;
	return i;
}

MEMFN void *
__wrap_memchr(const void *src, int c, size_t n)
{
	const unsigned char *s = src;

	for (; n > 0; n--, s++)
		if (*s == (unsigned char)c)
			return (void *)s;
	return NULL;
}

MEMFN size_t
__wrap_strcspn(const char *s, const char *reject)
{
	size_t n;

	for (n = 0; s[n] != '\0'; n++)
		for (const char *r = reject; *r != '\0'; r++)
			if (s[n] == *r)
				return n;
	return n;
}

MEMFN char *
__wrap_strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (*s == '\0')
			return NULL;
	}
}

MEMFN char *
__wrap_strrchr(const char *s, int c)
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
__wrap_memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n > 0; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

MEMFN int
__wrap_strncmp(const char *a, const char *b, size_t n)
{
	for (; n > 0; n--, a++, b++) {
		int x = *(const unsigned char *)a, y = *(const unsigned char *)b;

		if (x != y || x == 0)
			return x - y;
	}
	return 0;
}

MEMFN int
__wrap_strcmp(const char *a, const char *b)
{
	return __wrap_strncmp(a, b, (size_t)-1);
}

/* ASCII case folding, as musl's tolower in every locale it has. */
static int
memfn_lower(const char *p)
{
	int c = *(const unsigned char *)p;

	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

MEMFN int
__wrap_strncasecmp(const char *a, const char *b, size_t n)
{
	for (; n > 0; n--, a++, b++) {
		int x = memfn_lower(a), y = memfn_lower(b);

		if (x != y || x == 0)
			return x - y;
	}
	return 0;
}

MEMFN int
__wrap_strcasecmp(const char *a, const char *b)
{
	return __wrap_strncasecmp(a, b, (size_t)-1);
}
/* NOLINTEND(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
