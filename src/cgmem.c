/* SPDX-License-Identifier: MIT */
/*
 * cgmem.c - the pure parsers behind cgmem.h.
 */
#include <errno.h>
#include <string.h>

#include "cgmem.h"
#include "fmt.h"
#include "parse.h"

/* The decimal number at s, up to the first non-digit. */
static int
cgmem_num(const char *s, uint64_t *val)
{
	return parse_digits(&s, UINT64_MAX, val) == 0 ? 0 : -EINVAL;
}

/* True if the comma list [c, end) names "memory". */
static int
cgmem_has_memory(const char *c, const char *end)
{
	const char *q;

	for (; c < end; c = q + 1) {
		for (q = c; q < end && *q != ','; q++)
			;
		if (q - c == 6 && strncmp(c, "memory", 6) == 0)
			return 1;
	}
	return 0;
}

/* One line "ID:CONTROLLERS:PATH" (c1, c2 its first two colons, end its end). */
static int
cgmem_line(const char *id, const char *c1, const char *c2, const char *end,
    char *dst, size_t n, int found, char *v2, size_t v2n)
{
	int which = 0;
	size_t len = (size_t)(end - c2 - 1);

	if (c1 == id + 1 && id[0] == '0' && c2 == c1 + 1) {
		which = CGMEM_V2;
		dst = v2;
		n = v2n;
	} else if (cgmem_has_memory(c1 + 1, c2))
		which = CGMEM_V1;
	if (which == 0 || (found & which) || len == 0 || len >= n)
		return 0;
	memcpy(dst, c2 + 1, len);
	dst[len] = '\0';
	return which;
}

/*
 * One pass, byte by byte, with no library call per line: this runs at
 * every start of tend.
 */
int
cgmem_paths(const char *buf, char *v2, size_t v2n, char *v1, size_t v1n)
{
	const char *line = buf, *c1 = NULL, *c2 = NULL, *p;
	int found = 0;

	for (p = buf;; p++) {
		if (*p == ':') {
			/* The path may itself hold colons: only the first two count. */
			if (c1 == NULL)
				c1 = p;
			else if (c2 == NULL)
				c2 = p;
		} else if (*p == '\n' || *p == '\0') {
			if (c2)
				found |= cgmem_line(line, c1, c2, p, v1, v1n, found,
				    v2, v2n);
			if (*p == '\0')
				return found;
			line = p + 1;
			c1 = c2 = NULL;
		}
	}
}

int
cgmem_key(const char *buf, const char *key, uint64_t *val)
{
	size_t klen = strlen(key);
	const char *line, *nl;

	for (line = buf;; line = nl + 1) {
		if (strncmp(line, key, klen) == 0 && line[klen] == ' ')
			return cgmem_num(line + klen + 1, val);
		for (nl = line; *nl && *nl != '\n'; nl++)
			;
		if (*nl == '\0')
			return -ENOENT;
	}
}

int
cgmem_limit(const char *buf, uint64_t *val)
{
	/* "max", or a number too large to be a real limit: none. */
	if (strncmp(buf, "max", 3) != 0) {
		if (cgmem_num(buf, val) < 0)
			return -EINVAL;
		if (*val < (1ULL << 62))
			return 0;
	}
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
