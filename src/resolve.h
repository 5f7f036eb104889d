/* SPDX-License-Identifier: MIT */
/*
 * resolve.h - turn a host name into addresses without ever blocking: the
 * system half of the resolver, driven by the same poll loop as the probe.
 *
 * /etc/hosts first (hosts_lookup); then each candidate name that search
 * and ndots give (resolv_candidate) is asked of the nameservers of
 * /etc/resolv.conf over UDP, A then AAAA, one query in flight. A try that
 * gets no answer within the resolv.conf timeout goes to the next
 * nameserver, for "attempts" rounds; each question starts at the server
 * that answered the last one. A truncated answer is asked again over TCP.
 * The ids are random (getrandom), and an answer is taken only
 * from the server asked and only if it answers that very query (dns.c).
 *
 * The files are read once per resolution; a file that cannot be read is
 * an empty one, as in glibc and musl.
 */
#ifndef TEND_RESOLVE_H
#define TEND_RESOLVE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/socket.h>

#include "dns.h"
#include "resolvconf.h"

#define RESOLVE_ADDR_MAX	DNS_ADDR_MAX
#define RESOLVE_BUF_MAX		2048	/* one answer, over TCP too */

enum resolve_state {
	RESOLVE_MORE,		/* poll resolve_fd() */
	RESOLVE_OK,		/* addr[0..naddr) */
	RESOLVE_NOHOST,		/* no such host */
	RESOLVE_TIMEOUT,	/* DNS timeout */
	RESOLVE_ERROR		/* why says what */
};

/* Small fields first: reached with short displacements, less code. */
struct resolve {
	enum resolve_state	state;
	int			naddr;
	const char		*why;		/* a static string */
	const char		*name;
	int			cand;		/* candidate index */
	int			type;		/* DNS_TYPE_A, DNS_TYPE_AAAA */
	bool			servfail;	/* a name got only failures */
	bool			tcp, sent;	/* sent: the query is out */
	int			ns;		/* the server asked */
	int			round;		/* tries failed for this question */
	int			fd;
	size_t			qlen;
	size_t			len;
	uint64_t		try_deadline;
	struct resolv_addr	addr[RESOLVE_ADDR_MAX];
	struct resolv_conf	rc;
	char			qname[RESOLV_NAME_MAX];
	uint8_t			q[DNS_QUERY_MAX + 2];
	uint8_t			buf[RESOLVE_BUF_MAX];
};

/*
 * Fill ss with family (AF_INET or AF_INET6), addr (4 or 16 bytes) and port;
 * returns its length.
 */
socklen_t resolve_sockaddr(struct sockaddr_storage *ss, int family,
	    const unsigned char *addr, uint16_t port);

/* Start resolving name at now; may finish at once (hosts, bad name). */
void	resolve_start(struct resolve *r, const char *name, uint64_t now);

/* The fd to poll and its events, or -1. */
int	resolve_fd(const struct resolve *r, short *ret_events);

void	resolve_on_io(struct resolve *r, short revents, uint64_t now);

/* The current try's deadline (the loop's timer), or UINT64_MAX. */
uint64_t resolve_deadline(const struct resolve *r);

/* Call when now >= resolve_deadline(): fail over to the next server. */
void	resolve_on_time(struct resolve *r, uint64_t now);

/* Give up (the probe's own deadline): close the socket. */
void	resolve_stop(struct resolve *r);

#endif
