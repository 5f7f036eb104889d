/* SPDX-License-Identifier: MIT */
/*
 * fuzz_escape.c - libFuzzer target for escape_bytes(), which turns the
 * answer of whatever holds the status socket into what "tend status"
 * prints.
 *
 * The first byte picks the output size; the rest is the answer. The output
 * must be NUL-terminated within the size, printable ASCII only, and decode
 * back (\\ and \xHH) to a prefix of the answer that stops only where the
 * next escape would not fit.
 */
#include <string.h>

#include "escape.h"
#include "fuzz.h"

static int
hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char out[4 * 256 + 1];
	size_t n, len, i, o = 0, k = 0;
	const char *in;

	if (size == 0)
		return 0;
	n = (size_t)data[0] * 4 + 1;	/* up to sizeof(out) */
	in = (const char *)data + 1;
	len = size - 1;
	memset(out, 'Z', sizeof(out));
	o = escape_bytes(out, n, in, len);
	CHECK(o < n && out[o] == '\0' && strlen(out) == o);
	for (i = 0; i < o; k++) {
		CHECK(k < len);
		if (out[i] != '\\') {
			CHECK(out[i] >= 0x20 && out[i] < 0x7f && out[i] == in[k]);
			i++;
		} else if (out[i + 1] == '\\') {
			CHECK(in[k] == '\\');
			i += 2;
		} else {
			CHECK(out[i + 1] == 'x' && hexval(out[i + 2]) >= 0 && hexval(out[i + 3]) >= 0);
			CHECK((unsigned char)in[k] == hexval(out[i + 2]) * 16 + hexval(out[i + 3]));
			CHECK((unsigned char)in[k] < 0x20 || (unsigned char)in[k] >= 0x7f);
			i += 4;
		}
	}
	/* Stopped early only where the next byte's form would not fit. */
	if (k < len) {
		unsigned char c = (unsigned char)in[k];
		size_t w = c == '\\' ? 2 : c < 0x20 || c >= 0x7f ? 4 : 1;

		CHECK(o + w >= n);
	}
	return 0;
}
