/* SPDX-License-Identifier: MIT */
/*
 * dns.h - build A/AAAA queries and parse their answers, for a resolver
 * that never blocks (the poll loop owns the sockets and the clock).
 *
 * A query is one question, recursion desired, no EDNS: under 512 bytes,
 * so it goes over UDP as is, or over TCP behind the 2-byte length the
 * caller writes first. An answer is accepted only if it is a response to
 * that very query (id, name, type and class), so a stray or spoofed
 * datagram is told apart from a real failure. The addresses taken are
 * those of the asked type in the answer section, whatever name owns them,
 * as musl takes them: the server answers the question with the CNAME chain
 * from its name and the addresses at its end. The question is compared
 * with the query as sent, so its name, type and id need not be kept apart.
 *
 * Pure: no sockets, no clock, no allocation.
 */
#ifndef TEND_DNS_H
#define TEND_DNS_H

#include <stddef.h>
#include <stdint.h>

#include "be.h"
#include "resolvconf.h"

#define DNS_NAME_MAX	253	/* text, without the final dot */
#define DNS_QUERY_MAX	(12 + DNS_NAME_MAX + 2 + 4)
#define DNS_ADDR_MAX	8	/* addresses kept from the answers */

#define DNS_TYPE_A	1
#define DNS_TYPE_CNAME	5
#define DNS_TYPE_AAAA	28

enum dns_status {
	DNS_OK,		/* count addresses (0: the name has none of this type) */
	DNS_NXDOMAIN,	/* the name does not exist */
	DNS_FAIL,	/* SERVFAIL, REFUSED, ...: rcode says which */
	DNS_TRUNCATED,	/* TC: ask again over TCP */
	DNS_MISMATCH,	/* not the answer to this query: ignore it */
	DNS_BAD		/* our answer, but malformed */
};

/*
 * Write a query for name (dotted, an optional final dot ignored) of type
 * DNS_TYPE_A or DNS_TYPE_AAAA with the given id into buf of n bytes.
 * Returns its length, or 0 if the name is not a valid host name (empty
 * label, label over 63 bytes, over 253 bytes, a byte that is a space,
 * control or not ASCII) or buf is too small.
 */
size_t	dns_build_query(uint8_t *buf, size_t n, uint16_t id, const char *name,
	    int type);

/*
 * Judge msg (n bytes, without the TCP length) as the answer to the query
 * q of qlen bytes, as dns_build_query wrote it (qlen not 0). Returns an
 * enum dns_status; for DNS_OK, the addresses of the type asked are
 * appended to out[*count..DNS_ADDR_MAX) (family and the first 4 or 16
 * bytes of addr) and *count advanced; otherwise *count is left as it was
 * (a malformed answer may have written past it).
 */
int	dns_parse_answer(const uint8_t *msg, size_t n, const uint8_t *q,
	    size_t qlen, struct resolv_addr *out, int *count);

#endif
