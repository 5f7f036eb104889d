/* SPDX-License-Identifier: MIT */
/*
 * log_format.c - the pure half of log.h: one log line into a buffer.
 *
 * JSON output escapes quotes, backslashes and control bytes, so a message
 * that quotes the app's argv can never break a log pipeline's parser.
 */
#include <string.h>

#include "fmt.h"
#include "log.h"

struct lbuf {
	char	*p;
	size_t	 len;
	size_t	 cap;	/* leaves room for the closing "}\n" */
};

static void
lb_put(struct lbuf *b, const char *s, size_t n)
{
	if (n > b->cap - b->len)
		n = b->cap - b->len;
	memcpy(b->p + b->len, s, n);
	b->len += n;
}

static void
lb_str(struct lbuf *b, const char *s)
{
	lb_put(b, s, strlen(s));
}

/* s as a JSON string body (without the quotes). */
static void
lb_json(struct lbuf *b, const char *s)
{
	char esc[8];
	const char *run = s;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		lb_put(b, run, (size_t)(s - run));
		if (c == '"' || c == '\\')
			(void)fmt_format(esc, sizeof(esc), "\\%c", c);
		else if (c == '\n')
			(void)fmt_format(esc, sizeof(esc), "\\n");
		else
			(void)fmt_format(esc, sizeof(esc), "\\u%04x", c);
		lb_str(b, esc);
		run = s + 1;
	}
	lb_put(b, run, (size_t)(s - run));
}

/*
 * Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's
 * days-to-civil algorithm): gmtime_r() would pull musl's time zone code,
 * and an allocator with it, into the static binary.
 */
static void
lb_civil(uint64_t days, unsigned *y, unsigned *m, unsigned *d)
{
	uint64_t z = days + 719468, era = z / 146097, doe = z - era * 146097;
	uint64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	uint64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;

	*d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
	*m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
	*y = (unsigned)(yoe + era * 400 + (*m <= 2));
}

static void
lb_time(struct lbuf *b, uint64_t ns)
{
	uint64_t secs = ns / 1000000000ULL, sod = secs % 86400;
	unsigned y, mo, d;
	char tbuf[80];

	lb_civil(secs / 86400, &y, &mo, &d);
	(void)fmt_format(tbuf, sizeof(tbuf), "%04u-%02u-%02uT%02u:%02u:%02u.%03uZ",
	    y, mo, d, (unsigned)(sod / 3600), (unsigned)(sod / 60 % 60),
	    (unsigned)(sod % 60), (unsigned)(ns / 1000000ULL % 1000));
	lb_str(b, tbuf);
}

static void
lb_fields(struct lbuf *b, const struct log_field *f)
{
	char num[32];

	for (; f && f->type != LF_END; f++) {
		lb_str(b, ",\"");
		lb_json(b, f->key);
		lb_str(b, "\":");
		if (f->type == LF_INT) {
			(void)fmt_format(num, sizeof(num), "%lld", f->i);
			lb_str(b, num);
		} else {
			lb_str(b, "\"");
			lb_json(b, f->s ? f->s : "");
			lb_str(b, "\"");
		}
	}
}

size_t
log_format(char *buf, enum log_format fmt, enum log_level lvl,
    uint64_t realtime_ns, const struct log_field *fields, const char *msg)
{
	static const char *const names[] = { "error", "warn", "info", "debug" };
	struct lbuf b = { buf, 0, LOG_LINE_MAX - 3 };

	if (fmt == LOG_FORMAT_TEXT) {
		lb_str(&b, "tend: ");
		lb_put(&b, msg, strcspn(msg, "\n"));
		buf[b.len++] = '\n';
		return b.len;
	}
	lb_str(&b, "{\"time\":\"");
	lb_time(&b, realtime_ns);
	lb_str(&b, "\",\"level\":\"");
	lb_str(&b, names[lvl <= LOG_DEBUG ? lvl : LOG_DEBUG]);
	lb_str(&b, "\",\"msg\":\"");
	lb_json(&b, msg);
	lb_str(&b, "\"");
	lb_fields(&b, fields);
	/* A cut line still closes its object; a cut string its quote. */
	if (b.len == b.cap)
		buf[b.len++] = '"';
	buf[b.len++] = '}';
	buf[b.len++] = '\n';
	return b.len;
}
