/* SPDX-License-Identifier: MIT */
/*
 * resolvconf.c - resolv.conf and hosts text, and search-list candidates.
 *
 * Both files are read a line at a time, a line being split into words on
 * spaces, tabs, CRs and stray NUL bytes; the hosts file allows '#' comments anywhere in a line.
 * Lines are handled in place, through (pointer, length) words, so the
 * caller's text is never copied or modified.
 */
#include <arpa/inet.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include "resolvconf.h"

#define RESOLV_WORDS_MAX	16	/* words looked at on one line */

struct resolv_line {
	const char	*w[RESOLV_WORDS_MAX];
	size_t		 len[RESOLV_WORDS_MAX];
	int		 n;
};

/* Blanks between words; a NUL byte in the text counts as one too. */
static bool
resolv_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\0';
}

/*
 * Split the line starting at *pos into words, stopping at comment_char
 * (when not NUL). Moves *pos past the line. Returns false at the end.
 */
static bool
resolv_next_line(const char *text, size_t n, size_t *pos, char comment_char,
    struct resolv_line *l)
{
	size_t	i = *pos, start;
	bool	comment = false;

	if (i >= n)
		return false;
	l->n = 0;
	while (i < n && text[i] != '\n') {
		if (text[i] == comment_char && comment_char != '\0')
			comment = true;
		if (comment || resolv_space(text[i])) {
			i++;
			continue;
		}
		start = i;
		while (i < n && text[i] != '\n' && !resolv_space(text[i]) &&
		    (text[i] != comment_char || comment_char == '\0'))
			i++;
		if (l->n < RESOLV_WORDS_MAX) {
			l->w[l->n] = text + start;
			l->len[l->n++] = i - start;
		}
	}
	*pos = i + 1;
	return true;
}

static bool
resolv_word_is(const struct resolv_line *l, int i, const char *s)
{
	return l->len[i] == strlen(s) && memcmp(l->w[i], s, l->len[i]) == 0;
}

/* Parse an address word; IPv6 may carry a %scope, which is dropped. */
static bool
resolv_addr_parse(const char *w, size_t len, struct resolv_addr *a)
{
	char		 tmp[64];
	const char	*pct = memchr(w, '%', len);

	if (pct != NULL)
		len = (size_t)(pct - w);
	if (len == 0 || len >= sizeof(tmp))
		return false;
	memcpy(tmp, w, len);
	tmp[len] = '\0';
	memset(a, 0, sizeof(*a));
	if (pct == NULL && inet_pton(AF_INET, tmp, a->addr) == 1) {
		a->family = AF_INET;
		return true;
	}
	if (inet_pton(AF_INET6, tmp, a->addr) == 1) {
		a->family = AF_INET6;
		return true;
	}
	return false;
}

/* "ndots:N" and friends: a small decimal, capped. */
static void
resolv_option(const char *w, size_t len, const char *key, int cap, int *v)
{
	size_t	klen = strlen(key), i;
	int	x = 0;

	if (len <= klen || memcmp(w, key, klen) != 0)
		return;
	for (i = klen; i < len; i++) {
		if (w[i] < '0' || w[i] > '9')
			return;
		if (x <= cap)
			x = x * 10 + (w[i] - '0');
	}
	*v = x > cap ? cap : x;
}

static void
resolv_set_search(struct resolv_conf *rc, const struct resolv_line *l)
{
	size_t	used = 0;
	int	i;

	rc->nsearch = 0;
	for (i = 1; i < l->n && rc->nsearch < RESOLV_SEARCH_MAX; i++) {
		size_t len = l->len[i];

		/* "." as a search domain means none (as glibc reads it). */
		if (len > 0 && l->w[i][len - 1] == '.')
			len--;
		if (len == 0 || used + len + 1 > sizeof(rc->search))
			continue;
		memcpy(rc->search + used, l->w[i], len);
		rc->search[used + len] = '\0';
		used += len + 1;
		rc->nsearch++;
	}
}

