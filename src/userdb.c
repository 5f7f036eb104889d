/* SPDX-License-Identifier: MIT */
/*
 * userdb.c - parse /etc/passwd and /etc/group text without NSS.
 *
 * Everything works on (pointer, length) spans into the caller's buffers,
 * so lines of any length cost nothing and nothing is copied except the
 * home directory. The buffers come from files an image author controls,
 * so every byte is treated as hostile: no NUL termination is assumed and
 * a line that does not parse is skipped rather than trusted. Semantics
 * are documented in userdb.h; the set*id calls are left to the caller.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "err.h"
#include "userdb.h"

/* (uid_t)-1 is "no change" to setresuid() and chown(), so never an id. */
#define ID_MAX		4294967294U

#define PW_FIELDS	7	/* name:passwd:uid:gid:gecos:dir:shell */
#define GR_FIELDS	4	/* name:passwd:gid:member,member,... */

struct span {
	const char	*p;	/* NULL once a span_cut() walk is exhausted */
	size_t		 len;
};

/* A passwd or group line: gid, home for passwd; members for group. */
struct db_entry {
	struct span	name;
	struct span	rest;	/* passwd: the home; group: the member list */
	uint32_t	id;	/* passwd: the uid; group: the gid */
	uint32_t	gid;	/* passwd only */
};

/* What the user typed, and the id it stands for if it is all digits. */
struct key {
	struct span	 name;
	bool		 numeric;
	uint32_t	 id;
};

/*
 * Cut the next sep-terminated token off the front of *rest. A trailing
 * separator yields one last empty token, which every caller already has
 * to treat as blank, so the last line needs no newline.
 */
static bool
span_cut(struct span *rest, char sep, struct span *ret_tok)
{
	const char *hit;

	if (rest->p == NULL)
		return false;
	ret_tok->p = rest->p;
	hit = memchr(rest->p, sep, rest->len);
	if (hit == NULL) {
		ret_tok->len = rest->len;
		rest->p = NULL;
		rest->len = 0;
		return true;
	}
	ret_tok->len = (size_t)(hit - rest->p);
	rest->len -= ret_tok->len + 1;
	rest->p = hit + 1;
	return true;
}

/* Byte by byte: a span may hold a NUL, and memcmp() is one more import. */
static bool
span_eq(struct span a, struct span b)
{
	size_t i;

	if (a.len != b.len)
		return false;
	for (i = 0; i < a.len; i++)
		if (a.p[i] != b.p[i])
			return false;
	return true;
}

/*
 * Digits only: strtoul would take "-1", " 5" and "0x10", and "-1" is
 * exactly the id that must never reach setuid().
 * Returns 0, -EINVAL if s is not all digits, -ERANGE if above ID_MAX.
 */
static int
parse_id(const char *s, size_t len, uint32_t *ret_id)
{
	uint64_t v = 0;
	size_t i;
	int r = len ? 0 : -EINVAL;

	/* A byte that is not a digit wins over the range, wherever it is. */
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -EINVAL;
		if ((v = v * 10 + (uint64_t)(s[i] - '0')) > ID_MAX) {
			r = -ERANGE;
			v = ID_MAX;
		}
	}
	*ret_id = (uint32_t)v;
	return r;
}

/* Returns the number of ':' fields in line, or max + 1 if there are more. */
static size_t
split_fields(struct span line, struct span *ret_fields, size_t max)
{
	struct span rest = line, tok;
	size_t n = 0;

	while (n <= max && span_cut(&rest, ':', &tok)) {
		if (n < max)
			ret_fields[n] = tok;
		n++;
	}
	return n;
}

/*
 * The next line of rest that parses, as a passwd line (pw) or a group one.
 * A home with a NUL would silently shorten when handed on as a C string.
 */
