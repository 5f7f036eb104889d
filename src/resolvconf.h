/* SPDX-License-Identifier: MIT */
/*
 * resolvconf.h - what a resolver needs from /etc/resolv.conf and
 * /etc/hosts, parsed from their text (the caller reads the files), and
 * the names to try for a host name under search and ndots.
 *
 * resolv.conf is read as glibc and musl read it: "nameserver ADDR" (the
 * first three; none means 127.0.0.1), "search D..." or "domain D" (the
 * last one wins; at most RESOLV_SEARCH_MAX domains in RESOLV_SEARCH_LEN
 * bytes), "options ndots:N timeout:N attempts:N" (capped at 15, 30 and
 * 5 as glibc does; defaults 1, 5 and 2). Lines starting with '#' or ';'
 * and unknown keywords are ignored; nothing is an error.
 *
 * Pure: no files, no allocation; inet_pton only reads its input.
 */
#ifndef TEND_RESOLVCONF_H
#define TEND_RESOLVCONF_H

#include <stdbool.h>
#include <stddef.h>

#define RESOLV_NS_MAX		3
#define RESOLV_SEARCH_MAX	6
#define RESOLV_SEARCH_LEN	256	/* all domains, NULs included */
#define RESOLV_NAME_MAX		254	/* a candidate name, NUL included */

struct resolv_addr {
	int		family;		/* AF_INET or AF_INET6 */
	unsigned char	addr[16];
};

struct resolv_conf {
	int			nns;
	int			nsearch;
	union {			/* the options, opt[] in resolv_options order */
		struct {
			int	ndots, timeout, attempts;
		};
		int	opt[3];
	};
	struct resolv_addr	ns[RESOLV_NS_MAX];
	char			search[RESOLV_SEARCH_LEN];	/* NUL-separated */
};

void	resolv_conf_parse(const char *text, size_t n, struct resolv_conf *rc);

/*
 * Find name in hosts file text (n bytes): every address on a line where
 * name appears (as the canonical name or an alias, ignoring ASCII case
 * and a final dot), in file order, restricted to family unless it is 0.
 * Fills up to max addresses and returns how many (the entry after them,
 * if there is room, may be written too).
 */
int	hosts_lookup(const char *text, size_t n, const char *name, int family,
	    struct resolv_addr *out, int max);

/*
 * The i-th name (from 0) to ask the nameservers for name, the way glibc
 * does it: a final dot means absolute, asked as is and only as is;
 * otherwise with at least ndots dots the name as is comes first and then
 * name.DOMAIN for each search domain, and with fewer dots the search
 * domains come first and the name as is last.
 *
 * Returns 1 with the candidate in buf (n bytes), 0 when there is no i-th
 * candidate (the list is over), or -1 when the i-th does not fit in buf
 * or in a DNS name: skip it and go on with i + 1.
 */
int	resolv_candidate(const struct resolv_conf *rc, const char *name, int i,
	    char *buf, size_t n);

#endif
