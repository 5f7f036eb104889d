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

/* Where the exec word splitter is in p->buf. */
struct probespec_words {
	struct probe_spec	*p;
	size_t			 used;
	bool			 inword;
};

/* A caller's buffer being filled by probespec_describe. */
struct probespec_out {
	char	*buf;
	size_t	 n;
	size_t	 len;
	bool	 truncated;
};

static int	probespec_fail(struct tend_err *, int, const char *,
		    const char *, ...) __attribute__((format(printf, 4, 5)));

/*
 * Fill err with `bad probe "SPEC": REASON` and return code. The spec is
 * cut short, and control bytes from it (the reason may quote it too) are
 * replaced, so the message stays one readable line.
 */
static int
probespec_fail(struct tend_err *err, int code, const char *s,
    const char *fmt, ...)
{
	char	 reason[192];
	va_list	 ap;

	if (err == NULL)
		return code;
	va_start(ap, fmt);
	(void)fmt_vformat(reason, sizeof(reason), fmt, ap);
	va_end(ap);
	/* err_set() turns control bytes into '?'. */
	(void)err_set(err, "bad probe \"%.*s%s\": %s", PROBESPEC_QUOTE_MAX,
	    s, strlen(s) > PROBESPEC_QUOTE_MAX ? "..." : "", reason);
	return code;
}

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
	unsigned v, j, n;

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
	unsigned v, d, j, n = 0, brk = 16;

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
	unsigned long	v = 0;
	size_t		i;

	if (len == 0)
		return -EINVAL;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -EINVAL;
		/* Stop growing once out of range; the digits still count. */
		if (v <= 65535)
			v = v * 10 + (unsigned long)(s[i] - '0');
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
		char c = h[i];

		if (c == '.') {
			if (label == 0)
				return false;
			label = 0;
			digits = true;
			continue;
		}
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_') ||
		    ++label > 63)
			return false;
		digits = digits && c >= '0' && c <= '9';
	}
	return label > 0 && !digits;
}

/*
 * Turn the host text (without brackets) into family and addr: 1 for an
 * address literal or localhost, 0 for a name (kept in out->name), -1 for
 * neither.
 */
static int
probespec_parse_addr(const char *h, size_t len, bool bracketed,
    unsigned features, struct probe_spec *out)
{
	char	tmp[INET6_ADDRSTRLEN];

	if (len == 0)
		return -1;
	if (len < sizeof(tmp)) {
		memcpy(tmp, h, len);
		tmp[len] = '\0';
		if (bracketed) {
			out->family = AF_INET6;
			return probespec_pton(AF_INET6, tmp, out->addr) ? 1 : -1;
		}
		out->family = AF_INET;
		if (strcasecmp(tmp, "localhost") == 0)
			tmp[0] = '\0';
		if (probespec_pton(AF_INET, tmp[0] != '\0' ? tmp : "127.0.0.1",
		    out->addr))
			return 1;
	}
	out->family = 0;
	if (bracketed || !(features & PROBESPEC_NAMES) ||
	    !probespec_is_name(h, len))
		return -1;
	memcpy(out->name, h, len);
	out->name[len] = '\0';
	return 0;
}

/*
 * Find the host text in the authority [s, end) and the ':' or end after
 * it. Returns 0, or fills err for a "[" without its "]".
 */
static int
probespec_split_authority(const char *spec, const char *s, const char *end,
    const char **ret_host, const char **ret_hostend, const char **ret_colon,
    struct tend_err *err)
{
	const char *p;

	if (s[0] != '[') {
		p = memchr(s, ':', (size_t)(end - s));
		*ret_host = s;
		*ret_hostend = *ret_colon = p != NULL ? p : end;
		return 0;
	}
	if ((p = memchr(s, ']', (size_t)(end - s))) == NULL)
		return probespec_fail(err, -EINVAL, spec, "missing ']'");
	if (p + 1 != end && p[1] != ':')
		return probespec_fail(err, -EINVAL, spec,
		    "unexpected text after ']'");
	*ret_host = s + 1;
	*ret_hostend = p;
	*ret_colon = p + 1;
	return 0;
}

/*
 * Parse the authority [s, s+len) into family, addr, port and host.
 * need_port says whether ":PORT" is required; http defaults to 80.
 */
static int
probespec_parse_authority(const char *spec, const char *s, size_t len,
    bool need_port, unsigned features, struct probe_spec *out,
    struct tend_err *err)
{
	const char	*host = s, *hostend = s, *colon = s, *end = s + len;
	int		 r;

