/* SPDX-License-Identifier: MIT */
/*
 * probespec.c - parse "tcp://", "http://", "grpc://" and "exec:" specs.
 *
 * Pure: string handling, address literals included (probespec_pton, a
 * smaller inet_pton). No DNS (a host name is only checked and kept for
 * the resolver), no PATH lookup, no allocation. Everything that touches
 * the system (resolve, connect, send, fork/exec, timeouts) is left to the
 * probe runner.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include "fmt.h"
#include "probespec.h"

/* Enough of the spec to recognise it in a message; the rest is elided. */
#define PROBESPEC_QUOTE_MAX	64

/*
 * What a failed step leaves for the one message: the reason's format, its
 * code and the arguments its conversions take, always in the order n, p,
 * x (so "%.*s" is n and p; "0x%02x" is n). The arguments are volatile only
 * to keep them in memory, stored by the few steps that set them: in
 * registers, every failing path set all three (ppc64el +130 B).
 */
struct probespec_ctx {
	struct probe_spec	*out;
	unsigned		 features;
	int			 code;
	volatile int		 n;
	const char *volatile	 p;
	const char *volatile	 x;
};

/* A caller's buffer being filled by probespec_describe. */
struct probespec_out {
	char	*buf;
	size_t	 n;
	size_t	 len;
	bool	 truncated;
};

/*
 * inet_pton() for AF_INET and AF_INET6, with musl's rules: IPv4 is four
 * decimal parts of 0-255, no leading zeros; IPv6 is up to eight groups of
 * 1-4 hex digits, one "::" for at least one zero group, and may end in an
 * IPv4 address. Returns 1 and writes out (4 or 16 bytes), or returns 0
 * (with out written in part, as musl's may).
 */
static int
probespec_pton4(const char *s, unsigned char *out)
{
	unsigned	v;
	size_t		j, n;

	for (n = 0; n < 4; n++) {
		for (v = j = 0; j < 3 && s[j] >= '0' && s[j] <= '9'; j++)
			v = v * 10 + (unsigned)(s[j] - '0');
		if (j == 0 || (j > 1 && s[0] == '0') || v > 255 ||
		    s[j] != (n == 3 ? '\0' : '.'))
			return 0;
		out[n] = (unsigned char)v;
		s += j + 1;
	}
	return 1;
}

int
probespec_pton(int af, const char *s, unsigned char *out)
{
	unsigned	v, d;
	size_t		j, n = 0, brk = 16;

	if (af == AF_INET)
		return probespec_pton4(s, out);
	/* n counts the bytes written, brk is where "::" stands. */
	if (s[0] == ':' && *++s != ':')
		return 0;
	for (;;) {
		if (*s == ':') {
			if (brk != 16 || n == 16)
				return 0;
			brk = n;
			if (*++s == '\0')
				break;
			continue;
		}
		for (v = j = 0; j < 4; j++) {
			d = (unsigned)s[j] - '0';
			if (d > 9 && (d = ((unsigned)s[j] | 32) - 'a' + 10) - 10 > 5)
				break;
			v = v * 16 + d;
		}
		if (j == 0 || n == 16)
			return 0;
		if (s[j] == '.') {
			if (n > 12 || !probespec_pton4(s, out + n))
				return 0;
			n += 4;
			break;
		}
		out[n++] = (unsigned char)(v >> 8);
		out[n++] = (unsigned char)v;
		s += j;
		if (*s == '\0')
			break;
		if (*s++ != ':')
			return 0;
	}
	if (brk == 16 ? n != 16 : n > 14)
		return 0;
	/* The groups after "::" go to the end, zeros in the gap. */
	memmove(out + 16 - (n - brk), out + brk, n - brk);
	memset(out + brk, 0, 16 - n);
	return 1;
}

/* Strict decimal port: digits only, 1-65535. */
static int
probespec_parse_port(const char *s, size_t len, uint16_t *out)
{
	unsigned	v = 0;
	size_t		i;

	if (len == 0)
		return -EINVAL;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -EINVAL;
		/* Stop growing once out of range; the digits still count. */
		if (v <= 65535)
			v = v * 10 + (unsigned)(s[i] - '0');
	}
	if (v < 1 || v > 65535)
		return -ERANGE;
	*out = (uint16_t)v;
	return 0;
}

/*
 * A host name: dot-separated labels of 1-63 letters, digits, '-' or '_',
 * at most 253 bytes before an optional final dot. A last label of digits
 * only is refused, so that a mistyped IPv4 address is not sent to DNS.
 */
