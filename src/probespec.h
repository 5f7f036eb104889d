/* SPDX-License-Identifier: MIT */
/*
 * probespec.h - parse a health probe spec string into a fixed-size struct.
 *
 * Three spellings are understood:
 *
 *	tcp://HOST:PORT			connect, then close
 *	http://HOST[:PORT][/PATH]	GET PATH, status 200-399 is healthy
 *	exec:COMMAND [ARGS...]		run it, exit status 0 is healthy
 *
 * HOST is an IPv4 literal, an IPv6 literal in brackets or "localhost"
 * (127.0.0.1 only). There is no DNS: a PID 1 must not hang on a resolver.
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
#define PROBESPEC_HOST_MAX	80	/* Host: value, NUL included */
#define PROBESPEC_DESCRIBE_MAX	8320	/* describe never needs more */

enum probe_kind {
	PROBE_TCP = 1,
	PROBE_HTTP,
	PROBE_EXEC
};

/*
 * For exec, argv[] points into buf[] of the same struct, so a parsed
 * struct probe_spec must not be copied by value (memcpy or assignment):
 * the copy's argv would point into the original. Parse into the place it
 * will live, or parse again.
 */
struct probe_spec {
	enum probe_kind	kind;
	int		family;		/* AF_INET or AF_INET6; 0 for exec */
	unsigned char	addr[16];	/* network order, 4 or 16 bytes used */
	uint16_t	port;		/* host order */
	char		host[PROBESPEC_HOST_MAX];	/* as written */
	char		path[PROBESPEC_PATH_MAX];	/* http only; "/..." */
	char		buf[PROBESPEC_BUF_MAX];
	char		*argv[PROBESPEC_ARGV_MAX + 1];	/* NULL-terminated */
	int		argc;
};

/*
 * Parse the NUL-terminated spec s into *out, which is cleared first.
 *
 * For tcp and http, host holds the authority exactly as written (e.g.
 * "localhost:8080", "[::1]", "10.0.0.1:80"), ready for a Host: header;
 * family/addr/port hold where to connect. The http port defaults to 80
 * and the path to "/"; a query string is kept, a #fragment is dropped
 * (it is never sent). For exec, argv[0..argc-1] are the words of the
 * command line and argv[argc] is NULL. Words split on spaces and tabs;
 * '...' is literal; "..." is literal except \" and \\; a backslash
 * outside quotes is an ordinary character.
 *
 * Returns 0, or on error fills err (if not NULL) with one line naming s
 * and returns -EINVAL (malformed), -ERANGE (port out of 1-65535) or
 * -E2BIG (over a PROBESPEC_*_MAX cap). *out is unspecified on error.
 */
int	probespec_parse(const char *s, struct probe_spec *out,
	    struct tend_err *err);

/*
 * Write a one-line description of p for log lines into buf (n bytes,
 * always NUL-terminated when n > 0): "tcp://HOST", "http://HOST/PATH"
 * or "exec:ARGS" with arguments re-quoted so that parsing the result
 * gives back the same probe. PROBESPEC_DESCRIBE_MAX bytes always suffice.
 *
 * Returns 0, -ERANGE if the text was truncated to fit, or -EINVAL if p
 * is not a parsed spec.
 */
int	probespec_describe(const struct probe_spec *p, char *buf, size_t n);

#endif
