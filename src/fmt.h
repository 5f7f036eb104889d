/* SPDX-License-Identifier: MIT */
/*
 * fmt.h - a small snprintf for tend's messages.
 *
 * libc's printf family drags floating point, wide characters and locale
 * support into a static binary: about 10 KB of the 48 KB budget. tend only
 * formats integers and strings, so it carries this instead. Pure.
 *
 * Supported: %d %i %u %x %X %s %c %%, %m (strerror(errno)), the flags '-' and '0', a width and a
 * precision given as digits or '*', and the length modifiers l, ll and z.
 * Anything else is copied through as it is.
 */
#ifndef TEND_FMT_H
#define TEND_FMT_H

#include <stdarg.h>
#include <stddef.h>

/*
 * Like vsnprintf: writes at most n bytes including the NUL (buf may be
 * NULL when n is 0) and returns the length the whole output needs.
 */
int	fmt_vformat(char *buf, size_t n, const char *fmt, va_list ap);

int	fmt_format(char *buf, size_t n, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

#endif
