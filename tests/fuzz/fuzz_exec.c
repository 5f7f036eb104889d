/* SPDX-License-Identifier: MIT */
/*
 * fuzz_exec.c - libFuzzer target for exec-probe command splitting.
 *
 * The input becomes "exec:" + input, so every run reaches the word
 * splitter in probespec.c. The result is compared with a second splitter
 * written here straight from the rules in probespec.h:
 *
 *	words split on spaces and tabs; '...' is literal; "..." is literal
 *	except \" and \\; a backslash outside quotes is an ordinary byte;
 *	quoted text joins the word around it, and '' is an empty word;
 *	at most PROBESPEC_ARGV_MAX words and PROBESPEC_BUF_MAX bytes with
 *	their NULs; an unterminated quote or an empty command is an error.
 *
 * The two must agree on every word and on the kind of error, and a parsed
 * command must describe back to a spec that splits the same way.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "probespec.h"

/* The reference result: all words, however many, and what went wrong. */
struct ref {
	char	*bytes;		/* words, each NUL-terminated */
	size_t	 used;
	size_t	*starts;	/* offsets of the words in bytes */
	size_t	 nwords;
	bool	 open_quote;
};

static void
ref_byte(struct ref *r, char c)
{
	r->bytes[r->used++] = c;
}

static void
ref_begin(struct ref *r, bool *inword)
{
	if (!*inword)
		r->starts[r->nwords++] = r->used;
	*inword = true;
}

/* Split s (len bytes, no NUL inside) with no limits at all. */
static void
ref_split(const char *s, size_t len, struct ref *r)
{
	bool inword = false;
	size_t i = 0;
	char q;

	r->bytes = malloc(2 * len + 1);
	r->starts = malloc((len + 1) * sizeof(*r->starts));
	if (r->bytes == NULL || r->starts == NULL)
		abort();
	r->used = r->nwords = 0;
	r->open_quote = false;
	while (i < len) {
		char c = s[i++];

		if (c == ' ' || c == '\t') {
			if (inword)
				ref_byte(r, '\0');
			inword = false;
			continue;
		}
		ref_begin(r, &inword);
		if (c != '\'' && c != '"') {
			ref_byte(r, c);
			continue;
		}
		q = c;
		while (i < len && s[i] != q) {
			if (q == '"' && s[i] == '\\' && i + 1 < len &&
			    (s[i + 1] == '"' || s[i + 1] == '\\'))
				i++;
			ref_byte(r, s[i++]);
		}
		if (i == len) {
			r->open_quote = true;
			return;
		}
		i++;
	}
	if (inword)
		ref_byte(r, '\0');
}

/* Would the real parser run out of room before the text ends? */
static bool
ref_too_big(const struct ref *r)
{
	return r->nwords > PROBESPEC_ARGV_MAX || r->used > PROBESPEC_BUF_MAX;
}

static void
check_same_words(const struct probe_spec *p, const struct ref *r)
{
	size_t i;

	CHECK((size_t)p->argc == r->nwords);
	CHECK(p->argv[p->argc] == NULL);
	for (i = 0; i < r->nwords; i++)
		CHECK(strcmp(p->argv[i], r->bytes + r->starts[i]) == 0);
}

static struct probe_spec spec, again;
static char text[PROBESPEC_DESCRIBE_MAX];

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tend_err err;
	struct ref ref;
	size_t len;
	char *s;
	int r;

	/* The spec is a C string: it ends at the first NUL. */
	len = strnlen((const char *)data, size);
	if ((s = malloc(len + 6)) == NULL)
		return 0;
	memcpy(s, "exec:", 5);
	memcpy(s + 5, data, len);
	s[len + 5] = '\0';
	ref_split(s + 5, len, &ref);
	memset(&err, 0, sizeof(err));
	r = probespec_parse(s, &spec, &err);
	if (r != 0) {
		CHECK(strncmp(err.msg, "bad probe", 9) == 0);
		CHECK(strchr(err.msg, '\n') == NULL);
	}
	if (r == -E2BIG) {
		/* Ran out of room, possibly before an open quote. */
		CHECK(ref_too_big(&ref));
	} else if (ref_too_big(&ref) && !ref.open_quote) {
		CHECK(!"a command over the limits was not refused");
	} else if (ref.open_quote) {
		CHECK(r == -EINVAL);
		CHECK(strstr(err.msg, "unterminated quote") != NULL);
	} else if (ref.nwords == 0 || ref.bytes[ref.starts[0]] == '\0') {
		CHECK(r == -EINVAL);
		CHECK(strstr(err.msg, "empty command") != NULL);
	} else {
		CHECK(r == 0);
		CHECK(spec.kind == PROBE_EXEC && spec.family == 0);
		check_same_words(&spec, &ref);
		CHECK(probespec_describe(&spec, text, sizeof(text)) == 0);
		CHECK(probespec_parse(text, &again, &err) == 0);
		check_same_words(&again, &ref);
	}
	free(ref.bytes);
	free(ref.starts);
	free(s);
	return 0;
}