static bool
probespec_is_name(const char *h, size_t len)
{
	size_t	i, label = 0;
	bool	digits = true;

	if (len > 1 && h[len - 1] == '.')
		len--;
	if (len == 0 || len > PROBESPEC_NAME_MAX - 1)
		return false;
	for (i = 0; i < len; i++) {
		char	c = h[i];
		bool	digit = c >= '0' && c <= '9';

		if (c == '.') {
			if (label == 0)
				return false;
			label = 0;
			digits = true;
			continue;
		}
		if (!(digit || ((c | 32) >= 'a' && (c | 32) <= 'z') ||
		    c == '-' || c == '_') || ++label > 63)
			return false;
		digits &= digit;
	}
	return label > 0 && !digits;
}

/*
 * Turn the host text h (without brackets, NUL-terminated after len bytes)
 * into family and addr: 1 for an address literal or localhost, 0 for a
 * name (kept in out->name, which is still zeroed), -1 for neither. An
 * empty or overlong h is simply none of them.
 */
static int
probespec_parse_addr(const char *h, size_t len, bool bracketed,
    unsigned features, struct probe_spec *out)
{
	out->family = bracketed ? AF_INET6 : AF_INET;
	if (bracketed)
		return probespec_pton(AF_INET6, h, out->addr) ? 1 : -1;
	if (strcasecmp(h, "localhost") == 0) {
		out->addr[0] = 127;
		out->addr[3] = 1;
		return 1;
	}
	if (probespec_pton(AF_INET, h, out->addr))
		return 1;
	out->family = 0;
	if (!(features & PROBESPEC_NAMES) || !probespec_is_name(h, len))
		return -1;
	memcpy(out->name, h, len);
	return 0;
}

/*
 * What follows the authority at s: for http the path (and query) up to a
 * '#', with a '/' added before a bare query; for grpc the service after
 * the '/', if any. Both go to out->path (still zeroed) and must be
 * printable ASCII without space: bytes that would break the request line
 * must be percent-encoded by whoever wrote the spec.
 */
static const char *
probespec_parse_tail(struct probespec_ctx *c, const char *s, bool http)
{
	char	*path = c->out->path;
	size_t	 len, i;

	if (http) {
		if (*s != '/')
			*path++ = '/';
		len = strcspn(s, "#");
	} else {
		if (*s++ == '\0')
			return NULL;
		len = strlen(s);
	}
	if ((size_t)(path - c->out->path) + len >= (http ?
	    PROBESPEC_PATH_MAX : PROBESPEC_SERVICE_MAX)) {
		c->code = -E2BIG;
		return http ? "path longer than 1023 bytes" :
		    "service name longer than 200 bytes";
	}
	for (i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch <= 0x20 || ch >= 0x7f) {
			c->n = ch;
			return http ? "byte 0x%02x in path must be "
			    "percent-encoded" : "byte 0x%02x in service name";
		}
		path[i] = (char)ch;
	}
	return NULL;
}
_Static_assert(PROBESPEC_PATH_MAX == 1024 && PROBESPEC_SERVICE_MAX == 201,
    "the messages above name the caps");

/*
 * tcp://HOST:PORT, http://HOST[:PORT][/PATH] or grpc://HOST:PORT[/SERVICE]
 * at s: the authority (host text, the ':' or end after it), then what
 * follows it. Returns NULL or the reason.
 */
static const char *
probespec_parse_net(struct probespec_ctx *c, const char *s,
    enum probe_kind kind)
{
	struct probe_spec *out = c->out;
	size_t		 len = strcspn(s, kind == PROBE_GRPC ? "/" : "/?#");
	const char	*end = s + len, *host = s, *hostend, *colon;
	char		*h, save;
	size_t		 hlen;
	int		 r;

