/* SPDX-License-Identifier: MIT */
/*
 * fmt.c - the formatter behind fmt.h.
 */
#include <stdbool.h>
#include <string.h>

#include "fmt.h"

struct fmt_out {
	char	*buf;
	size_t	 cap;	/* bytes we may write, NUL excluded */
	size_t	 len;	/* bytes the output needs so far */
};

static void
fmt_put(struct fmt_out *o, const char *s, size_t n)
{
	if (o->len < o->cap)
		memcpy(o->buf + o->len, s, n < o->cap - o->len ? n : o->cap - o->len);
	o->len += n;
}

static void
fmt_pad(struct fmt_out *o, char c, int n)
{
	for (; n > 0; n--)
		fmt_put(o, &c, 1);
}

struct fmt_spec {
	bool	left;
	bool	zero;
	int	width;
	int	prec;	/* -1: none */
	int	lmod;	/* 0, 1 (l), 2 (ll), 3 (z) */
};

/* Write s (len bytes) padded to the spec's width. */
static void
fmt_field(struct fmt_out *o, const struct fmt_spec *sp, const char *s,
    size_t len, bool numeric)
{
	int pad = sp->width > (int)len ? sp->width - (int)len : 0;

	if (!sp->left && sp->zero && numeric && len > 0 && s[0] == '-') {
		fmt_put(o, s, 1);
		fmt_pad(o, '0', pad);
		fmt_put(o, s + 1, len - 1);
		return;
	}
	if (!sp->left)
		fmt_pad(o, sp->zero && numeric ? '0' : ' ', pad);
	fmt_put(o, s, len);
	if (sp->left)
		fmt_pad(o, ' ', pad);
}

static void
fmt_number(struct fmt_out *o, const struct fmt_spec *sp, unsigned long long v,
    bool neg, unsigned base, bool upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int i = (int)sizeof(tmp);

	do
		tmp[--i] = digits[v % base];
	while ((v /= base) > 0);
	if (neg)
		tmp[--i] = '-';
	fmt_field(o, sp, tmp + i, sizeof(tmp) - (size_t)i, true);
}

static const char *
fmt_parse_spec(const char *f, struct fmt_spec *sp, va_list *ap)
{
	memset(sp, 0, sizeof(*sp));
	sp->prec = -1;
	for (;; f++) {
		if (*f == '-')
			sp->left = true;
		else if (*f == '0')
			sp->zero = true;
		else
			break;
	}
	if (*f == '*') {
		sp->width = va_arg(*ap, int);
		f++;
	}
	for (; *f >= '0' && *f <= '9'; f++)
		sp->width = sp->width * 10 + (*f - '0');
	if (*f == '.') {
		sp->prec = 0;
		if (*++f == '*') {
			sp->prec = va_arg(*ap, int);
			f++;
		}
		for (; *f >= '0' && *f <= '9'; f++)
			sp->prec = sp->prec * 10 + (*f - '0');
	}
	for (; *f == 'l' || *f == 'z'; f++)
		sp->lmod = *f == 'z' ? 3 : sp->lmod + 1;
	return f;
}

static void
fmt_signed(struct fmt_out *o, const struct fmt_spec *sp, va_list *ap)
{
	long long v;

	if (sp->lmod == 2)
		v = va_arg(*ap, long long);
	else if (sp->lmod == 1 || sp->lmod == 3)
		/* NOLINTNEXTLINE(bugprone-branch-clone): va_arg of another type */
		v = va_arg(*ap, long);
	else
		v = va_arg(*ap, int);
	fmt_number(o, sp, v < 0 ? 0ULL - (unsigned long long)v :
	    (unsigned long long)v, v < 0, 10, false);
}

static void
fmt_unsigned(struct fmt_out *o, const struct fmt_spec *sp, va_list *ap,
    unsigned base, bool upper)
{
	unsigned long long v;

	if (sp->lmod == 2)
		v = va_arg(*ap, unsigned long long);
	else if (sp->lmod == 1)
		/* NOLINTNEXTLINE(bugprone-branch-clone): va_arg of another type */
		v = va_arg(*ap, unsigned long);
	else if (sp->lmod == 3)
		v = va_arg(*ap, size_t);
	else
		v = va_arg(*ap, unsigned);
	fmt_number(o, sp, v, false, base, upper);
}

static void
fmt_string(struct fmt_out *o, const struct fmt_spec *sp, const char *s)
{
	size_t len;

	if (s == NULL)
		s = "(null)";
	len = sp->prec >= 0 ? strnlen(s, (size_t)sp->prec) : strlen(s);
	fmt_field(o, sp, s, len, false);
}

int
fmt_vformat(char *buf, size_t n, const char *fmt, va_list ap0)
{
	struct fmt_out o = { buf, n ? n - 1 : 0, 0 };
	struct fmt_spec sp;
	const char *f, *run;
	va_list ap;
	char c;

	va_copy(ap, ap0);
	for (f = fmt; *f; ) {
		for (run = f; *f && *f != '%'; f++)
			;
		fmt_put(&o, run, (size_t)(f - run));
		if (*f == '\0')
			break;
		run = f;
		f = fmt_parse_spec(f + 1, &sp, &ap);
		switch (*f) {
		case 'd':
		case 'i':
			fmt_signed(&o, &sp, &ap);
			break;
		case 'u':
			fmt_unsigned(&o, &sp, &ap, 10, false);
			break;
		case 'x':
		case 'X':
			fmt_unsigned(&o, &sp, &ap, 16, *f == 'X');
			break;
		case 's':
			fmt_string(&o, &sp, va_arg(ap, const char *));
			break;
		case 'c':
			c = (char)va_arg(ap, int);
			fmt_field(&o, &sp, &c, 1, false);
			break;
		case '%':
			fmt_put(&o, "%", 1);
			break;
		default:
			/* Unknown: copy the directive through, and stop at NUL. */
			fmt_put(&o, run, (size_t)(f - run) + (*f != '\0'));
			if (*f == '\0')
				continue;
			break;
		}
		f++;
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
