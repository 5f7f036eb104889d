/* SPDX-License-Identifier: MIT */
/*
 * log_format.c - the pure half of log.h: one log line into a buffer.
 *
 * Whatever the bytes of a message or field (an app's argv, a probe's
 * output), a JSON line is one valid JSON object in valid UTF-8 and a text
 * line holds no control byte, so neither a log pipeline's parser nor a
 * terminal can be fooled. A line that does not fit is cut between whole
 * escapes and UTF-8 sequences, its strings and object always closed.
 */
#include <string.h>

#include "fmt.h"
#include "log.h"

struct lbuf {
	char	*p;
	size_t	 len;
	size_t	 cap;	/* leaves room for what must close the line */
	int	 cut;	/* a piece did not fit: the string or field stops */
};

/*
 * All or nothing: a piece that does not fit whole is not written, nor is
 * anything after it until cut is cleared, so a cut never splits an escape
 * or a UTF-8 sequence, nor skips one piece to write a later one.
 */
static void
lb_put(struct lbuf *b, const char *s, size_t n)
{
	char *d;

	if (b->cut || n > b->cap - b->len) {
		b->cut = 1;
		return;
	}
	/* A byte loop: a leaf, with no frame nor call, for a few bytes. */
	for (d = b->p + b->len, b->len += n; n; n--)
		*d++ = *s++;
}

/*
 * The length of the well-formed UTF-8 sequence at s (1-4), or 0 if s does
 * not start one: overlong forms, surrogates, code points past U+10FFFF,
 * stray continuation bytes and sequences cut short are all refused.
 */
static size_t
lb_utf8_len(const unsigned char *s)
{
	unsigned c = s[0], lo = 0x80, hi = 0xbf;
	size_t n, i;

	if (c < 0x80)
		return 1;
	if (c < 0xc2 || c > 0xf4)
		return 0;
	n = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
	if (c == 0xe0)
		lo = 0xa0;
	else if (c == 0xed)
		hi = 0x9f;
	else if (c == 0xf0)
		lo = 0x90;
	else if (c == 0xf4)
		hi = 0x8f;
	if (s[1] < lo || s[1] > hi)
		return 0;
	for (i = 2; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	return n;
}

/*
 * s, escaped so that it is safe in a JSON string (json) or on a terminal
 * (text), at most max bytes of it. Valid UTF-8 passes through but for
 * control characters (C0, DEL, C1): JSON writes those as \uXXXX, quotes
 * and backslashes with a backslash, and bytes that are not UTF-8 as
 * U+FFFD; text writes control and non-UTF-8 bytes as \xHH.
 */
static void
lb_esc(struct lbuf *b, const char *s, int json, size_t max)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n, k, i, cap = b->cap;
	char esc[8];
	unsigned c;

	/* JSON keeps a byte for the closing quote. */
	b->cap -= (size_t)json;
	if (max < b->cap - b->len)
		b->cap = b->len + max;
	for (b->cut = 0; *u != 0 && !b->cut; u += n) {
		c = *u;
		n = lb_utf8_len(u);
		if (n == 2 && c == 0xc2 && u[1] < 0xa0) {	/* C1 control */
			if (json)
				c = u[1];
			else
				n = 0;
		} else if (n > 1 || (n == 1 && c >= 0x20 && c != 0x7f &&
		    !(json && (c == '"' || c == '\\')))) {
			lb_put(b, (const char *)u, n);
			continue;
		}
		if (n == 0) {
			n = 1;
			if (json)
				c = 0xfffd;
		}
		esc[0] = '\\';
		esc[1] = (char)('x' - 3 * json);	/* 'u' or 'x' */
		k = 4 + 2 * (size_t)json;
		if (json && (c == '"' || c == '\\' || c == '\n')) {
			esc[1] = (char)(c == '\n' ? 'n' : c);
			k = 2;
		}
		for (i = k; i-- > 2; c >>= 4)
			esc[i] = "0123456789abcdef"[c & 15];
		lb_put(b, esc, k);
	}
	b->cap = cap;
}

/*
 * s as a JSON string, quotes included (NULL as ""): whole, or cut cleanly
 * but closed. Returns 0, writing nothing, if not even "" fits.
 */
static int
lb_json(struct lbuf *b, const char *s, size_t max)
{
	lb_put(b, "\"\"", 2);
	if (b->cut)
		return 0;
	b->len--;
	lb_esc(b, s ? s : "", 1, max);
	b->p[b->len++] = '"';
	return 1;
}

