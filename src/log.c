/* SPDX-License-Identifier: MIT */
/*
 * log.c - the I/O half of log.h: threshold, clock, one write(2) per line.
 */
#include <errno.h>
#include <stdarg.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "fmt.h"
#include "log.h"
#include "sysabi.h"

/* The log target is the one global state tend keeps (see design.md). */
static int log_threshold = LOG_WARN;
static enum log_format log_fmt = LOG_FORMAT_TEXT;

void
log_setup(int verbosity, enum log_format fmt)
{
	log_threshold = verbosity;
	log_fmt = fmt;
}

int
log_enabled(enum log_level lvl)
{
	return (int)lvl <= log_threshold;
}

int
log_write_all(int fd, const char *buf, size_t len)
{
	ssize_t n;

	while (len > 0) {
		/* No EINTR: tend installs no signal handler anywhere. */
		n = write(fd, buf, len);
		if (n <= 0)
			return n < 0 ? -errno : -EIO;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

static void
log_vemit(enum log_level lvl, const struct log_field *fields,
    const char *fmt, va_list ap)
{
	char msg[LOG_LINE_MAX], line[LOG_LINE_MAX];
	struct timespec ts = { 0, 0 };
	int saved = errno;
	size_t len;

	if (!log_enabled(lvl))
		return;
	(void)fmt_vformat(msg, sizeof(msg), fmt, ap);
	if (log_fmt == LOG_FORMAT_JSON)
		(void)sysabi_clock_gettime(CLOCK_REALTIME, &ts);
	len = log_format(line, log_fmt, lvl,
	    (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec,
	    fields, msg);
	/* EPIPE/EBADF on stderr are not worth dying or retrying for. */
	(void)log_write_all(STDERR_FILENO, line, len);
	errno = saved;
}

void
log_emit(enum log_level lvl, const struct log_field *fields,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_vemit(lvl, fields, fmt, ap);
	va_end(ap);
}

void
log_msg(const char *lvl_fmt, ...)
{
	va_list ap;

	va_start(ap, lvl_fmt);
	log_vemit((enum log_level)(lvl_fmt[0] - '0'), NULL, lvl_fmt + 1, ap);
	va_end(ap);
}