static bool
db_next(struct span *rest, bool pw, struct db_entry *ret)
{
	struct span line, f[PW_FIELDS];
	size_t nf = pw ? PW_FIELDS : GR_FIELDS;

	while (span_cut(rest, '\n', &line)) {
		if (line.len == 0 || line.p[0] == '#' ||
		    split_fields(line, f, nf) != nf || f[0].len == 0 ||
		    parse_id(f[2].p, f[2].len, &ret->id) != 0)
			continue;
		if (pw && (parse_id(f[3].p, f[3].len, &ret->gid) != 0 ||
		    memchr(f[5].p, '\0', f[5].len) != NULL))
			continue;
		ret->name = f[0];
		ret->rest = f[pw ? 5 : 3];
		return true;
	}
	return false;
}

/*
 * First match wins, as with getpwnam()/getpwuid() on a files database;
 * a group is looked up by name only.
 */
static bool
db_find(const char *text, size_t len, bool pw, const struct key *k,
    struct db_entry *ret)
{
	struct span rest = { text, len };

	while (db_next(&rest, pw, ret))
		if (k->numeric ? ret->id == k->id : span_eq(ret->name, k->name))
			return true;
	return false;
}

static bool
gr_has_member(struct span members, struct span name)
{
	struct span rest = members, m;

	while (span_cut(&rest, ',', &m))
		if (span_eq(m, name))
			return true;
	return false;
}

/* what is "user" or "group"; idname is "uid" or "gid", for the message. */
static int
key_parse(const char *what, const char *idname, const char *name,
    struct key *ret_key, struct tend_err *err)
{
	int r;

	ret_key->name = (struct span){ name, strlen(name) };
	ret_key->numeric = false;
	ret_key->id = 0;
	r = parse_id(name, ret_key->name.len, &ret_key->id);
	if (r == -ERANGE)
		return err_set(err, "%s \"%s\": %s out of range (0..%u)",
		    what, name, idname, ID_MAX);
	ret_key->numeric = r == 0;
	return 0;
}

static int
not_found(const char *what, const char *name, const char *file,
    const char *text, struct tend_err *err)
{
	(void)err_set(err, text == NULL ? "%s \"%s\": no such %s (no %s)" :
	    "%s \"%s\": no such %s in %s", what, name, what, file);
	return -ENOENT;
}

/* Truncating HOME would point the app at some other directory. */
static int
ids_set_home(struct user_ids *ids, const char *user, struct span home,
    struct tend_err *err)
{
	if (home.len == 0)
		return 0;
	if (home.len >= sizeof(ids->home))
		return err_set(err, "user \"%s\": home directory in /etc/passwd "
		    "is longer than %zu bytes", user, sizeof(ids->home) - 1);
	memcpy(ids->home, home.p, home.len);
	ids->home[home.len] = '\0';
	ids->has_home = true;
	return 0;
}

/*
 * USER (pw) or GROUP (!pw). A user sets uid, gid and home, and *ret_name
 * is its entry's name for the group scan, or p == NULL for a numeric uid
 * without an entry. A group sets gid; a numeric GROUP needs no entry:
 * runc's lookup would give the same gid.
 */
static int
resolve_name(bool pw, const char *name, const char *text, size_t len,
    struct user_ids *out, struct span *ret_name, struct tend_err *err)
{
	const char *what = pw ? "user" : "group";
	struct db_entry e;	/* set by db_find(), or below */
	struct key k;
	int r;

	e.gid = 0;		/* db_next() sets it for passwd lines only */

	if ((r = key_parse(what, pw ? "uid" : "gid", name, &k, err)) != 0)
		return r;
	if ((!pw && k.numeric) || !db_find(text, len, pw, &k, &e)) {
		if (!k.numeric)
			return not_found(what, name, pw ? "/etc/passwd" :
			    "/etc/group", text, err);
		e = (struct db_entry){ { NULL, 0 }, { NULL, 0 }, k.id, 0 };
	}
	if (!pw) {
		out->gid = e.id;
		return 0;
	}
	out->uid = e.id;
	out->gid = e.gid;
	*ret_name = e.name;
	return ids_set_home(out, name, e.rest, err);
}