/*
 * Days since 1970-01-01 to a proleptic Gregorian date, a year and then a
 * month at a time (at most 585 years fit in the u64 ns, 213,504 days: 32
 * bits hold them): gmtime_r() would pull musl's time zone code, and an
 * allocator with it, into the static binary. The date goes to v[] in the
 * order lb_head writes it, from the end: day, month, year.
 */
static void
lb_civil(unsigned days, unsigned *v)
{
	unsigned yr = 1970, mo = 0, leap, len;

	for (;; yr++) {
		/* Of the multiples of 4, those of 100 (of 25) are leap only if of 400 (of 16). */
		leap = (yr & (yr % 25 ? 3 : 15)) == 0;
		if (days < 365 + leap)
			break;
		days -= 365 + leap;
	}
	for (;; mo++) {
		len = (unsigned)"\37\34\37\36\37\36\37\37\36\37\36\37"[mo] +
		    (mo == 1 && leap);
		if (days < len)
			break;
		days -= len;
	}
	v[0] = days + 1;
	v[1] = mo + 1;
	v[2] = yr;
}

/*
 * {"time":"2024-01-02T03:04:05.678Z","level":"info","msg":
 * ns is cut into its fields by a table of radices, and their digits are
 * written over the template's zeros from its end (v[1..7]: ms, s, min, h,
 * day, month, year): one small call rather than one with ten arguments,
 * and a division instruction each rather than a multiply per constant.
 */
static void
lb_head(struct lbuf *b, uint64_t ns, enum log_level lvl)
{
	static const unsigned radix[] = { 1000000, 1000, 60, 60, 24 };
	unsigned v[8], *vp = v + 1;
	char *p = b->p;
	int i;
	unsigned ten = 10;

	/* Hidden from the compiler: one divide, not a multiply by a 64-bit
	 * reciprocal and its fix-ups (24 B less on s390x). */
	__asm__("" : "+r"(ten));

	for (i = 0; i < 5; i++) {
		v[i] = (unsigned)(ns % radix[i]);
		ns /= radix[i];
	}
	lb_civil((unsigned)ns, v + 5);
	/* First on the line, and at most 64 bytes: it always fits. */
	b->len = (size_t)fmt_format(p, b->cap, "{\"time\":\"0000-00-00T00:00:"
	    "00.000Z\",\"level\":\"%s\",\"msg\":",
	    &"error\0warn\0\0info\0\0debug"[6 * (size_t)(lvl <= LOG_DEBUG ? lvl : LOG_DEBUG)]);
	for (i = 31; i > 8; i--) {
		if (p[i] != '0') {
			vp++;
			continue;
		}
		p[i] = (char)('0' + *vp % ten);
		*vp /= ten;
	}
}

/*
 * Each field whole, or its string value cut cleanly; one whose key does
 * not fit is left out, never written half.
 */
static void
lb_fields(struct lbuf *b, const struct log_field *f)
{
	char num[32];
	size_t mark;

	for (; f && f->type != LF_END; f++) {
		mark = b->len;
		b->cut = 0;
		lb_put(b, ",", 1);
		/* After a cut nothing is put: "" does not fit, or the key was cut. */
		lb_json(b, f->key, LOG_LINE_MAX);
		lb_put(b, ":", 1);
		if (f->type == LF_INT) {
			lb_put(b, num, (size_t)fmt_format(num, sizeof(num), "%lld",
			    f->i));
		} else if (!b->cut && lb_json(b, f->s, LOG_LINE_MAX))
			continue;	/* a value cut cleanly is kept */
		if (b->cut)
			b->len = mark;
	}
}

size_t
log_format(char *buf, enum log_format fmt, enum log_level lvl,
    uint64_t realtime_ns, const struct log_field *fields, const char *msg)
{
	struct lbuf b = { buf, 0, LOG_LINE_MAX - 2, 0 };

	if (fmt == LOG_FORMAT_TEXT) {
		b.cap++;
		lb_put(&b, "tend: ", 6);
		lb_esc(&b, msg, 0, LOG_LINE_MAX);
		buf[b.len++] = '\n';
		return b.len;
	}
	lb_head(&b, realtime_ns, lvl);
	/* A long message leaves room for the fields after it. */
	lb_json(&b, msg, fields && fields->type != LF_END ? LOG_LINE_MAX / 2 :
	    LOG_LINE_MAX);
	lb_fields(&b, fields);
	buf[b.len++] = '}';
	buf[b.len++] = '\n';
	return b.len;
}
