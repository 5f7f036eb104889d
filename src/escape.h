/* SPDX-License-Identifier: MIT */
/*
 * escape.h - show bytes from outside on a terminal without obeying them.
 */
#ifndef TEND_ESCAPE_H
#define TEND_ESCAPE_H

#include <stddef.h>

/*
 * Copy src[0..len) to dst (NUL-terminated, at most n - 1 bytes, never
 * cutting an escape), writing control bytes, DEL and bytes >= 0x80 as
 * \xHH and the backslash as \\, so the output is printable ASCII that
 * says exactly which bytes came. Returns the length written. Pure.
 */
size_t	escape_bytes(char *dst, size_t n, const char *src, size_t len);

#endif
