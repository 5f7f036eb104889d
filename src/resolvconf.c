/* SPDX-License-Identifier: MIT */
/*
 * resolvconf.c - resolv.conf and hosts text, and search-list candidates.
 *
 * Both files are read a word at a time, words being separated by spaces,
 * tabs, CRs and stray NUL bytes, and lines by LF; the hosts file allows
 * '#' comments anywhere in a line. Words are (pointer, length) pairs into
 * the caller's text, which is never copied or modified.
 */
#include <arpa/inet.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include "probespec.h"
#include "resolvconf.h"

/* Blanks between words; a NUL byte in the text counts as one too. */
static bool
resolv_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\0';
}

/*
 * The next word of the line at *pos, stopping at the line's end or at
 * comment, which ends the line's words ('\n': none). Returns its length
 * with *w at it, or 0 when the line has no more words, *pos then past its
 * newline.
 */
static size_t
resolv_word(const char *text, size_t n, size_t *pos, char comment,
    const char **w)
{
	size_t	i = *pos, start = i;
	bool	rest = false;	/* in the comment: blanks to the newline */

	for (; i < n; i++) {
		if (text[i] == '\n') {
			if (i == start)		/* no word: on to the next line */
				start = ++i;
			break;
		}
		rest |= text[i] == comment;
		if (rest || resolv_space(text[i])) {
			if (i > start)
				break;
			start = i + 1;
		}
	}
	*pos = i;
	*w = text + start;
	return i - start;
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
	if (pct == NULL && probespec_pton(AF_INET, tmp, a->addr)) {
		a->family = AF_INET;
		return true;
	}
	if (probespec_pton(AF_INET6, tmp, a->addr)) {
		a->family = AF_INET6;
		return true;
	}
	return false;
}

/*
 * Which key of list (NUL-separated, ended by an empty one) does w start
 * with? Its index with *klen its length, or -1. No key is a prefix of
 * another in the lists below.
 */
static int
resolv_key(const char *list, const char *w, size_t len, size_t *klen)
{
	int i;

	for (i = 0; *list != '\0'; i++, list += *klen + 1) {
		*klen = strlen(list);
		if (*klen <= len && memcmp(w, list, *klen) == 0)
			return i;
	}
	return -1;
}

/* The keywords understood, and the options, numbered in order from 0. */
static const char resolv_keywords[] = "nameserver\0search\0domain\0options\0";
static const char resolv_options[] = "ndots:\0timeout:\0attempts:\0";
static const uint8_t resolv_caps[] = { 15, 30, 5 };

/* "ndots:N" and friends: a small decimal, capped. */
static void
resolv_option(const char *w, size_t len, struct resolv_conf *rc)
{
	size_t	klen, i;
	int	o = resolv_key(resolv_options, w, len, &klen), x = 0, cap;

	if (o < 0 || klen == len)
		return;
	cap = resolv_caps[o];
	for (i = klen; i < len; i++) {
		if (w[i] < '0' || w[i] > '9')
			return;
		/* Capped as it goes: the same as capping the whole number. */
		if ((x = x * 10 + (w[i] - '0')) > cap)
			x = cap;
	}
	rc->opt[o] = x;
}

/* Append a search domain; "." alone, as glibc reads it, is none. */
static void
resolv_add_search(struct resolv_conf *rc, size_t *used, const char *w,
    size_t len)
{
	if (len > 0 && w[len - 1] == '.')
		len--;
	if (len == 0 || rc->nsearch == RESOLV_SEARCH_MAX ||
	    *used + len + 1 > sizeof(rc->search))
		return;
	memcpy(rc->search + *used, w, len);
	rc->search[*used + len] = '\0';
	*used += len + 1;
	rc->nsearch++;
}

void
resolv_conf_parse(const char *text, size_t n, struct resolv_conf *rc)
{
	const char	*w;
	size_t		 pos = 0, len, used = 0, klen;
	int		 kw, args;

	memset(rc, 0, sizeof(*rc));
	rc->ndots = 1;
	rc->timeout = 5;
	rc->attempts = 2;
	while (pos < n) {
		/* Comment lines (# or ;) match no keyword. */
		if ((len = resolv_word(text, n, &pos, '\n', &w)) == 0)
			continue;	/* an empty line */
		if ((kw = resolv_key(resolv_keywords, w, len, &klen)) >= 0 &&
		    klen != len)
			kw = -1;
		if (kw == 1 || kw == 2) {	/* the last search/domain wins */
			rc->nsearch = 0;
			used = 0;
		}
		for (args = 0; (len = resolv_word(text, n, &pos, '\n', &w)) != 0;
		    args++) {
			if (kw == 0 && args == 0) {
				if (rc->nns < RESOLV_NS_MAX &&
				    resolv_addr_parse(w, len, &rc->ns[rc->nns]))
					rc->nns++;
			} else if (kw == 1 || (kw == 2 && args == 0))
				resolv_add_search(rc, &used, w, len);
			else if (kw == 3)
				resolv_option(w, len, rc);
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
	const char		*w;
	size_t			 pos = 0, nlen = strlen(name), len;
	int			 count = 0;
	bool			 ok;

	if (nlen > 0 && name[nlen - 1] == '.')
		nlen--;
	while (pos < n && count < max) {
		if ((len = resolv_word(text, n, &pos, '#', &w)) == 0)
			continue;	/* an empty line */
		/*
		 * The line's address goes where it is kept if it matches; the
		 * rest of the line is read either way.
		 */
		ok = resolv_addr_parse(w, len, &out[count]) &&
		    (family == 0 || out[count].family == family);
		while ((len = resolv_word(text, n, &pos, '#', &w)) != 0)
			if (ok && resolv_name_is(name, nlen, w, len)) {
				count++;
				ok = false;
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
	if (name[nlen - 1] == '.') {
		/* Absolute: as is, once. */
		if (i > 0 || --nlen == 0)
			return 0;
		d = NULL;
	} else {
		for (k = 0; k < nlen; k++)
			dots += name[k] == '.';
		/* Where the name as is comes: first, or after the domains. */
		s = dots >= rc->ndots ? 0 : rc->nsearch;
		if (i == s)
			d = NULL;
		else {
			s = i > s ? i - 1 : i;
			if (s >= rc->nsearch)
				return 0;
			while (s-- > 0)
				d += strlen(d) + 1;
		}
	}
	return resolv_join(name, nlen, d, buf, n);
}