	r = probespec_split_authority(spec, s, end, &host, &hostend, &colon,
	    err);
	if (r != 0)
		return r;
	r = probespec_parse_addr(host, (size_t)(hostend - host), host != s,
	    features, out);
	if (r <= 0 && host == s && colon != end && memchr(colon + 1, ':',
	    (size_t)(end - colon - 1)) != NULL)
		return probespec_fail(err, -EINVAL, spec,
		    "IPv6 addresses need brackets, e.g. [::1]:80");
	if (r < 0)
		return probespec_fail(err, -EINVAL, spec, "host \"%.*s\" is "
		    "not an IPv4 address, [IPv6] address or %s",
		    (int)(colon - s), s, (features & PROBESPEC_NAMES) ?
		    "host name" : "localhost (host names are not built into "
		    "this tend: TEND_NET_PROBES)");
	if (colon == end) {
		if (need_port)
			return probespec_fail(err, -EINVAL, spec,
			    "missing port");
		out->port = 80;
	} else if ((r = probespec_parse_port(colon + 1,
	    (size_t)(end - colon - 1), &out->port)) != 0)
		return probespec_fail(err, r, spec, "port \"%.*s\" is not "
		    "1-65535", (int)(end - colon - 1), colon + 1);
	memcpy(out->host, s, len);
	out->host[len] = '\0';
	return 0;
}

/* The authority is never longer than "NAME:65535"; say so early. */
static int
probespec_check_authority(const char *spec, size_t len, struct tend_err *err)
{
	if (len == 0)
		return probespec_fail(err, -EINVAL, spec, "missing host");
	if (len >= PROBESPEC_HOST_MAX)
		return probespec_fail(err, -EINVAL, spec,
		    "host and port too long");
	return 0;
}

/* grpc's [/SERVICE] at s: the service is printable ASCII, no space. */
static int
probespec_copy_service(const char *spec, const char *s, struct probe_spec *out,
    struct tend_err *err)
{
	size_t	i, slen;

	if (*s == '\0')
		return 0;
	s++;
	if ((slen = strlen(s)) >= PROBESPEC_SERVICE_MAX)
		return probespec_fail(err, -E2BIG, spec,
		    "service name longer than %d bytes",
		    PROBESPEC_SERVICE_MAX - 1);
	for (i = 0; i < slen; i++)
		if ((unsigned char)s[i] <= 0x20 || (unsigned char)s[i] >= 0x7f)
			return probespec_fail(err, -EINVAL, spec, "byte 0x%02x "
			    "in service name", (unsigned char)s[i]);
	memcpy(out->path, s, slen + 1);
	return 0;
}

/*
 * Copy the path (and query) into out->path, adding the leading '/' when
 * the URL has only a query. Bytes that would break the request line, or
 * that are not ASCII, must be percent-encoded by whoever wrote the spec.
 */
static int
probespec_copy_path(const char *spec, const char *s, struct probe_spec *out,
    struct tend_err *err)
{
	size_t	len = strcspn(s, "#"), o = 0, i;

	if (s[0] != '/')
		out->path[o++] = '/';
	if (o + len >= sizeof(out->path))
		return probespec_fail(err, -E2BIG, spec,
		    "path longer than %d bytes", PROBESPEC_PATH_MAX - 1);
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c <= 0x20 || c >= 0x7f)
			return probespec_fail(err, -EINVAL, spec, "byte 0x%02x "
			    "in path must be percent-encoded", c);
		out->path[o++] = (char)c;
	}
	out->path[o] = '\0';
	return 0;
}

/*
 * tcp://HOST:PORT, http://HOST[:PORT][/PATH] or grpc://HOST:PORT[/SERVICE]
 * at s, the authority first.
 */
static int
probespec_parse_net(const char *spec, const char *s, enum probe_kind kind,
    unsigned features, struct probe_spec *out, struct tend_err *err)
{
	size_t	len = strcspn(s, kind == PROBE_GRPC ? "/" : "/?#");
	int	r;

	out->kind = kind;
	if ((r = probespec_check_authority(spec, len, err)) != 0)
		return r;
	if (kind == PROBE_TCP && s[len] != '\0')
		return probespec_fail(err, -EINVAL, spec,
		    "unexpected \"%s\" after port", s + len);
	if ((r = probespec_parse_authority(spec, s, len, kind != PROBE_HTTP,
	    features, out, err)) != 0 || kind == PROBE_TCP)
		return r;
	if (kind == PROBE_HTTP)
		return probespec_copy_path(spec, s + len, out, err);
	return probespec_copy_service(spec, s + len, out, err);
}

/*
 * Start a word if none is open. Quotes call this too, so that '' is an
 * empty argument rather than nothing.
 */
static int
probespec_words_open(struct probespec_words *w)
{
	struct probe_spec *p = w->p;

	if (w->inword)
		return 0;
	if (p->argc == PROBESPEC_ARGV_MAX)
		return -E2BIG;
	p->argv[p->argc++] = p->buf + w->used;
	w->inword = true;
	return 0;
}

