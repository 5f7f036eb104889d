/* SPDX-License-Identifier: MIT */
/*
 * err.h - the one-line error message that pure parsers hand back.
 *
 * Pure modules never log and never exit: they return 0 or a negative
 * errno-style code and, where a person must be told what was wrong, fill a
 * caller-owned struct tend_err with one line (no "tend: " prefix, no
 * trailing newline). main.c decides what to do with it.
 */
#ifndef TEND_ERR_H
#define TEND_ERR_H

#include <stdarg.h>

struct tend_err {
	char msg[256];
};

/*
 * Format msg into err (truncating), replacing control bytes with '?' so a
 * quoted value cannot break the line; always returns -EINVAL for tail calls.
 */
int	err_set(struct tend_err *err, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

#endif
