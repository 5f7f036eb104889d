/* SPDX-License-Identifier: MIT */
/*
 * hpack.c - HPACK header block decoding for the gRPC probe.
 *
 * The Huffman code of RFC 7541 Appendix B is canonical (codes of one
 * length are consecutive, in symbol order), so it is kept as the number
 * of codes of each length and the symbols in code order: 287 bytes, and a
 * decoder that walks one bit at a time. Header blocks of a health reply
 * are a few dozen bytes, so speed does not matter here; size does.
 */
#include <string.h>

#include "hpack.h"

/* Codes per length 1..30 (index 0 unused). */
static const uint8_t hpack_huff_count[31] = {
	0, 0, 0, 0, 0, 10, 26, 32, 6, 0, 5, 3, 2, 6, 2, 3, 0, 0, 0, 3, 8,
	13, 26, 29, 12, 4, 15, 19, 29, 0, 4
};

/* Symbols in code order; the 257th, EOS, is implied after the last. */
static const uint8_t hpack_huff_sym[256] = {
	48, 49, 50, 97, 99, 101, 105, 111, 115, 116, 32, 37, 45, 46, 47, 51,
	52, 53, 54, 55, 56, 57, 61, 65, 95, 98, 100, 102, 103, 104, 108, 109,
	110, 112, 114, 117, 58, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76,
	77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 89, 106, 107, 113, 118,
	119, 120, 121, 122, 38, 42, 44, 59, 88, 90, 33, 34, 40, 41, 63, 39,
	43, 124, 35, 62, 0, 36, 64, 91, 93, 126, 94, 125, 60, 96, 123, 92,
	195, 208, 128, 130, 131, 162, 184, 194, 224, 226, 153, 161, 167, 172,
	176, 177, 179, 209, 216, 217, 227, 229, 230, 129, 132, 133, 134, 136,
	146, 154, 156, 160, 163, 164, 169, 170, 173, 178, 181, 185, 186, 187,
	189, 190, 196, 198, 228, 232, 233, 1, 135, 137, 138, 139, 140, 141,
	143, 147, 149, 150, 151, 152, 155, 157, 158, 165, 166, 168, 174, 175,
	180, 182, 183, 188, 191, 197, 231, 239, 9, 142, 144, 145, 148, 159,
	171, 206, 215, 225, 236, 237, 199, 207, 234, 235, 192, 193, 200, 201,
	202, 205, 210, 213, 218, 219, 238, 240, 242, 243, 255, 203, 204, 211,
	212, 214, 221, 222, 223, 241, 244, 245, 246, 247, 248, 250, 251, 252,
	253, 254, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15, 16, 17, 18, 19, 20,
	21, 23, 24, 25, 26, 27, 28, 29, 30, 31, 127, 220, 249, 10, 13, 22
};

/*
 * RFC 7541 Appendix A, 61 entries. Each is a byte 1 + K, where K is how
 * many leading bytes its name shares with the previous name, then the
 * rest of the name and the value, each NUL-terminated (614 bytes where
 * the plain table takes 806).
 */
static const char hpack_static[] =
	"\001:authority\000\000\002method\000GET\000\010\000POST\000"
	"\002path\000/\000\006\000/index.html\000\002scheme\000http\000"
	"\010\000https\000\003tatus\000200\000\010\000204\000\010\000206\000"
	"\010\000304\000\010\000400\000\010\000404\000\010\000500\000"
	"\001accept-charset\000\000\010encoding\000gzip, deflate\000"
	"\010language\000\000\010ranges\000\000\007\000\000"
	"\005ss-control-allow-origin\000\000\002ge\000\000\002llow\000\000"
	"\002uthorization\000\000\001cache-control\000\000"
	"\002ontent-disposition\000\000\011encoding\000\000\011language\000\000"
	"\012ength\000\000\012ocation\000\000\011range\000\000\011type\000\000"
	"\003okie\000\000\001date\000\000\001etag\000\000\002xpect\000\000"
	"\004ires\000\000\001from\000\000\001host\000\000\001if-match\000\000"
	"\005odified-since\000\000\004none-match\000\000\004range\000\000"
	"\004unmodified-since\000\000\001last-modified\000\000\002ink\000\000"
	"\002ocation\000\000\001max-forwards\000\000"
	"\001proxy-authenticate\000\000\013orization\000\000\001range\000\000"
	"\002eferer\000\000\004resh\000\000\003try-after\000\000"
	"\001server\000\000\003t-cookie\000\000"
	"\002trict-transport-security\000\000\001transfer-encoding\000\000"
	"\001user-agent\000\000\001vary\000\000\002ia\000\000"
	"\001www-authenticate\000\000";

