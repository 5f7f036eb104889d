/* SPDX-License-Identifier: MIT */
/*
 * log.h - tend's own log lines on stderr, as text or JSON.
 *
 * Every line is formatted in full and written with a single write(2), so
 * tend's lines never interleave mid-line with the app's output. Formatting
 * is pure (log_format) so it can be tested; log_emit() adds the clock and
 * the write. Logging never fails loudly: a closed or broken stderr is
 * ignored, and errno is preserved across every call.
 */
#ifndef TEND_LOG_H
#define TEND_LOG_H

#include <stddef.h>
#include <stdint.h>

#include "config.h"

enum log_level {
	LOG_ERROR = 0,
	LOG_WARN = 1,
	LOG_INFO = 2,
	LOG_DEBUG = 3,
};

enum log_field_type {
	LF_END = 0,
	LF_INT,
	LF_STR,
};

/* One structured field; JSON mode prints them, text mode only the message. */
struct log_field {
	const char		*key;
	enum log_field_type	 type;
	long long		 i;
	const char		*s;
};

#define LOG_LINE_MAX	1024

/*
 * Format one line (with its trailing newline) into buf of LOG_LINE_MAX
 * bytes: "tend: msg" for text, or {"time":..,"level":..,"msg":..,fields}
 * for JSON, time being realtime ns since the epoch, written as RFC 3339 UTC
 * with milliseconds. JSON lines are valid JSON in valid UTF-8 (quotes,
 * backslashes and control characters escaped, invalid bytes as U+FFFD);
 * text lines show control and invalid bytes as \xHH. What does not fit is
 * cut cleanly: a cut string is closed, a field that does not fit left out,
 * and with fields the message takes at most half the line. Returns the
 * length, at most LOG_LINE_MAX.
 */
size_t	log_format(char *buf, enum log_format fmt, enum log_level lvl,
	    uint64_t realtime_ns, const struct log_field *fields,
	    const char *msg);

/*
 * Write all of buf to fd (stdout for --help, status lines), retrying
 * short writes (no EINTR: tend installs no signal handler). Returns 0 or
 * -errno.
 */
int	log_write_all(int fd, const char *buf, size_t len);

/* Set the threshold (0-3) and the format. */
void	log_setup(int verbosity, enum log_format fmt);

/* True when lines at lvl are printed. */
int	log_enabled(enum log_level lvl);

/* Log at lvl with fields (array ended by LF_END, or NULL). */
void	log_emit(enum log_level lvl, const struct log_field *fields,
	    const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/*
 * Log with no fields, the level being the format's first byte ('0' + lvl),
 * which is not printed: one argument fewer at each of the many call sites.
 * The format must be a string literal (the macros below glue the level
 * on); it is still checked as a printf format.
 */
void	log_msg(const char *lvl_fmt, ...) __attribute__((format(printf, 1, 2)));

#define log_error(...)	log_msg("0" __VA_ARGS__)
#define log_warn(...)	log_msg("1" __VA_ARGS__)
#define log_info(...)	log_msg("2" __VA_ARGS__)
#define log_debug(...)	log_msg("3" __VA_ARGS__)

#define LOGF_INT(k, v)	{ .key = (k), .type = LF_INT, .i = (long long)(v) }
#define LOGF_STR(k, v)	{ .key = (k), .type = LF_STR, .s = (v) }
#define LOGF_END	{ .key = NULL, .type = LF_END }

#endif
