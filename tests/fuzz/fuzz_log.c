/* SPDX-License-Identifier: MIT */
/*
 * fuzz_log.c - libFuzzer target for tend's log line formatter (log_format).
 *
 * The input sets the level, the clock and up to four fields; the rest is
 * split at NUL bytes into the message and the fields' keys and string
 * values, so any bytes at all reach every string. Whatever they are:
 *
 *   - a JSON line is at most LOG_LINE_MAX bytes, ends in "}\n" and holds
 *     no other newline, and is exactly one valid JSON object in valid
 *     UTF-8 (checked by jsoncheck.h, written apart from the formatter);
 *   - its "msg", decoded, is a prefix of the message when the message is
 *     valid UTF-8, and all of it when it is short enough not to be cut;
 *   - a text line is at most LOG_LINE_MAX bytes, starts "tend: ", ends in
 *     its only newline, and is valid UTF-8 with no control character (C0,
 *     DEL or C1) a terminal could act on.
 */
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "jsoncheck.h"
#include "log.h"

#define NFIELDS	4

static void
check_text(const char *line, size_t n)
{
	const unsigned char *u = (const unsigned char *)line;
	size_t i;

	CHECK(n >= 7 && n <= LOG_LINE_MAX);
	CHECK(memcmp(line, "tend: ", 6) == 0 && line[n - 1] == '\n');
	CHECK(jc_utf8_valid(line, n));
	for (i = 0; i + 1 < n; i++) {
		CHECK(u[i] >= 0x20 && u[i] != 0x7f);
		CHECK(!(u[i] == 0xc2 && u[i + 1] >= 0x80 && u[i + 1] < 0xa0));
	}
}

static void
check_json(const char *line, size_t n, const char *msg, int nfields)
{
	static char got[2 * LOG_LINE_MAX];
	size_t mlen = strlen(msg);

	CHECK(n >= 2 && n <= LOG_LINE_MAX);
	CHECK(line[n - 2] == '}' && line[n - 1] == '\n');
	CHECK(memchr(line, '\n', n - 1) == NULL);
	CHECK(jc_json_object(line, n - 1, got, sizeof(got)));
	if (!jc_utf8_valid(msg, mlen))
		return;
	CHECK(strlen(got) <= mlen && memcmp(got, msg, strlen(got)) == 0);
	/* Six bytes at most per input byte (\u00XX); half the line with fields. */
	if (mlen * 6 < (nfields ? LOG_LINE_MAX / 2 : LOG_LINE_MAX - 100))
		CHECK(strcmp(got, msg) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char buf[8192], line[LOG_LINE_MAX];
	struct log_field f[NFIELDS + 1];
	const char *strs[1 + 2 * NFIELDS];
	uint64_t ns = 0;
	unsigned ctl;
	size_t i, n, k;
	int nf;

	if (size < 9 || size - 9 >= sizeof(buf))
		return 0;
	ctl = data[0];
	for (i = 1; i < 9; i++)
		ns = ns << 8 | data[i];
	/* Past year 9999 the date is not RFC 3339; tend's clock never is. */
	ns %= 253402300800ULL * 1000000000ULL;
	memcpy(buf, data + 9, size - 9);
	buf[size - 9] = '\0';
	/* NUL-separated strings; missing ones are empty. */
	for (i = 0, k = 0; i < 1 + 2 * NFIELDS; i++) {
		strs[i] = buf + k;
		n = strlen(buf + k);
		k += n < size - 9 - k ? n + 1 : n;
	}
	nf = (int)(ctl >> 2 & 7) % (NFIELDS + 1);
	for (i = 0; i < (size_t)nf; i++) {
		f[i].key = strs[1 + 2 * i];
		if (ctl & (0x20u << (i % 3))) {
			f[i].type = LF_INT;
			f[i].i = (long long)(ns ^ (uint64_t)strlen(strs[2 + 2 * i]) << 40);
			f[i].s = NULL;
		} else {
			f[i].type = LF_STR;
			f[i].s = strs[2 + 2 * i];
		}
	}
	f[nf].type = LF_END;
	f[nf].key = NULL;
	n = log_format(line, LOG_FORMAT_JSON, (enum log_level)(ctl & 3), ns,
	    nf ? f : NULL, strs[0]);
	check_json(line, n, strs[0], nf);
	n = log_format(line, LOG_FORMAT_TEXT, (enum log_level)(ctl & 3), ns,
	    nf ? f : NULL, strs[0]);
	check_text(line, n);
	return 0;
}