/* Returns false when the list is full and gid is not already in it. */
static bool
ids_add_group(struct user_ids *ids, gid_t gid)
{
	size_t i;

	for (i = 0; i < ids->ngroups; i++)
		if (ids->groups[i] == gid)
			return true;
	if (ids->ngroups == USERDB_GROUPS_MAX)
		return false;
	ids->groups[ids->ngroups++] = gid;
	return true;
}

/* The list as initgroups(3) builds it: primary gid first, then members. */
static int
collect_groups(const char *user, struct span name, const char *text,
    size_t len, struct user_ids *out, struct tend_err *err)
{
	struct span rest = { text, len };
	struct db_entry gr;

	out->groups[0] = out->gid;
	out->ngroups = 1;
	while (db_next(&rest, false, &gr)) {
		if (!gr_has_member(gr.rest, name))
			continue;
		if (!ids_add_group(out, gr.id))
			return err_set(err, "user \"%s\": member of more than %d "
			    "groups in /etc/group", user, USERDB_GROUPS_MAX);
	}
	return 0;
}

/* Names are echoed in error messages, which must stay on one line. */
static bool
has_control(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return true;
	return false;
}

/* What userdb_parse_spec() guarantees, for specs built by hand. */
static bool
spec_name_is_sane(const char *name, size_t size)
{
	size_t i;

	for (i = 0; i < size && name[i] != '\0'; i++)
		if (name[i] == ':' || (unsigned char)name[i] < 0x20 ||
		    name[i] == 0x7f)
			return false;
	return i > 0 && i < size;
}

static bool
spec_is_sane(const struct user_spec *spec)
{
	return spec_name_is_sane(spec->user, sizeof(spec->user)) &&
	    (!spec->has_group ||
	    spec_name_is_sane(spec->group, sizeof(spec->group)));
}

/* Copy one part of spec s into dst; what is "user" or "group". */
static int
spec_copy_part(const char *s, const char *what, const char *part,
    size_t len, char *dst, size_t dstsize, struct tend_err *err)
{
	if (len == 0)
		return err_set(err, "user spec \"%s\": empty %s name", s, what);
	if (len >= dstsize)
		return err_set(err, "user spec \"%s\": %s name longer than "
		    "%zu bytes", s, what, dstsize - 1);
	memcpy(dst, part, len);
	dst[len] = '\0';
	return 0;
}

int
userdb_parse_spec(const char *s, struct user_spec *out, struct tend_err *err)
{
	const char *part = s;
	char *dst;
	size_t len;
	int r;

	memset(out, 0, sizeof(*out));
	dst = out->user;
	if (has_control(s))
		return err_set(err, "user spec: control character in "
		    "USER[:GROUP]");
	/* USER, then GROUP after the ':' if there is one. */
	for (;;) {
		len = strcspn(part, ":");
		if (dst == out->group && part[len] != '\0') {
			r = err_set(err, "user spec \"%s\": more than one ':' "
			    "(want USER[:GROUP])", s);
			break;
		}
		r = spec_copy_part(s, dst == out->user ? "user" : "group",
		    part, len, dst, USERDB_NAME_SIZE, err);
		if (r != 0 || part[len] == '\0')
			break;
		out->has_group = true;
		part += len + 1;
		dst = out->group;
	}
	if (r != 0)
		memset(out, 0, sizeof(*out));
	return r;
}

int
userdb_resolve(const struct user_spec *spec, const char *passwd,
    size_t passwd_len, const char *group, size_t group_len,
    struct user_ids *out, struct tend_err *err)
{
	struct span name;
	int r;

	memset(out, 0, sizeof(*out));
	out->home[0] = '/';
	if (!spec_is_sane(spec))
		return err_set(err, "user spec: empty, unterminated, or "
		    "containing ':' or a control character");
	r = resolve_name(true, spec->user, passwd, passwd_len, out, &name, err);
	if (r != 0)
		return r;
	if (spec->has_group)
		return resolve_name(false, spec->group, group, group_len, out,
		    &name, err);
	if (name.p == NULL)
		return 0;
	return collect_groups(spec->user, name, group, group_len, out, err);
}
