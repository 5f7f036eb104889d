/* SPDX-License-Identifier: MIT */
/*
 * fuzz_userdb.c - libFuzzer target for userdb.c.
 *
 * The input is SPEC NUL PASSWD NUL GROUP, split at the first two NUL
 * bytes; with fewer NULs the missing files are passed as NULL so the
 * "no /etc/passwd" paths get fuzzed too. Each part goes into its own
 * exact-size heap block so ASan catches any read past the given length.
 * Besides not crashing, the results must keep the promises the privilege
 * dropping code relies on; a broken one aborts. Seeds live in
 * tests/fuzz/corpus/userdb/. Building and running is left to the CI.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "err.h"
#include "userdb.h"

/*
 * with_nul adds a terminator for the spec, which is a C string. File parts
 * get no spare byte, not even when empty: malloc(0) under ASan returns a
 * block that any access trips over.
 */
static char *
dup_part(const uint8_t *p, size_t len, int with_nul)
{
	size_t n = len + (with_nul ? 1 : 0);
	char *s;

	s = malloc(n);
	if (s == NULL && n > 0)
		abort();
	if (len > 0)
		memcpy(s, p, len);
	if (with_nul)
		s[len] = '\0';
	return s;
}

static void
check_err(int r, const struct tend_err *err)
{
	if (r != -EINVAL && r != -ENOENT)
		abort();
	if (memchr(err->msg, '\0', sizeof(err->msg)) == NULL ||
	    err->msg[0] == '\0' || strchr(err->msg, '\n') != NULL)
		abort();
}

/* (uid_t)-1 would make setuid() a no-op and leave tend's root in place. */
static void
check_ids(const struct user_spec *spec, const struct user_ids *ids)
{
	size_t i, j;

	if (memchr(ids->home, '\0', sizeof(ids->home)) == NULL ||
	    ids->home[0] == '\0' || (!ids->has_home && strcmp(ids->home, "/")))
		abort();
	if (ids->uid == (uid_t)-1 || ids->gid == (gid_t)-1 ||
	    ids->ngroups > USERDB_GROUPS_MAX)
		abort();
	if ((spec->has_group && ids->ngroups != 0) ||
	    (ids->ngroups > 0 && ids->groups[0] != ids->gid))
		abort();
	for (i = 0; i < ids->ngroups; i++)
		for (j = 0; j < i; j++)
			if (ids->groups[j] == ids->groups[i])
				abort();
}

struct parts {
	char	*spec;
	char	*passwd;	/* NULL: no second part, no /etc/passwd */
	char	*group;		/* NULL: no third part, no /etc/group */
	size_t	 passwd_len;
	size_t	 group_len;
};

/* Length from off up to the next NUL or the end of the input. */
static size_t
part_len(const uint8_t *data, size_t size, size_t off)
{
	const uint8_t *nul;

	if (off >= size)
		return 0;
	nul = memchr(data + off, '\0', size - off);
	return nul != NULL ? (size_t)(nul - data) - off : size - off;
}

/* Only the first two NULs split; the group part keeps any later ones. */
static void
split_input(const uint8_t *data, size_t size, struct parts *out)
{
	size_t spec_len, off;

	memset(out, 0, sizeof(*out));
	spec_len = part_len(data, size, 0);
	out->spec = dup_part(data, spec_len, 1);
	off = spec_len + 1;
	if (off > size)
		return;
	out->passwd_len = part_len(data, size, off);
	out->passwd = dup_part(data + off, out->passwd_len, 0);
	off += out->passwd_len + 1;
	if (off > size)
		return;
	out->group_len = size - off;
	out->group = dup_part(data + off, out->group_len, 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tend_err err = { "" };
	struct user_spec spec;
	struct user_ids ids;
	struct parts in;
	int r;

	split_input(data, size, &in);
	r = userdb_parse_spec(in.spec, &spec, &err);
	if (r == 0)
		r = userdb_resolve(&spec, in.passwd, in.passwd_len, in.group,
		    in.group_len, &ids, &err);
	if (r != 0)
		check_err(r, &err);
	else
		check_ids(&spec, &ids);
	free(in.spec);
	free(in.passwd);
	free(in.group);
	return 0;
}
