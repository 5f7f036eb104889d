/* SPDX-License-Identifier: MIT */
/*
 * fmt.c - the formatter behind fmt.h.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "fmt.h"

struct fmt_out {
	char	*buf;
	size_t	 cap;	/* bytes we may write, NUL excluded */
	size_t	 len;	/* bytes the output needs so far */
};

/* n bytes of s, one every step bytes: step 0 puts n copies of *s. */
static void
fmt_put(struct fmt_out *o, const char *s, size_t n, size_t step)
{
	for (; n; n--, s += step) {
		if (o->len < o->cap)
			o->buf[o->len] = *s;
		o->len++;
	}
}

/*
 * The next argument: a pointer (kind < 0), or an int of length modifier
 * count kind (0 int, 1 long, 2 or more long long), sign-extended when sgn.
 * One place that expands va_arg, rather than one for every conversion.
 * Where long is as wide as long long it is read as one, as C libraries do.
 */
static __attribute__((noinline)) unsigned long long
fmt_arg(va_list *ap, int kind, int sgn)
{
	unsigned long v;

	if (kind < 0)
		return (unsigned long long)(uintptr_t)va_arg(*ap, const char *);
	if (kind > 1 || (kind && sizeof(long) == sizeof(long long)))
		return va_arg(*ap, unsigned long long);
	if (kind) {
		v = va_arg(*ap, unsigned long);
		return sgn ? (unsigned long long)(long)v : v;
	}
	v = va_arg(*ap, unsigned);
	return sgn ? (unsigned long long)(int)v : v;
}

/*
 * One pass, one directive at a time: its flags, width and precision, then
 * the text it stands for in s (len bytes), padded to the width.
 */
int
fmt_vformat(char *buf, size_t n, const char *f, va_list ap0)
{
	struct fmt_out o = { buf, n ? n - 1 : 0, 0 };
	const char *s, *spec;
	unsigned long long v;
	int w, prec, *np, lmod, left, zero, neg, sgn, i;
	size_t len, pad;
	char tmp[24], *d, c;
	unsigned base, r;
	va_list ap;

	va_copy(ap, ap0);

	while (*f) {
		if (*f != '%') {
			/* Text up to the next directive in one put. */
			for (s = f; *f && *f != '%'; f++)
				;
			fmt_put(&o, s, (size_t)(f - s), 1);
			continue;
		}
		spec = f++;
		left = zero = neg = lmod = w = 0;
		prec = -1;
		for (;; f++) {
			if (*f == '-')
				left = 1;
			else if (*f == '0')
				zero = 1;
			else
				break;
		}
		for (np = &w;; f++) {
			r = (unsigned char)*f - '0';
			if (*f == '*')
				*np = (int)fmt_arg(&ap, 0, 1);
			else if (r < 10)
				*np = *np * 10 + (int)r;
			else if (*f == '.' && np == &w)
				*(np = &prec) = 0;
			else
				break;
		}
		/* z is as wide as l on every Linux ABI. */
		for (; *f == 'l' || *f == 'z'; f++)
			lmod++;
		c = *f;
		d = tmp + sizeof(tmp);
		base = (c | 32) == 'x' ? 16 : c == 'd' || c == 'i' || c == 'u' ?
		    10 : 0;
		if (base) {
			sgn = base == 10 && c != 'u';
			v = fmt_arg(&ap, lmod, sgn);
			if (sgn && (long long)v < 0) {
				neg = 1;
				v = 0 - v;
			}
			/* Letters upper case for %X: c & 32 is 0 only there. */
			do {
				r = (unsigned)(v % base);
				*--d = (char)(r + (r < 10 ? '0' : 'A' - 10 + (c & 32)));
			} while ((v /= base) > 0);
			if (neg)
				*--d = '-';
			s = d;
			len = (size_t)(tmp + sizeof(tmp) - d);
		} else {
			zero = 0;
			if (c == 's' || c == 'm') {
				/* %m is glibc's: errno's text, with no argument. */
				if (c == 'm')
					s = strerror(errno);
				/* NOLINTNEXTLINE(performance-no-int-to-ptr): one va_arg site for all */
				else if ((s = (const char *)(uintptr_t)fmt_arg(&ap,
				    -1, 0)) == NULL)
					s = "(null)";
				/* No precision, -1, is SIZE_MAX: strlen(). */
				len = strnlen(s, (size_t)prec);
			} else if (c == 'c') {
				tmp[0] = (char)fmt_arg(&ap, 0, 0);
				s = tmp;
				len = 1;
			} else {
				/* "%%", or an unknown directive copied as it is. */
				w = 0;
				s = c == '%' ? f : spec;
				len = (size_t)(f - s) + (c != '\0');
			}
		}
		if (c)
			f++;
		pad = (size_t)w > len ? (size_t)w - len : 0;
		if (left)
			zero = 0;
		if (zero && neg) {
			fmt_put(&o, s++, 1, 1);
			len--;
		}
		/* The padding, then the text, or (left) the other way round. */
		for (i = 0; i < 2; i++) {
			if (i == left)
				fmt_put(&o, zero ? "0" : " ", pad, 0);
			else
				fmt_put(&o, s, len, 1);
		}
	}
	va_end(ap);
	if (n)
		buf[o.len < o.cap ? o.len : o.cap] = '\0';
	return o.len > 0x7fffffff ? 0x7fffffff : (int)o.len;
}

int
fmt_format(char *buf, size_t n, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = fmt_vformat(buf, n, fmt, ap);
	va_end(ap);
	return r;
}
