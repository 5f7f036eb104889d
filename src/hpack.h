/* SPDX-License-Identifier: MIT */
/*
 * hpack.h - the HPACK (RFC 7541) decoder a gRPC health probe needs.
 *
 * The probe advertises SETTINGS_HEADER_TABLE_SIZE 0, so a server keeps no
 * dynamic table for it: size updates are read (and must be 0), literals
 * "with incremental indexing" add nothing, and an index past the static
 * table is a reference to an entry that cannot exist, hence malformed.
 * Of the static table only what a health reply is judged by is kept:
 * ":status" with its values (indices 8-14) and the name "content-type"
 * (31); every other static entry decodes to an empty name and value,
 * which no caller compares. Huffman-coded strings are decoded in full
 * length; the rare symbols (controls, DEL and bytes >= 0x80) come out as
 * '?'.
 *
 * Fixed memory: strings longer than HPACK_STR_MAX are kept truncated
 * (truncated is set). A probe only looks at short headers (:status,
 * content-type, grpc-status, grpc-message), so nothing it needs is lost.
 * Headers are handed to a callback one at a time. Pure: no allocation,
 * no system calls.
 */
#ifndef TEND_HPACK_H
#define TEND_HPACK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HPACK_STR_MAX	256	/* bytes kept of one name or value */

struct hpack_field {
	const char	*name, *value;	/* not NUL-terminated */
	size_t		 nlen, vlen;	/* kept bytes, <= HPACK_STR_MAX */
	bool		 truncated;	/* name or value was longer */
};

/* Return 0 to go on, anything else to stop decoding with that value. */
typedef int	(*hpack_cb)(void *arg, const struct hpack_field *f);

struct hpack_dec {
	char		name[HPACK_STR_MAX], value[HPACK_STR_MAX];
};

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
