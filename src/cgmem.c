/* SPDX-License-Identifier: MIT */
/*
 * cgmem.c - the pure parsers behind cgmem.h.
 */
#include <errno.h>
#include <string.h>

#include "cgmem.h"
#include "fmt.h"

/* The decimal number at s, up to the first non-digit. */
static int
cgmem_num(const char *s, uint64_t *val)
{
	uint64_t v = 0;
	const char *p;

	for (p = s; *p >= '0' && *p <= '9'; p++) {
		if (v > (UINT64_MAX - 9) / 10)
			return -EINVAL;
		v = v * 10 + (uint64_t)(*p - '0');
	}
	if (p == s)
		return -EINVAL;
	*val = v;
	return 0;
}

/* True if the comma list [c, end) names "memory". */
static int
cgmem_has_memory(const char *c, const char *end)
{
	const char *q;

	for (; c < end; c = q + 1) {
		for (q = c; q < end && *q != ','; q++)
			;
		if (q - c == 6 && memcmp(c, "memory", 6) == 0)
			return 1;
	}
	return 0;
}

int
cgmem_paths(const char *buf, char *v2, size_t v2n, char *v1, size_t v1n)
{
	const char *line, *nl, *c1, *c2;
	int found = 0, which;
	size_t len;

	for (line = buf; *line; line = *nl ? nl + 1 : nl) {
		nl = strchrnul(line, '\n');
		/* "ID:CONTROLLERS:PATH"; the path may itself hold colons. */
		if ((c1 = memchr(line, ':', (size_t)(nl - line))) == NULL ||
		    (c2 = memchr(c1 + 1, ':', (size_t)(nl - c1 - 1))) == NULL)
			continue;
		len = (size_t)(nl - c2 - 1);
		if (c1 == line + 1 && line[0] == '0' && c2 == c1 + 1)
			which = CGMEM_V2;
		else if (cgmem_has_memory(c1 + 1, c2))
			which = CGMEM_V1;
		else
			continue;
		if ((found & which) || len == 0 || len >= (which == CGMEM_V2 ? v2n : v1n))
			continue;
		memcpy(which == CGMEM_V2 ? v2 : v1, c2 + 1, len);
		(which == CGMEM_V2 ? v2 : v1)[len] = '\0';
		found |= which;
	}
	return found;
}

int
cgmem_key(const char *buf, const char *key, uint64_t *val)
{
	size_t klen = strlen(key);
	const char *line, *nl;

	for (line = buf;; line = nl + 1) {
		if (strncmp(line, key, klen) == 0 && line[klen] == ' ')
			return cgmem_num(line + klen + 1, val);
		if (*(nl = strchrnul(line, '\n')) == '\0')
			return -ENOENT;
	}
}

int
cgmem_limit(const char *buf, uint64_t *val)
{
	if (strncmp(buf, "max", 3) == 0 || (cgmem_num(buf, val) == 0 &&
	    *val >= (1ULL << 62))) {
		*val = CGMEM_NO_LIMIT;
		return 0;
	}
	return cgmem_num(buf, val);
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
