/* SPDX-License-Identifier: MIT */
/*
 * log_format.c - the pure half of log.h: one log line into a buffer.
 *
 * JSON output escapes quotes, backslashes and control bytes, so a message
 * that quotes the app's argv can never break a log pipeline's parser.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

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
			(void)snprintf(esc, sizeof(esc), "\\%c", c);
		else if (c == '\n')
			(void)snprintf(esc, sizeof(esc), "\\n");
		else
			(void)snprintf(esc, sizeof(esc), "\\u%04x", c);
		lb_str(b, esc);
		run = s + 1;
	}
	lb_put(b, run, (size_t)(s - run));
}

static void
lb_time(struct lbuf *b, uint64_t ns)
{
	time_t secs = (time_t)(ns / 1000000000ULL);
	char tbuf[80];
	struct tm tm;

	if (gmtime_r(&secs, &tm) == NULL)
		memset(&tm, 0, sizeof(tm));
	(void)snprintf(tbuf, sizeof(tbuf), "%04d-%02d-%02dT%02d:%02d:%02d.%03uZ",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec, (unsigned)(ns / 1000000ULL % 1000));
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
			(void)snprintf(num, sizeof(num), "%lld", f->i);
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
