/* SPDX-License-Identifier: MIT */
/*
 * hpack.c - HPACK header block decoding for the gRPC probe.
 *
 * The Huffman code of RFC 7541 Appendix B is canonical (codes of one
 * length are consecutive, in symbol order), so it is kept as the number
 * of codes of each length and the symbols in code order, and decoded one
 * bit at a time. The first 96 symbols in code order (the shortest codes,
 * 5 to 19 bits) are NUL and all of printable ASCII; only those are kept,
 * the other 160 (controls, DEL and bytes >= 0x80) decode to '?', and EOS
 * is an error. Header
 * blocks of a health reply are a few dozen bytes, so speed does not
 * matter here; size does.
 */
#include <string.h>

#include "hpack.h"

/* Codes per length 1..30 (index 0 unused). */
static const uint8_t hpack_huff_count[31] = {
	0, 0, 0, 0, 0, 10, 26, 32, 6, 0, 5, 3, 2, 6, 2, 3, 0, 0, 0, 3, 8,
	13, 26, 29, 12, 4, 15, 19, 29, 0, 4
};

/* The first HPACK_HUFF_KEPT symbols in code order. */
#define HPACK_HUFF_KEPT	96
static const char hpack_huff_sym[HPACK_HUFF_KEPT] =
	"012aceiost %-./3456789=A_bdfghlmnpru:BCDEFGHIJKLMNOPQRSTUVWYjkqvwxyz"
	"&*,;XZ!\"()?'+|#>\0$@[]~^}<`{\\";

#define HPACK_STATIC_COUNT	61
#define HPACK_INT_MAX		(1u << 24)

long
hpack_huffman_decode(const uint8_t *src, size_t n, char *dst, size_t cap)
{
	size_t		out = 0, i;
	unsigned	code = 0, first = 0, index = 0, len = 0;
	int		b;

	for (i = 0; i < n; i++) {
		for (b = 7; b >= 0; b--) {
			unsigned bit = (src[i] >> b) & 1u;

			code |= bit;
			len++;
			if (code - first < hpack_huff_count[len]) {
				index += code - first;
				if (index >= 256)
					return -1;	/* EOS */
				if (out < cap)
					dst[out] = (char)(index <
					    HPACK_HUFF_KEPT ?
					    hpack_huff_sym[index] : '?');
				out++;
				code = first = index = len = 0;
				continue;
			}
			if (len == 30)
				return -1;	/* cannot happen: code is complete */
			index += hpack_huff_count[len];
			first = (first + hpack_huff_count[len]) << 1;
			code <<= 1;
		}
	}
	/*
	 * Padding: at most 7 bits, all ones (a prefix of EOS); code holds
	 * them shifted left once.
	 */
	if (len > 7 || code + 2 != 2u << len)
		return -1;
	return (long)out;
}

/* An integer with an N-bit prefix; the first byte is at *p. */
static int
hpack_int(const uint8_t **p, const uint8_t *end, unsigned bits,
    uint32_t *ret)
{
	uint32_t	max = (1u << bits) - 1, v, shift = 0;

	if (*p >= end)
		return -1;
	v = *(*p)++ & max;
	if (v == max)
		do {
			if (*p >= end || shift > 21)
				return -1;
			v += (uint32_t)(**p & 0x7f) << shift;
			shift += 7;
		} while (*(*p)++ & 0x80);
	*ret = v;
	return v > HPACK_INT_MAX ? -1 : 0;
}

/*
 * A string literal into dst (HPACK_STR_MAX); *kept gets the length kept,
 * and *truncated is set if it was longer.
 */
static int
hpack_str(const uint8_t **p, const uint8_t *end, char *dst, size_t *kept,
    bool *truncated)
{
	bool		huff;
	uint32_t	len;
	long		r;

	if (*p >= end)
		return -1;
	huff = (**p & 0x80) != 0;
	if (hpack_int(p, end, 7, &len) != 0 || len > (size_t)(end - *p))
		return -1;
	r = len;
	if (huff)
		r = hpack_huffman_decode(*p, len, dst, HPACK_STR_MAX);
	else
		memcpy(dst, *p, len < HPACK_STR_MAX ? len : HPACK_STR_MAX);
	*kept = r < HPACK_STR_MAX ? (size_t)r : HPACK_STR_MAX;
	*truncated |= r > HPACK_STR_MAX;
	*p += len;
	return r < 0 ? -1 : 0;
}

/*
 * Static entry idx (1-61) into d->name and, if want_value, d->value: only
 * ":status" (8-14, with its values) and "content-type" (31) have a name
 * here, the rest are empty. Returns -1 for an index that is not static.
 */
static int
hpack_static(struct hpack_dec *d, uint32_t idx, bool want_value,
    size_t *nlen, size_t *vlen)
{
	*nlen = *vlen = 0;
	if (idx - 8 < 7) {
		memcpy(d->name, ":status", 7);
		*nlen = 7;
		if (want_value) {
			memcpy(d->value, &"200204206304400404500"[(size_t)3 * (idx - 8)],
			    3);
			*vlen = 3;
		}
	} else if (idx == 31) {
		memcpy(d->name, "content-type", 12);
		*nlen = 12;
	}
	return idx - 1 < HPACK_STATIC_COUNT ? 0 : -1;
}

/*
 * One field representation at *p; -1 malformed, 1 size update, 0 field.
 * Its kind is told by the prefix length of its index: 7 indexed, 5 a
 * size update, 6 a literal with incremental indexing (into a table of
 * size 0), 4 a literal without indexing or never indexed.
 */
static int
hpack_field(struct hpack_dec *d, const uint8_t **p, const uint8_t *end,
    struct hpack_field *f)
{
	uint8_t		c = **p;
	/*
	 * By the top four bits: 1xxx 7, 01xx 6, 001x 5, 000x 4; 2 bits
	 * (prefix length - 4) each in one word.
	 */
	unsigned	bits = 4 + ((0xffffaa50u >> (c >> 4) * 2) & 3);
	uint32_t	idx;

	if (hpack_int(p, end, bits, &idx) != 0)
		return -1;
	if (bits == 5)		/* size update: 0 is all we allow */
		return idx != 0 ? -1 : 1;
	/* An indexed field's index is never 0 (hpack_static refuses it). */
	f->truncated = false;
	if ((idx != 0 || bits == 7 ? hpack_static(d, idx, bits == 7, &f->nlen,
	    &f->vlen) : hpack_str(p, end, d->name, &f->nlen,
	    &f->truncated)) != 0)
		return -1;
	return bits == 7 ? 0 : hpack_str(p, end, d->value, &f->vlen,
	    &f->truncated);
}

int
hpack_decode(struct hpack_dec *d, const uint8_t *p, size_t n, hpack_cb cb,
    void *arg)
{
	const uint8_t		*end = p + n;
	struct hpack_field	 f;
	bool			 fields = false;
	int			 r;

	f.name = d->name;
	f.value = d->value;
	while (p < end) {
		if ((r = hpack_field(d, &p, end, &f)) < 0)
			return -1;
		if (r == 1) {
			/* Size updates only open a block (RFC 7541 4.2). */
			if (fields)
				return -1;
			continue;
		}
		fields = true;
		if (cb != NULL && (r = cb(arg, &f)) != 0)
			return r;
	}
	return 0;
}
