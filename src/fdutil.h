/* SPDX-License-Identifier: MIT */
/*
 * fdutil.h - close the file descriptors tend inherited but does not use.
 */
#ifndef TEND_FDUTIL_H
#define TEND_FDUTIL_H

#include <stddef.h>

/*
 * Close every fd above 2 except the n in keep, so tend pins no pipe,
 * socket or mount it was handed by accident. Uses close_range(2), with a
 * /proc/self/fd walk where the kernel lacks it. Never fails.
 */
void	fd_close_stray(const int *keep, size_t n);

#endif
