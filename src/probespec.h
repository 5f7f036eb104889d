/* SPDX-License-Identifier: MIT */
/*
 * probespec.h - parse a health probe spec string into a fixed-size struct.
 *
 * Four spellings are understood:
 *
 *	tcp://HOST:PORT			connect, then close
 *	http://HOST[:PORT][/PATH]	GET PATH, status 200-399 is healthy
 *	grpc://HOST:PORT[/SERVICE]	grpc.health.v1 Check, SERVING is healthy
 *	exec:COMMAND [ARGS...]		run it, exit status 0 is healthy
 *
 * HOST is an IPv4 literal, an IPv6 literal in brackets, "localhost"
 * (127.0.0.1, no lookup) or a host name to resolve (letters, digits, '-'
 * and '_' in dot-separated labels, a final dot meaning absolute; a name
 * whose last label is all digits is taken for a mistyped IPv4 address).
 *
 * Not every build can run every probe yet: probespec_parse() accepts only
 * what PROBESPEC_SUPPORTED says this tend runs, and refuses the rest with
 * "... not supported yet" (grpc:// before it is parsed, so that a build
 * without it does not carry its parser); probespec_parse_ext() takes the
 * feature set.
 *
 * This module is pure. It does not connect, send, exec or search PATH;
 * probe.c and main.c do that with what is parsed here.
 */
#ifndef TEND_PROBESPEC_H
#define TEND_PROBESPEC_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"

#define PROBESPEC_ARGV_MAX	64	/* exec arguments, command included */
#define PROBESPEC_BUF_MAX	4096	/* exec argument bytes, NULs included */
#define PROBESPEC_PATH_MAX	1024	/* http path and query, NUL included */
#define PROBESPEC_NAME_MAX	254	/* host name, NUL included */
#define PROBESPEC_HOST_MAX	(PROBESPEC_NAME_MAX + 8) /* name:65535 */
#define PROBESPEC_SERVICE_MAX	201	/* grpc service, NUL included */
#define PROBESPEC_DESCRIBE_MAX	8320	/* describe never needs more */

enum probe_kind {
	PROBE_TCP = 1,
	PROBE_HTTP,
	PROBE_EXEC,
	PROBE_GRPC
};

/* Optional features for probespec_parse_ext(). */
#define PROBESPEC_GRPC		0x1	/* grpc:// probes */
#define PROBESPEC_NAMES		0x2	/* HOST may be a name to resolve */
#define PROBESPEC_ALL		(PROBESPEC_GRPC | PROBESPEC_NAMES)
/* What the tend binary can run; the poll loop integration widens it. */
#ifndef PROBESPEC_SUPPORTED
#define PROBESPEC_SUPPORTED	0
#endif

/*
 * For exec, argv[] points into buf[] of the same struct, so a parsed
 * struct probe_spec must not be copied by value (memcpy or assignment):
 * the copy's argv would point into the original. Parse into the place it
 * will live, or parse again.
 */
struct probe_spec {
	enum probe_kind	kind;
	int		family;		/* AF_INET, AF_INET6; 0: name, or exec */
	unsigned char	addr[16];	/* network order, 4 or 16 bytes used */
	uint16_t	port;		/* host order */
	char		host[PROBESPEC_HOST_MAX];	/* as written */
	char		name[PROBESPEC_NAME_MAX];	/* to resolve; "" if literal */
	char		path[PROBESPEC_PATH_MAX];	/* http: "/..."; grpc: service */
	char		buf[PROBESPEC_BUF_MAX];
	char		*argv[PROBESPEC_ARGV_MAX + 1];	/* NULL-terminated */
	int		argc;
};

/*
 * Parse the NUL-terminated spec s into *out, which is cleared first.
 *
 * For tcp, http and grpc, host holds the authority exactly as written
 * (e.g. "localhost:8080", "[::1]", "db:80"), ready for a Host: header or
 * :authority; family/addr/port hold where to connect, or, for a host
 * name, family is 0 and name holds the name to resolve (as written, a
 * final dot kept: it means absolute to the resolver). The http port
 * defaults to 80 and the path to "/"; a query string is kept, a
 * #fragment is dropped (it is never sent). grpc needs a port; path holds
 * the service name after the '/', empty by default. For exec, argv[0..argc-1] are the words of the
 * command line and argv[argc] is NULL. Words split on spaces and tabs;
 * '...' is literal; "..." is literal except \" and \\; a backslash
 * outside quotes is an ordinary character.
 *
 * Returns 0, or on error fills err (if not NULL) with one line naming s
 * and returns -EINVAL (malformed), -ERANGE (port out of 1-65535),
 * -E2BIG (over a PROBESPEC_*_MAX cap) or -ENOTSUP (grpc:// without
 * PROBESPEC_GRPC). Without PROBESPEC_NAMES a host name is -EINVAL, with a
 * message saying names are not supported yet. *out is unspecified on
 * error.
 */
int	probespec_parse_ext(const char *s, struct probe_spec *out,
	    unsigned features, struct tend_err *err);

/*
 * inet_pton() for AF_INET (4 bytes into out) and AF_INET6 (16), with
 * musl's rules, without linking musl's. Returns 1, or 0 if s is not one.
 */
int	probespec_pton(int af, const char *s, unsigned char *out);

/* probespec_parse_ext() with what this tend runs: PROBESPEC_SUPPORTED. */
int	probespec_parse(const char *s, struct probe_spec *out,
	    struct tend_err *err);

/*
 * Write a one-line description of p for log lines into buf (n bytes,
 * always NUL-terminated when n > 0): "tcp://HOST", "http://HOST/PATH",
 * "grpc://HOST[/SERVICE]" or "exec:ARGS" with arguments re-quoted so that parsing the result
 * gives back the same probe. PROBESPEC_DESCRIBE_MAX bytes always suffice.
 *
 * Returns 0, -ERANGE if the text was truncated to fit, or -EINVAL if p
 * is not a parsed spec.
 */
int	probespec_describe(const struct probe_spec *p, char *buf, size_t n);

#endif