	out->kind = kind;
	if (len == 0)
		return "missing host";
	if (len >= PROBESPEC_HOST_MAX)
		return "host and port too long";
	if (kind == PROBE_TCP && *end != '\0') {
		/* The whole rest: a negative precision is no precision. */
		c->n = -1;
		c->p = end;
		return "unexpected \"%.*s\" after port";
	}
	/* As written, for the Host header; out is only valid on success. */
	memcpy(out->host, s, len);
	if (*s == '[') {
		if ((hostend = memchr(s, ']', len)) == NULL)
			return "missing ']'";
		host++;
		colon = hostend + 1;
		if (colon != end && *colon != ':')
			return "unexpected text after ']'";
	} else if ((hostend = colon = memchr(s, ':', len)) == NULL)
		hostend = colon = end;
	/* The host text, NUL-terminated for a moment in the copy in host. */
	h = out->host + (host - s);
	hlen = (size_t)(hostend - host);
	save = h[hlen];
	h[hlen] = '\0';
	r = probespec_parse_addr(h, hlen, host != s, c->features, out);
	h[hlen] = save;
	if (r <= 0 && host == s && colon != end && memchr(colon + 1, ':',
	    (size_t)(end - colon - 1)) != NULL)
		return "IPv6 addresses need brackets, e.g. [::1]:80";
	if (r < 0) {
		c->n = (int)(colon - s);
		c->p = s;
		c->x = (c->features & PROBESPEC_NAMES) ? "host name" :
		    "localhost (host names are not built into this tend: "
		    "TEND_NET_PROBES)";
		return "host \"%.*s\" is not an IPv4 address, [IPv6] "
		    "address or %s";
	}
	if (colon == end) {
		if (kind != PROBE_HTTP)
			return "missing port";
		out->port = 80;
	} else if ((r = probespec_parse_port(colon + 1,
	    (size_t)(end - colon - 1), &out->port)) != 0) {
		c->code = r;
		c->n = (int)(end - colon - 1);
		c->p = colon + 1;
		return "port \"%.*s\" is not 1-65535";
	}
	if (kind == PROBE_TCP)
		return NULL;
	return probespec_parse_tail(c, end, kind == PROBE_HTTP);
}

/*
 * Split the command line s into words in out->buf (still zeroed, so a
 * word ends by skipping a byte). Returns NULL or the reason.
 */
static const char *
probespec_parse_exec(struct probespec_ctx *c, const char *s)
{
	struct probe_spec *p = c->out;
	size_t		 used = 0, argc = 0;
	char		 q = 0, ch;	/* q: the open quote, if any */

	p->kind = PROBE_EXEC;
	for (;;) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '\0')
			break;
		/* A word, which a quote starts too: '' is an argument. */
		if (argc == PROBESPEC_ARGV_MAX)
			goto big;
		p->argv[argc++] = p->buf + used;
		for (;; s++) {
			ch = *s;
			if (q == 0) {
				if (ch == ' ' || ch == '\t' || ch == '\0')
					break;
				if (ch == '\'' || ch == '"') {
					q = ch;
					continue;
				}
			} else if (ch == q) {
				q = 0;
				continue;
			} else if (ch == '\0') {
				return "unterminated quote";
			} else if (q == '"' && ch == '\\' &&
			    (s[1] == '"' || s[1] == '\\')) {
				/* Only \" and \\ are escapes, and only in "...". */
				ch = *++s;
			}
			/* Room is kept for the word's NUL. */
			if (used + 1 >= sizeof(p->buf))
				goto big;
			p->buf[used++] = ch;
		}
		if (used >= sizeof(p->buf))
			goto big;
		used++;
	}
	/* argv[argc] is still NULL. */
	p->argc = (int)argc;
	if (argc == 0 || p->argv[0][0] == '\0')
		return "empty command";
	return NULL;
big:
	c->code = -E2BIG;
	return "more than 64 arguments or 4096 bytes";
}
_Static_assert(PROBESPEC_ARGV_MAX == 64 && PROBESPEC_BUF_MAX == 4096,
    "the message above names the caps");

/* Append text to a caller's buffer, noting truncation instead of failing. */
static void
probespec_out_put(struct probespec_out *o, const char *s, size_t len)
{
	size_t	room = o->n - o->len - 1;

	if (len > room) {
		len = room;
		o->truncated = true;
	}
	memcpy(o->buf + o->len, s, len);
	o->len += len;
	o->buf[o->len] = '\0';
}

/* Quote one argument so that the exec: splitter gives it back as is. */
static void
probespec_out_arg(struct probespec_out *o, const char *a)
{
	size_t	i;

	if (a[0] != '\0' && strpbrk(a, " \t'\"") == NULL) {
		probespec_out_put(o, a, strlen(a));
		return;
	}
	if (strchr(a, '\'') == NULL) {
		probespec_out_put(o, "'", 1);
		probespec_out_put(o, a, strlen(a));
		probespec_out_put(o, "'", 1);
		return;
	}
	probespec_out_put(o, "\"", 1);
	for (i = 0; a[i] != '\0'; i++) {
		if (a[i] == '"' || a[i] == '\\')
			probespec_out_put(o, "\\", 1);
		probespec_out_put(o, a + i, 1);
	}
	probespec_out_put(o, "\"", 1);
}

