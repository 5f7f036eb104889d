/* SPDX-License-Identifier: MIT */
/*
 * jsoncheck.h - a strict JSON (RFC 8259) and UTF-8 (RFC 3629) checker for
 * the tests of tend's log lines: fuzz_log and test_log_format.
 *
 * Written apart from log_format.c, from the RFCs, so that the two do not
 * share a mistake. Header-only, with static functions, so that each test
 * takes it without a library. Nothing is allocated.
 *
 * jc_utf8_valid(p, n): 1 if the n bytes are well-formed UTF-8 (no overlong
 * form, no surrogate, nothing past U+10FFFF, no sequence cut short).
 *
 * jc_json_object(p, n, msg, msgsize): 1 if the n bytes are exactly one JSON
 * object, optionally surrounded by whitespace, in valid UTF-8 with every
 * string well-formed (escapes complete, lone surrogates refused). If msg is
 * not NULL, the decoded value of its top-level "msg" string (as UTF-8,
 * NUL-terminated, cut to msgsize) is stored there, or "" if there is none
 * (the first, if the key is repeated).
 */
#ifndef TEND_JSONCHECK_H
#define TEND_JSONCHECK_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Decode one UTF-8 sequence at p (n bytes left): its length, or 0. */
static size_t
jc_utf8_one(const unsigned char *p, size_t n, uint32_t *cp)
{
	size_t len, i;
	uint32_t v, min;

	if (n == 0)
		return 0;
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if ((p[0] & 0xe0) == 0xc0) {
		len = 2, v = p[0] & 0x1f, min = 0x80;
	} else if ((p[0] & 0xf0) == 0xe0) {
		len = 3, v = p[0] & 0x0f, min = 0x800;
	} else if ((p[0] & 0xf8) == 0xf0) {
		len = 4, v = p[0] & 0x07, min = 0x10000;
	} else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		v = v << 6 | (p[i] & 0x3f);
	}
	if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
		return 0;
	*cp = v;
	return len;
}

static int
jc_utf8_valid(const void *buf, size_t n)
{
	const unsigned char *p = buf;
	uint32_t cp;
	size_t k;

	while (n > 0) {
		if ((k = jc_utf8_one(p, n, &cp)) == 0)
			return 0;
		p += k;
		n -= k;
	}
	return 1;
}

struct jc {
	const unsigned char	*p, *end;
	int			 depth;
};

static void
jc_ws(struct jc *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' ||
	    *j->p == '\n' || *j->p == '\r'))
		j->p++;
}

static int
jc_lit(struct jc *j, const char *s)
{
	size_t n = strlen(s);

	if ((size_t)(j->end - j->p) < n || memcmp(j->p, s, n) != 0)
		return 0;
	j->p += n;
	return 1;
}

static int
jc_hex4(struct jc *j, uint32_t *v)
{
	int i, c;

	*v = 0;
	if (j->end - j->p < 4)
		return 0;
	for (i = 0; i < 4; i++) {
		c = *j->p++;
		if (c >= '0' && c <= '9')
			c -= '0';
		else if (c >= 'a' && c <= 'f')
			c -= 'a' - 10;
		else if (c >= 'A' && c <= 'F')
			c -= 'A' - 10;
		else
			return 0;
		*v = *v << 4 | (uint32_t)c;
	}
	return 1;
}

/* Append code point cp as UTF-8 to out (of size n, at *len), cutting. */
static void
jc_emit(char *out, size_t n, size_t *len, uint32_t cp)
{
	unsigned char b[4];
	size_t k, i;

	if (cp < 0x80)
		b[0] = (unsigned char)cp, k = 1;
	else if (cp < 0x800)
		b[0] = (unsigned char)(0xc0 | cp >> 6), b[1] = (unsigned char)(0x80 | (cp & 0x3f)), k = 2;
	else if (cp < 0x10000)
		b[0] = (unsigned char)(0xe0 | cp >> 12), b[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3f)),
		b[2] = (unsigned char)(0x80 | (cp & 0x3f)), k = 3;
	else
		b[0] = (unsigned char)(0xf0 | cp >> 18), b[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3f)),
		b[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3f)), b[3] = (unsigned char)(0x80 | (cp & 0x3f)), k = 4;
	for (i = 0; i < k && out && *len + 1 < n; i++)
		out[(*len)++] = (char)b[i];
	if (out && n)
		out[*len] = '\0';
}

