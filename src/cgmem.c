/* SPDX-License-Identifier: MIT */
/*
 * cgmem.c - the pure parsers behind cgmem.h.
 */
#include <errno.h>
#include <string.h>

#include "cgmem.h"
#include "fmt.h"

/* The decimal number at s[0..n), stopping at the first non-digit. */
static int
cgmem_num(const char *s, size_t n, uint64_t *val)
{
	uint64_t v = 0;
	size_t i;

	for (i = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
		if (v > (UINT64_MAX - 9) / 10)
			return -EINVAL;
		v = v * 10 + (uint64_t)(s[i] - '0');
	}
	if (i == 0)
		return -EINVAL;
	*val = v;
	return 0;
}

/* Copy s[0..n) into dst of size dn; false if it does not fit or holds a NUL. */
static int
cgmem_copy(char *dst, size_t dn, const char *s, size_t n)
{
	if (n == 0 || n >= dn || memchr(s, '\0', n))
		return 0;
	memcpy(dst, s, n);
	dst[n] = '\0';
	return 1;
}

/* True if the comma list c[0..n) names "memory". */
static int
cgmem_has_memory(const char *c, size_t n)
{
	size_t i = 0, j;

	while (i < n) {
		for (j = i; j < n && c[j] != ','; j++)
			;
		if (j - i == 6 && memcmp(c + i, "memory", 6) == 0)
			return 1;
		i = j + 1;
	}
	return 0;
}

int
cgmem_paths(const char *buf, size_t n, char *v2, size_t v2n, char *v1,
    size_t v1n)
{
	const char *line = buf, *end = buf + n, *nl, *c1, *c2;
	int found = 0;

	for (; line < end; line = nl + 1) {
		if ((nl = memchr(line, '\n', (size_t)(end - line))) == NULL)
			nl = end;
		/* "ID:CONTROLLERS:PATH"; the path may itself hold colons. */
		if ((c1 = memchr(line, ':', (size_t)(nl - line))) == NULL ||
		    (c2 = memchr(c1 + 1, ':', (size_t)(nl - c1 - 1))) == NULL)
			continue;
		if (c1 - line == 1 && line[0] == '0' && c2 == c1 + 1) {
			if (!(found & CGMEM_V2) &&
			    cgmem_copy(v2, v2n, c2 + 1, (size_t)(nl - c2 - 1)))
				found |= CGMEM_V2;
		} else if (cgmem_has_memory(c1 + 1, (size_t)(c2 - c1 - 1))) {
			if (!(found & CGMEM_V1) &&
			    cgmem_copy(v1, v1n, c2 + 1, (size_t)(nl - c2 - 1)))
				found |= CGMEM_V1;
		}
	}
	return found;
}

int
cgmem_key(const char *buf, size_t n, const char *key, uint64_t *val)
{
	const char *line = buf, *end = buf + n, *nl;
	size_t klen = strlen(key);

	for (; line < end; line = nl + 1) {
		if ((nl = memchr(line, '\n', (size_t)(end - line))) == NULL)
			nl = end;
		if ((size_t)(nl - line) > klen + 1 && memcmp(line, key, klen) == 0 &&
		    line[klen] == ' ')
			return cgmem_num(line + klen + 1, (size_t)(nl - line) - klen - 1,
			    val);
	}
	return -ENOENT;
}

int
cgmem_limit(const char *buf, size_t n, uint64_t *val)
{
	if (n >= 3 && memcmp(buf, "max", 3) == 0) {
		*val = CGMEM_NO_LIMIT;
		return 0;
	}
	if (cgmem_num(buf, n, val) < 0)
		return -EINVAL;
	if (*val >= (1ULL << 62))
		*val = CGMEM_NO_LIMIT;
	return 0;
}

void
cgmem_size(char *buf, size_t n, uint64_t bytes)
{
	static const char units[][4] = { "B", "KiB", "MiB", "GiB", "TiB" };
	unsigned u = 0;

	while (u < 4 && bytes >= 1024 && bytes % 1024 == 0) {
		bytes /= 1024;
		u++;
	}
	(void)fmt_format(buf, n, "%llu %s", (unsigned long long)bytes, units[u]);
}
