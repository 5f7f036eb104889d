/* SPDX-License-Identifier: MIT */
/*
 * err.c - fill a struct tend_err. Pure: vsnprintf only.
 */
#include <errno.h>
#include <stdio.h>

#include "err.h"

int
err_set(struct tend_err *err, const char *fmt, ...)
{
	va_list ap;

	if (err) {
		va_start(ap, fmt);
		(void)vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
		va_end(ap);
	}
	return -EINVAL;
}
