/* SPDX-License-Identifier: MIT */
/*
 * fuzz_hpack.c - libFuzzer target for the HPACK decoder.
 *
 * The input is cut into up to four header blocks at 0xff 0xfe markers and
 * decoded in order on one decoder, as on a connection. Every field handed
 * out must be within its bounds. The whole input is also Huffman-decoded
 * into a small buffer.
 */
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "hpack.h"

static struct hpack_dec	dec;

static int
field_cb(void *arg, const struct hpack_field *f)
{
	(void)arg;
	CHECK(f->nlen <= HPACK_STR_MAX && f->vlen <= HPACK_STR_MAX);
	CHECK(f->name == dec.name && f->value == dec.value);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t	*p = data, *end = data + size, *m;
	char		 out[16];
	long		 r;
	int		 blocks = 0;

	while (blocks++ < 4) {
		m = p;
		while (m + 1 < end && !(m[0] == 0xff && m[1] == 0xfe))
			m++;
		if (m + 1 >= end)
			m = end;
		if (hpack_decode(&dec, p, (size_t)(m - p), field_cb, NULL) < 0)
			break;
		if (m == end)
			break;
		p = m + 2;
	}
	r = hpack_huffman_decode(data, size, out, sizeof(out));
	CHECK(r >= -1 && r <= (long)(size * 8 / 5));
	return 0;
}
