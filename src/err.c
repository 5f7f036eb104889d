/* SPDX-License-Identifier: MIT */
/*
 * err.c - fill a struct tend_err. Pure: vsnprintf only.
 */
#include <errno.h>

#include "err.h"
#include "fmt.h"

int
err_set(struct tend_err *err, const char *fmt, ...)
{
	va_list ap;
	char *p;

	if (err) {
		va_start(ap, fmt);
		(void)fmt_vformat(err->msg, sizeof(err->msg), fmt, ap);
		va_end(ap);
		/*
		 * Messages quote bad values, which come from outside: keep
		 * the promise of one printable line whatever they hold.
		 */
		for (p = err->msg; *p != '\0'; p++)
			if ((unsigned char)*p < 0x20 || *p == 0x7f)
				*p = '?';
	}
	return -EINVAL;
}
