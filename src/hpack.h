/* SPDX-License-Identifier: MIT */
/*
 * hpack.h - the HPACK (RFC 7541) decoder a gRPC health probe needs.
 *
 * Everything a real server may use is understood: the static table, the
 * dynamic table with size updates (up to the 4096 bytes HTTP/2 allows by
 * default, since the probe never advertises another size), Huffman-coded
 * strings, and literals with, without and never indexing. Headers are
 * handed to a callback one at a time.
 *
 * Fixed memory: strings longer than HPACK_STR_MAX are kept truncated, both
 * in what the callback sees (truncated is set) and in the dynamic table,
 * whose size accounting still uses the real lengths. A probe only looks at
 * short headers (:status, content-type, grpc-status, grpc-message), so
 * nothing it needs is lost. Pure: no allocation, no system calls.
 */
#ifndef TEND_HPACK_H
#define TEND_HPACK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HPACK_TABLE_MAX	4096	/* SETTINGS_HEADER_TABLE_SIZE, default */
#define HPACK_STR_MAX	256	/* bytes kept of one name or value */

struct hpack_field {
	const char	*name, *value;	/* not NUL-terminated */
	size_t		 nlen, vlen;	/* kept bytes, <= HPACK_STR_MAX */
	bool		 truncated;	/* name or value was longer */
};

/* Return 0 to go on, anything else to stop decoding with that value. */
typedef int	(*hpack_cb)(void *arg, const struct hpack_field *f);

struct hpack_dec {
	uint32_t	cap;		/* size limit now in force */
	uint32_t	size;		/* RFC 7541 size of the entries */
	uint32_t	used;		/* bytes of tab[] in use */
	uint32_t	count;		/* entries */
	char		name[HPACK_STR_MAX], value[HPACK_STR_MAX];
	/* Entries newest first: 4 u16 lengths (real name, real value,
	 * kept name, kept value), then the kept bytes. Charged 32 bytes
	 * apiece but using at most 8 + kept, the table always fits. */
	uint8_t		tab[HPACK_TABLE_MAX];
};

void	hpack_init(struct hpack_dec *d);

/*
 * Decode one complete header block of n bytes, calling cb for each field
 * in order. Returns 0, the callback's non-zero value, or -1 for a
 * malformed block (a COMPRESSION_ERROR: the connection is unusable).
 */
int	hpack_decode(struct hpack_dec *d, const uint8_t *p, size_t n,
	    hpack_cb cb, void *arg);

/*
 * Huffman-decode n bytes of src into dst (room for cap bytes). Returns
 * the decoded length, which may exceed cap (only cap bytes are written),
 * or -1 for bad padding or an EOS symbol.
 */
long	hpack_huffman_decode(const uint8_t *src, size_t n, char *dst,
	    size_t cap);

#endif