#define HPACK_STATIC_COUNT	61
#define HPACK_ENTRY_HDR		8	/* four u16 lengths */
#define HPACK_INT_MAX		(1u << 24)

long
hpack_huffman_decode(const uint8_t *src, size_t n, char *dst, size_t cap)
{
	size_t		out = 0, i;
	unsigned	code = 0, first = 0, index = 0, len = 0, ones = 1;
	int		b;

	for (i = 0; i < n; i++) {
		for (b = 7; b >= 0; b--) {
			unsigned bit = (src[i] >> b) & 1u;

			code |= bit;
			ones &= bit;
			len++;
			if (code - first < hpack_huff_count[len]) {
				index += code - first;
				if (index >= 256)
					return -1;	/* EOS */
				if (out < cap)
					dst[out] = (char)hpack_huff_sym[index];
				out++;
				code = first = index = len = 0;
				ones = 1;
				continue;
			}
			if (len == 30)
				return -1;	/* cannot happen: code is complete */
			index += hpack_huff_count[len];
			first = (first + hpack_huff_count[len]) << 1;
			code <<= 1;
		}
	}
	/* Padding: at most 7 bits, all ones (a prefix of EOS). */
	if (len > 7 || !ones)
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
	if (v < max) {
		*ret = v;
		return 0;
	}
	do {
		if (*p >= end || shift > 21)
			return -1;
		v += (uint32_t)(**p & 0x7f) << shift;
		shift += 7;
	} while (*(*p)++ & 0x80);
	if (v > HPACK_INT_MAX)
		return -1;
	*ret = v;
	return 0;
}

/* A string literal into dst (HPACK_STR_MAX); *real gets its length. */
static int
hpack_str(const uint8_t **p, const uint8_t *end, char *dst, uint32_t *real)
{
	bool		huff;
	uint32_t	len;
	long		r;

	if (*p >= end)
		return -1;
	huff = (**p & 0x80) != 0;
	if (hpack_int(p, end, 7, &len) != 0 || len > (size_t)(end - *p))
		return -1;
	if (huff) {
		if ((r = hpack_huffman_decode(*p, len, dst, HPACK_STR_MAX)) < 0)
			return -1;
		*real = (uint32_t)r;
	} else {
		memcpy(dst, *p, len < HPACK_STR_MAX ? len : HPACK_STR_MAX);
		*real = len;
	}
	*p += len;
	return 0;
}