/* Append one byte to the current word, keeping room for its NUL. */
static int
probespec_words_put(struct probespec_words *w, char c)
{
	int	r;

	if ((r = probespec_words_open(w)) != 0)
		return r;
	if (w->used + 1 >= sizeof(w->p->buf))
		return -E2BIG;
	w->p->buf[w->used++] = c;
	return 0;
}

/* Terminate the open word; put() always left room for the NUL. */
static int
probespec_words_close(struct probespec_words *w)
{
	if (w->inword) {
		if (w->used >= sizeof(w->p->buf))
			return -E2BIG;
		w->p->buf[w->used++] = '\0';
		w->inword = false;
	}
	return 0;
}

/*
 * Consume quoted text; *i is just past the opening quote q. Returns 0
 * with *i past the closing quote, -EINVAL if it is never closed, or
 * -E2BIG over the caps.
 */
static int
probespec_words_quoted(struct probespec_words *w, const char *s, size_t *i,
    char q)
{
	int	r;

	if ((r = probespec_words_open(w)) != 0)
		return r;
	for (; s[*i] != q; (*i)++) {
		if (s[*i] == '\0')
			return -EINVAL;
		/* Only \" and \\ are escapes, and only inside "...". */
		if (q == '"' && s[*i] == '\\' &&
		    (s[*i + 1] == '"' || s[*i + 1] == '\\'))
			(*i)++;
		if ((r = probespec_words_put(w, s[*i])) != 0)
			return r;
	}
	(*i)++;
	return 0;
}

/* Split s into words; returns 0, -EINVAL (open quote) or -E2BIG. */
static int
probespec_words_split(struct probespec_words *w, const char *s)
{
	size_t	i = 0;
	int	r = 0;

	while (s[i] != '\0' && r == 0) {
		char c = s[i++];

		if (c == ' ' || c == '\t')
			r = probespec_words_close(w);
		else if (c == '\'' || c == '"')
			r = probespec_words_quoted(w, s, &i, c);
		else
			r = probespec_words_put(w, c);
	}
	if (r == 0)
		r = probespec_words_close(w);
	return r;
}

static int
probespec_parse_exec(const char *spec, const char *s, struct probe_spec *out,
    struct tend_err *err)
{
	struct probespec_words	w = { out, 0, false };
	int			r;

	out->kind = PROBE_EXEC;
	r = probespec_words_split(&w, s);
	if (r == -E2BIG)
		return probespec_fail(err, r, spec, "more than %d arguments "
		    "or %d bytes", PROBESPEC_ARGV_MAX, PROBESPEC_BUF_MAX);
	if (r != 0)
		return probespec_fail(err, r, spec, "unterminated quote");
	if (out->argc == 0 || out->argv[0][0] == '\0')
		return probespec_fail(err, -EINVAL, spec, "empty command");
	out->argv[out->argc] = NULL;
	return 0;
}

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

static int
probespec_parse_any(const char *s, unsigned features, struct probe_spec *out,
    struct tend_err *err)
{
	if (strncasecmp(s, "tcp://", 6) == 0)
		return probespec_parse_net(s, s + 6, PROBE_TCP, features, out,
		    err);
	if (strncasecmp(s, "http://", 7) == 0)
		return probespec_parse_net(s, s + 7, PROBE_HTTP, features, out,
		    err);
	if (strncasecmp(s, "grpc://", 7) == 0) {
		/* Refused before parsing, so a build without it drops it. */
		if (!(features & PROBESPEC_GRPC))
			return probespec_fail(err, -ENOTSUP, s,
			    "grpc:// probes are not built into this tend (TEND_NET_PROBES)");
		return probespec_parse_net(s, s + 7, PROBE_GRPC, features, out,
		    err);
	}
	if (strncasecmp(s, "exec:", 5) == 0)
		return probespec_parse_exec(s, s + 5, out, err);
	if (strncasecmp(s, "https://", 8) == 0)
		return probespec_fail(err, -EINVAL, s, "https is not "
		    "supported; use exec: with a client");
	return probespec_fail(err, -EINVAL, s,
	    "expected tcp://, http://, grpc:// or exec:");
}

int
probespec_parse_ext(const char *s, struct probe_spec *out, unsigned features,
    struct tend_err *err)
{
	memset(out, 0, sizeof(*out));
	if (s == NULL)
		return err_set(err, "bad probe: no spec given");
	return probespec_parse_any(s, features, out, err);
}

int
probespec_parse(const char *s, struct probe_spec *out, struct tend_err *err)
{
	return probespec_parse_ext(s, out, PROBESPEC_SUPPORTED, err);
}
