/* SPDX-License-Identifier: MIT */
/*
 * fuzz_fmt.c - libFuzzer target for tend's own snprintf (fmt.c), checked
 * against the C library's.
 *
 * Every message tend prints, and every value a parser quotes back, goes
 * through fmt_format. The input is read as a little program: each step
 * takes some literal text, one conversion of the documented subset (%d %i
 * %u %x %X %s %c %%, flags '-' and '0', a width and a precision as digits
 * or '*', length l, ll or z), its argument, and a buffer size. fmt_format
 * and snprintf must then write the same bytes and return the same length.
 * Strings are exact-size heap blocks, unterminated when a precision says
 * fewer bytes may be read, so ASan catches a read past them.
 *
 * Left out on purpose, as printf leaves them undefined or fmt.h does not
 * claim them: a precision on integers, '0' with %s or %c, negative '*'
 * widths, and l/ll/z on %s and %c.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "fmt.h"

#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#pragma GCC diagnostic ignored "-Wformat-security"

struct in {
	const uint8_t	*p;
	size_t		 left;
};

static unsigned
take(struct in *in)
{
	if (in->left == 0)
		return 0;
	in->left--;
	return *in->p++;
}

static uint64_t
take64(struct in *in)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < 8; i++)
		v = v << 8 | take(in);
	return v;
}

/* Up to 8 bytes of literal text: no '%', no NUL. */
static size_t
take_text(struct in *in, char *out)
{
	size_t n = take(in) % 9, i;
	unsigned c;

	for (i = 0; i < n; i++) {
		c = take(in);
		out[i] = c == '%' || c == 0 ? 'x' : (char)c;
	}
	return n;
}

static char b1[1024], b2[1024];

static void
compare(int r1, int r2, size_t n)
{
	CHECK(r1 == r2);
	if (n > 0)
		CHECK(memcmp(b1, b2, strlen(b2) + 1) == 0);
}

/* Run one conversion through both, with '*' arguments as asked. */
#define BOTH(star_w, star_p, w, p, arg)	BOTH2(star_w, star_p, w, p, arg, arg)
/* arg1 for fmt_format, arg2 for snprintf (ASan's snprintf reads a byte
 * past an unterminated string's precision, so it gets a terminated copy). */
#define BOTH2(star_w, star_p, w, p, arg1, arg2) do {			\
	char *o1 = n ? b1 : NULL, *o2 = n ? b2 : NULL;			\
	if (star_w && star_p) {						\
		r1 = fmt_format(o1, n, f, w, p, arg1);			\
		r2 = snprintf(o2, n, f, w, p, arg2);			\
	} else if (star_w) {						\
		r1 = fmt_format(o1, n, f, w, arg1);			\
		r2 = snprintf(o2, n, f, w, arg2);			\
	} else if (star_p) {						\
		r1 = fmt_format(o1, n, f, p, arg1);			\
		r2 = snprintf(o2, n, f, p, arg2);			\
	} else {							\
		r1 = fmt_format(o1, n, f, arg1);			\
		r2 = snprintf(o2, n, f, arg2);				\
	}								\
} while (0)

static void
one_step(struct in *in)
{
	static const char convs[] = "diuxXsc%";
	char f[64], *s = NULL, *s2 = NULL;
	size_t len = 0, n, slen;
	unsigned op = take(in), conv = convs[take(in) % 8], lmod = take(in) % 4;
	int width = (int)(take(in) % 40), prec = (int)(take(in) % 40);
	int star_w = op & 1, star_p = (op >> 1) & 1, has_w = (op >> 2) & 1;
	int has_p = (op >> 3) & 1, left = (op >> 4) & 1, zero = (op >> 5) & 1;
	int r1 = 0, r2 = 0;
	uint64_t v = take64(in);

	n = take(in) % 48;
	len = take_text(in, f);
	f[len++] = '%';
	if (conv == '%') {
		f[len++] = '%';
		len += take_text(in, f + len);
		f[len] = '\0';
		r1 = fmt_format(n ? b1 : NULL, n, f);
		r2 = snprintf(n ? b2 : NULL, n, f);
		compare(r1, r2, n);
		return;
	}
	if (left)
		f[len++] = '-';
	if (zero && conv != 's' && conv != 'c')
		f[len++] = '0';
	if (has_w)
		len += star_w ? (size_t)sprintf(f + len, "*") :
		    (size_t)sprintf(f + len, "%d", width);
	else
		star_w = 0;
	if (has_p && conv == 's')
		len += star_p ? (size_t)sprintf(f + len, ".*") :
		    (size_t)sprintf(f + len, ".%d", prec);
	else
		star_p = 0, has_p = 0;
	if (conv != 's' && conv != 'c')
		len += (size_t)sprintf(f + len, "%s",
		    (const char *[]){ "", "l", "ll", "z" }[lmod]);
	f[len++] = (char)conv;
	len += take_text(in, f + len);
	f[len] = '\0';

	switch (conv) {
	case 'd':
	case 'i':
		if (lmod == 0)
			BOTH(star_w, star_p, width, prec, (int)v);
		else if (lmod == 1 || lmod == 3)
			BOTH(star_w, star_p, width, prec, (long)v);
		else
			BOTH(star_w, star_p, width, prec, (long long)v);
		break;
	case 'u':
	case 'x':
	case 'X':
		if (lmod == 0)
			BOTH(star_w, star_p, width, prec, (unsigned)v);
		else if (lmod == 1)
			BOTH(star_w, star_p, width, prec, (unsigned long)v);
		else if (lmod == 2)
			BOTH(star_w, star_p, width, prec, (unsigned long long)v);
		else
			BOTH(star_w, star_p, width, prec, (size_t)v);
		break;
	case 'c':
		BOTH(star_w, star_p, width, prec, (int)(v & 0xff) ? (int)(v & 0xff) : 'x');
		break;
	default:
		/* The string: terminated, unless the precision stops short. */
		slen = v % 64;
		if ((s = malloc(slen + 1)) == NULL || (s2 = malloc(slen + 1)) == NULL)
			abort();
		memset(s, 'a' + (int)(v >> 8) % 26, slen);
		s[slen] = '\0';
		memcpy(s2, s, slen + 1);
		if (has_p && (size_t)prec < slen) {
			free(s);
			if ((s = malloc(prec ? (size_t)prec : 1)) == NULL)
				abort();
			memcpy(s, s2, prec ? (size_t)prec : 1);
		}
		BOTH2(star_w, star_p, width, prec, s, s2);
		free(s);
		free(s2);
		break;
	}
	compare(r1, r2, n);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct in in = { data, size };
	int steps = 0;

	while (in.left > 0 && steps++ < 16)
		one_step(&in);
	return 0;
}
