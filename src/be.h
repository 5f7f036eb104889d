/* SPDX-License-Identifier: MIT */
/*
 * be.h - big-endian fields of wire messages (DNS, HTTP/2), read with one
 * load and, on a little-endian machine, a byte swap: inlined, smaller than
 * a call or a load per byte. Pure.
 */
#ifndef TEND_BE_H
#define TEND_BE_H

#include <stdint.h>
#include <string.h>

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define BE_SWAP16(v)	__builtin_bswap16(v)
#define BE_SWAP32(v)	__builtin_bswap32(v)
#else
#define BE_SWAP16(v)	(v)
#define BE_SWAP32(v)	(v)
#endif

static inline __attribute__((always_inline)) uint16_t
be16(const uint8_t *p)
{
	uint16_t v;

	memcpy(&v, p, sizeof(v));
	return BE_SWAP16(v);
}

static inline __attribute__((always_inline)) uint32_t
be32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return BE_SWAP32(v);
}

#endif