int
probespec_describe(const struct probe_spec *p, char *buf, size_t n)
{
	struct probespec_out	o = { buf, n, 0, false };
	int			i;

	if (n == 0)
		return -ERANGE;
	buf[0] = '\0';
	if (p->kind == PROBE_TCP || p->kind == PROBE_HTTP ||
	    p->kind == PROBE_GRPC) {
		const char *scheme = p->kind == PROBE_TCP ? "tcp://" :
		    p->kind == PROBE_HTTP ? "http://" : "grpc://";

		probespec_out_put(&o, scheme, strlen(scheme));
		probespec_out_put(&o, p->host, strlen(p->host));
		if (p->kind == PROBE_GRPC && p->path[0] != '\0')
			probespec_out_put(&o, "/", 1);
		if (p->kind != PROBE_TCP)
			probespec_out_put(&o, p->path, strlen(p->path));
	} else if (p->kind == PROBE_EXEC && p->argc > 0) {
		probespec_out_put(&o, "exec:", 5);
		for (i = 0; i < p->argc; i++) {
			if (i > 0)
				probespec_out_put(&o, " ", 1);
			probespec_out_arg(&o, p->argv[i]);
		}
	} else
		return -EINVAL;
	return o.truncated ? -ERANGE : 0;
}

/*
 * The schemes, each after its length, in the order of enum probe_kind,
 * then https://; the string's NUL ends them.
 */
static const char probespec_schemes[] =
    "\6tcp://\7http://\5exec:\7grpc://\10https://";
_Static_assert(PROBE_TCP == 1 && PROBE_HTTP == 2 && PROBE_EXEC == 3 &&
    PROBE_GRPC == 4, "probespec_schemes follows enum probe_kind");

static const char *
probespec_parse_any(struct probespec_ctx *c, const char *s)
{
	const char	*scheme = probespec_schemes;
	size_t		 len;
	int		 kind;

	/*
	 * kind ends as the scheme's, PROBE_GRPC + 1 for https://, or past
	 * them at the table's NUL, where len is 0.
	 */
	for (kind = PROBE_TCP; (len = (size_t)*scheme++) != 0; kind++) {
		if (strncasecmp(s, scheme, len) == 0)
			break;
		scheme += len;
	}
	s += len;
	if (kind == PROBE_EXEC)
		return probespec_parse_exec(c, s);
	if (kind == PROBE_GRPC && !(c->features & PROBESPEC_GRPC)) {
		/* Refused before parsing, so a build without it drops it. */
		c->code = -ENOTSUP;
		return "grpc:// probes are not built into this tend "
		    "(TEND_NET_PROBES)";
	}
	if (kind <= PROBE_GRPC)
		return probespec_parse_net(c, s, (enum probe_kind)kind);
	if (kind == PROBE_GRPC + 1)
		return "https is not supported; use exec: with a client";
	return "expected tcp://, http://, grpc:// or exec:";
}

int
probespec_parse_ext(const char *s, struct probe_spec *out, unsigned features,
    struct tend_err *err)
{
	struct probespec_ctx	 c = { out, features, -EINVAL, 0, NULL, NULL };
	const char		*why;
	char			 reason[192];

	memset(out, 0, sizeof(*out));
	/* No spec: the same err_set() call, with a format that reads nothing. */
	if (s != NULL && (why = probespec_parse_any(&c, s)) == NULL)
		return 0;
	if (err != NULL) {
		/*
		 * The reasons are this file's literals, each taking a
		 * prefix of n, p, x (see struct probespec_ctx).
		 */
		if (s != NULL) {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
			(void)fmt_format(reason, sizeof(reason), why, c.n, c.p,
			    c.x);
#pragma GCC diagnostic pop
		}
		/* err_set() turns control bytes into '?'. */
		(void)err_set(err, s == NULL ? "bad probe: no spec given" :
		    "bad probe \"%.*s%s\": %s", PROBESPEC_QUOTE_MAX, s,
		    s != NULL && strlen(s) > PROBESPEC_QUOTE_MAX ? "..." : "",
		    reason);
	}
	return c.code;
}

int
probespec_parse(const char *s, struct probe_spec *out, struct tend_err *err)
{
	return probespec_parse_ext(s, out, PROBESPEC_SUPPORTED, err);
}