void
resolv_conf_parse(const char *text, size_t n, struct resolv_conf *rc)
{
	struct resolv_line	l;
	size_t			pos = 0;
	int			i;

	memset(rc, 0, sizeof(*rc));
	rc->ndots = 1;
	rc->timeout = 5;
	rc->attempts = 2;
	while (resolv_next_line(text, n, &pos, '\0', &l)) {
		if (l.n == 0 || l.w[0][0] == '#' || l.w[0][0] == ';')
			continue;
		if (resolv_word_is(&l, 0, "nameserver") && l.n >= 2) {
			if (rc->nns < RESOLV_NS_MAX &&
			    resolv_addr_parse(l.w[1], l.len[1], &rc->ns[rc->nns]))
				rc->nns++;
		} else if (resolv_word_is(&l, 0, "search") ||
		    resolv_word_is(&l, 0, "domain")) {
			if (l.n > 2 && resolv_word_is(&l, 0, "domain"))
				l.n = 2;
			resolv_set_search(rc, &l);
		} else if (resolv_word_is(&l, 0, "options"))
			for (i = 1; i < l.n; i++) {
				resolv_option(l.w[i], l.len[i], "ndots:", 15,
				    &rc->ndots);
				resolv_option(l.w[i], l.len[i], "timeout:", 30,
				    &rc->timeout);
				resolv_option(l.w[i], l.len[i], "attempts:", 5,
				    &rc->attempts);
			}
	}
	if (rc->nns == 0) {
		rc->ns[0].family = AF_INET;
		rc->ns[0].addr[0] = 127;
		rc->ns[0].addr[3] = 1;
		rc->nns = 1;
	}
}

/* name (final dot ignored) == word, ignoring ASCII case. */
static bool
resolv_name_is(const char *name, size_t nlen, const char *w, size_t wlen)
{
	if (wlen > 0 && w[wlen - 1] == '.')
		wlen--;
	return nlen == wlen && nlen > 0 && strncasecmp(name, w, nlen) == 0;
}

int
hosts_lookup(const char *text, size_t n, const char *name, int family,
    struct resolv_addr *out, int max)
{
	struct resolv_line	l;
	struct resolv_addr	a;
	size_t			pos = 0, nlen = strlen(name);
	int			count = 0, i;

	if (nlen > 0 && name[nlen - 1] == '.')
		nlen--;
	while (count < max && resolv_next_line(text, n, &pos, '#', &l)) {
		if (l.n < 2 || !resolv_addr_parse(l.w[0], l.len[0], &a) ||
		    (family != 0 && a.family != family))
			continue;
		for (i = 1; i < l.n; i++)
			if (resolv_name_is(name, nlen, l.w[i], l.len[i])) {
				out[count++] = a;
				break;
			}
	}
	return count;
}

/* Write name (without a final dot) and, if domain, "." domain. */
static int
resolv_join(const char *name, size_t nlen, const char *domain, char *buf,
    size_t n)
{
	size_t dlen = domain != NULL ? strlen(domain) + 1 : 0;

	if (nlen + dlen + 1 > n || nlen + dlen > RESOLV_NAME_MAX - 1)
		return -1;
	memcpy(buf, name, nlen);
	if (domain != NULL) {
		buf[nlen] = '.';
		memcpy(buf + nlen + 1, domain, dlen - 1);
	}
	buf[nlen + dlen] = '\0';
	return 1;
}

int
resolv_candidate(const struct resolv_conf *rc, const char *name, int i,
    char *buf, size_t n)
{
	const char	*d = rc->search;
	size_t		 nlen = strlen(name), k;
	int		 dots = 0, s;

	if (nlen == 0 || i < 0)
		return 0;
	if (name[nlen - 1] == '.')
		return i == 0 && nlen > 1 ?
		    resolv_join(name, nlen - 1, NULL, buf, n) : 0;
	for (k = 0; k < nlen; k++)
		dots += name[k] == '.';
	if (dots >= rc->ndots) {
		if (i == 0)
			return resolv_join(name, nlen, NULL, buf, n);
		s = i - 1;
	} else {
		if (i == rc->nsearch)
			return resolv_join(name, nlen, NULL, buf, n);
		s = i;
	}
	if (s >= rc->nsearch)
		return 0;
	while (s-- > 0)
		d += strlen(d) + 1;
	return resolv_join(name, nlen, d, buf, n);
}
