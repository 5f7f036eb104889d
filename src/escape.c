/* SPDX-License-Identifier: MIT */
/*
 * escape.c - escape_bytes(): what "tend status" prints of an answer. Pure.
 */
#include "escape.h"

size_t
escape_bytes(char *dst, size_t n, const char *src, size_t len)
{
	size_t o = 0, i, w;
	unsigned char c;

	for (i = 0; i < len; i++) {
		c = (unsigned char)src[i];
		w = c == '\\' ? 2 : c < 0x20 || c >= 0x7f ? 4 : 1;
		if (o + w >= n)
			break;
		if (w > 1)
			dst[o++] = '\\';
		if (w == 4) {
			dst[o++] = 'x';
			/* The literal, one copy with log_format.c's. */
			dst[o++] = "0123456789abcdef"[c >> 4];
			c = (unsigned char)"0123456789abcdef"[c & 15];
		}
		dst[o++] = (char)c;
	}
	if (n > 0)
		dst[o] = '\0';
	return o;
}