/* A string at j->p; its decoded value into out (size n) if out. */
static int
jc_string(struct jc *j, char *out, size_t n)
{
	size_t len = 0, k;
	uint32_t cp, lo;

	if (out && n)
		out[0] = '\0';
	if (j->p >= j->end || *j->p++ != '"')
		return 0;
	for (;;) {
		if (j->p >= j->end || *j->p < 0x20)
			return 0;
		if (*j->p == '"') {
			j->p++;
			return 1;
		}
		if (*j->p != '\\') {
			if ((k = jc_utf8_one(j->p, (size_t)(j->end - j->p), &cp)) == 0)
				return 0;
			j->p += k;
			jc_emit(out, n, &len, cp);
			continue;
		}
		if (++j->p >= j->end)
			return 0;
		switch (*j->p++) {
		case '"': cp = '"'; break;
		case '\\': cp = '\\'; break;
		case '/': cp = '/'; break;
		case 'b': cp = '\b'; break;
		case 'f': cp = '\f'; break;
		case 'n': cp = '\n'; break;
		case 'r': cp = '\r'; break;
		case 't': cp = '\t'; break;
		case 'u':
			if (!jc_hex4(j, &cp) || (cp >= 0xdc00 && cp <= 0xdfff))
				return 0;
			if (cp >= 0xd800 && cp <= 0xdbff) {
				if (!jc_lit(j, "\\u") || !jc_hex4(j, &lo) ||
				    lo < 0xdc00 || lo > 0xdfff)
					return 0;
				cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
			}
			break;
		default:
			return 0;
		}
		jc_emit(out, n, &len, cp);
	}
}

static int
jc_digits(struct jc *j)
{
	const unsigned char *s = j->p;

	while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
		j->p++;
	return j->p > s;
}

static int
jc_number(struct jc *j)
{
	if (j->p < j->end && *j->p == '-')
		j->p++;
	if (j->p < j->end && *j->p == '0')
		j->p++;
	else if (j->p >= j->end || *j->p < '1' || *j->p > '9' || !jc_digits(j))
		return 0;
	if (j->p < j->end && *j->p == '.' && (j->p++, !jc_digits(j)))
		return 0;
	if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
		j->p++;
		if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
			j->p++;
		if (!jc_digits(j))
			return 0;
	}
	return 1;
}

static int jc_value(struct jc *j, char *msg, size_t msgsize);

/* An object or array; msg is filled from key "msg" at the top level only. */
static int
jc_container(struct jc *j, char *msg, size_t msgsize)
{
	int obj = *j->p == '{', first = 1, top = j->depth == 0;
	char key[8];

	if (++j->depth > 64)
		return 0;
	j->p++;
	jc_ws(j);
	if (j->p < j->end && *j->p == (obj ? '}' : ']')) {
		j->p++;
		j->depth--;
		return 1;
	}
	for (;;) {
		if (!first) {
			jc_ws(j);
			if (j->p < j->end && *j->p == (obj ? '}' : ']')) {
				j->p++;
				j->depth--;
				return 1;
			}
			if (j->p >= j->end || *j->p++ != ',')
				return 0;
		}
		first = 0;
		jc_ws(j);
		if (obj) {
			if (!jc_string(j, key, sizeof(key)))
				return 0;
			jc_ws(j);
			if (j->p >= j->end || *j->p++ != ':')
				return 0;
			jc_ws(j);
			if (top && msg && strcmp(key, "msg") == 0 && j->p < j->end &&
			    *j->p == '"') {
				if (!jc_string(j, msg, msgsize))
					return 0;
				msg = NULL;	/* the first "msg" only */
				continue;
			}
		}
		if (!jc_value(j, NULL, 0))
			return 0;
	}
}

static int
jc_value(struct jc *j, char *msg, size_t msgsize)
{
	if (j->p >= j->end)
		return 0;
	switch (*j->p) {
	case '{':
	case '[':
		return jc_container(j, msg, msgsize);
	case '"':
		return jc_string(j, NULL, 0);
	case 't':
		return jc_lit(j, "true");
	case 'f':
		return jc_lit(j, "false");
	case 'n':
		return jc_lit(j, "null");
	default:
		return jc_number(j);
	}
}

static int
jc_json_object(const void *buf, size_t n, char *msg, size_t msgsize)
{
	struct jc j = { buf, (const unsigned char *)buf + n, 0 };

	if (msg && msgsize)
		msg[0] = '\0';
	if (!jc_utf8_valid(buf, n))
		return 0;
	jc_ws(&j);
	if (j.p >= j.end || *j.p != '{' || !jc_value(&j, msg, msgsize))
		return 0;
	jc_ws(&j);
	return j.p == j.end;
}

#endif