static uint16_t
hpack_get16(const uint8_t *p)
{
	uint16_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static size_t
hpack_kept(uint32_t real)
{
	return real < HPACK_STR_MAX ? real : HPACK_STR_MAX;
}

/* Drop the oldest entries until the table's size is at most limit. */
static void
hpack_evict(struct hpack_dec *d, uint32_t limit)
{
	while (d->size > limit && d->count > 0) {
		uint32_t off = 0, i;

		for (i = 0; i + 1 < d->count; i++)
			off += HPACK_ENTRY_HDR + hpack_get16(d->tab + off + 4) +
			    hpack_get16(d->tab + off + 6);
		d->size -= 32u + hpack_get16(d->tab + off) +
		    hpack_get16(d->tab + off + 2);
		d->used = off;
		d->count--;
	}
}

/* Add name/value (in d->name, d->value) with their real lengths. */
static void
hpack_insert(struct hpack_dec *d, uint32_t nreal, uint32_t vreal)
{
	uint32_t	esize = 32u + nreal + vreal;
	uint16_t	l[4];
	size_t		nk = hpack_kept(nreal), vk = hpack_kept(vreal);
	size_t		need = HPACK_ENTRY_HDR + nk + vk;

	if (esize > d->cap) {
		hpack_evict(d, 0);
		return;
	}
	hpack_evict(d, d->cap - esize);
	/* need <= esize and used <= size, so this always fits. */
	memmove(d->tab + need, d->tab, d->used);
	l[0] = (uint16_t)nreal;
	l[1] = (uint16_t)vreal;
	l[2] = (uint16_t)nk;
	l[3] = (uint16_t)vk;
	memcpy(d->tab, l, sizeof(l));
	memcpy(d->tab + HPACK_ENTRY_HDR, d->name, nk);
	memcpy(d->tab + HPACK_ENTRY_HDR + nk, d->value, vk);
	d->used += (uint32_t)need;
	d->size += esize;
	d->count++;
}

/*
 * Copy entry idx (1-based, static then dynamic) into d->name and, if
 * want_value, d->value, setting the real lengths. Returns -1 if idx is
 * not in either table.
 */
static int
hpack_lookup(struct hpack_dec *d, uint32_t idx, bool want_value,
    uint32_t *nreal, uint32_t *vreal)
{
	const uint8_t	*e;
	const char	*s = hpack_static;
	uint32_t	 i, off = 0;

	if (idx == 0)
		return -1;
	if (idx <= HPACK_STATIC_COUNT) {
		for (i = 1;; i++) {
			size_t k = (size_t)(unsigned char)*s++ - 1;
			size_t len = strlen(s);

			memcpy(d->name + k, s, len);
			*nreal = (uint32_t)(k + len);
			s += len + 1;
			if (i == idx)
				break;
			s += strlen(s) + 1;
		}
		if (want_value) {
			*vreal = (uint32_t)strlen(s);
			memcpy(d->value, s, *vreal);
		}
		return 0;
	}
	idx -= HPACK_STATIC_COUNT;
	if (idx > d->count)
		return -1;
	for (i = 1; i < idx; i++)
		off += HPACK_ENTRY_HDR + hpack_get16(d->tab + off + 4) +
		    hpack_get16(d->tab + off + 6);
	e = d->tab + off;
	*nreal = hpack_get16(e);
	memcpy(d->name, e + HPACK_ENTRY_HDR, hpack_get16(e + 4));
	if (want_value) {
		*vreal = hpack_get16(e + 2);
		memcpy(d->value, e + HPACK_ENTRY_HDR + hpack_get16(e + 4),
		    hpack_get16(e + 6));
	}
	return 0;
}

void
hpack_init(struct hpack_dec *d)
{
	memset(d, 0, sizeof(*d));
	d->cap = HPACK_TABLE_MAX;
}

/* One field representation at *p; -1 malformed, 1 size update, 0 field. */
static int
hpack_field(struct hpack_dec *d, const uint8_t **p, const uint8_t *end,
    uint32_t *nreal, uint32_t *vreal)
{
	uint8_t		c = **p;
	uint32_t	idx;
	bool		index;

	if (c & 0x80)
		return hpack_int(p, end, 7, &idx) != 0 ||
		    hpack_lookup(d, idx, true, nreal, vreal) != 0 ? -1 : 0;
	if ((c & 0xe0) == 0x20) {
		if (hpack_int(p, end, 5, &idx) != 0 || idx > HPACK_TABLE_MAX)
			return -1;
		d->cap = idx;
		hpack_evict(d, idx);
		return 1;
	}
	index = (c & 0xc0) == 0x40;
	if (hpack_int(p, end, index ? 6 : 4, &idx) != 0)
		return -1;
	if (idx != 0 ? hpack_lookup(d, idx, false, nreal, vreal) != 0 :
	    hpack_str(p, end, d->name, nreal) != 0)
		return -1;
	if (hpack_str(p, end, d->value, vreal) != 0)
		return -1;
	if (index)
		hpack_insert(d, *nreal, *vreal);
	return 0;
}

int
hpack_decode(struct hpack_dec *d, const uint8_t *p, size_t n, hpack_cb cb,
    void *arg)
{
	const uint8_t		*end = p + n;
	struct hpack_field	 f;
	bool			 fields = false;
	uint32_t		 nreal = 0, vreal = 0;
	int			 r;

	while (p < end) {
		if ((r = hpack_field(d, &p, end, &nreal, &vreal)) < 0)
			return -1;
		if (r == 1) {
			/* Size updates only open a block (RFC 7541 4.2). */
			if (fields)
				return -1;
			continue;
		}
		fields = true;
		f.name = d->name;
		f.value = d->value;
		f.nlen = hpack_kept(nreal);
		f.vlen = hpack_kept(vreal);
		f.truncated = nreal > HPACK_STR_MAX || vreal > HPACK_STR_MAX;
		if (cb != NULL && (r = cb(arg, &f)) != 0)
			return r;
	}
	return 0;
}
