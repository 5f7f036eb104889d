/* SPDX-License-Identifier: MIT */
/*
 * test_userdb.c - unit tests for userdb.c: "USER[:GROUP]" parsing and
 * resolution against /etc/passwd and /etc/group text.
 *
 * Table rows each run as their own named cmocka test, so a failure names
 * the behaviour that broke. File contents are copied into exact-size heap
 * blocks without a NUL so that ASan catches any read past the length the
 * module was given. The set*id calls themselves are tested elsewhere.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "err.h"
#include "userdb.h"

#define A16	"aaaaaaaaaaaaaaaa"
#define A63	A16 A16 A16 "aaaaaaaaaaaaaaa"
#define A64	A16 A16 A16 A16

static const char PASSWD[] =
	"root:x:0:0:root:/root:/bin/sh\n"
	"daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
	"bob:x:1000:1000:Bob:/home/bob:/bin/sh\n"
	"alice:x:1001:1001::/home/alice:/bin/sh\n"
	"nohome:x:1002:1002:::/bin/sh\n";

static const char GROUP[] =
	"root:x:0:\n"
	"bob:x:1000:\n"
	"alice:x:1001:\n"
	"wheel:x:10:bob,alice\n"
	"audio:x:29:alice\n"
	"video:x:44:bob\n"
	"nohome:x:1002:\n";

/* Room for the generated files of the long-line and many-group tests. */
static char	big[1 << 20];
static size_t	big_len;

/* ---- helpers ---------------------------------------------------------- */

static void	big_addf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void
big_addf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(big + big_len, sizeof(big) - big_len, fmt, ap);
	va_end(ap);
	assert_true(n >= 0 && (size_t)n < sizeof(big) - big_len);
	big_len += (size_t)n;
}

static void
big_add_repeat(char c, size_t n)
{
	assert_true(n < sizeof(big) - big_len);
	memset(big + big_len, c, n);
	big_len += n;
	big[big_len] = '\0';
}

static void
big_reset(void)
{
	big_len = 0;
	big[0] = '\0';
}

/* NULL stays NULL: it means "file missing" to userdb_resolve(). */
static char *
dup_exact(const char *s, size_t len)
{
	char *p;

	if (s == NULL)
		return NULL;
	p = malloc(len > 0 ? len : 1);
	assert_non_null(p);
	memcpy(p, s, len);
	return p;
}

static int
resolve_buf(const char *spec, const char *pw, size_t pw_len, const char *gr,
    size_t gr_len, struct user_ids *out, struct tend_err *err)
{
	struct user_spec us;
	char *p, *g;
	int r;

	assert_int_equal(userdb_parse_spec(spec, &us, err), 0);
	p = dup_exact(pw, pw_len);
	g = dup_exact(gr, gr_len);
	r = userdb_resolve(&us, p, pw_len, g, gr_len, out, err);
	free(p);
	free(g);
	return r;
}

static int
resolve_str(const char *spec, const char *pw, const char *gr,
    struct user_ids *out, struct tend_err *err)
{
	return resolve_buf(spec, pw, pw != NULL ? strlen(pw) : 0,
	    gr, gr != NULL ? strlen(gr) : 0, out, err);
}

static void
assert_groups(const struct user_ids *ids, const gid_t *want, size_t n)
{
	size_t i;

	assert_int_equal(ids->ngroups, n);
	for (i = 0; i < n; i++)
		assert_int_equal(ids->groups[i], want[i]);
}

/* ---- table: userdb_parse_spec accepts --------------------------------- */

struct spec_ok_case {
	const char	*name;
	const char	*spec;
	const char	*user;
	const char	*group;		/* NULL: no group part */
};

static const struct spec_ok_case spec_ok_cases[] = {
	{ "spec: a bare user name has no group", "bob", "bob", NULL },
	{ "spec: USER:GROUP splits at the colon", "bob:wheel", "bob", "wheel" },
	{ "spec: numeric user and group are kept as text", "1000:1000",
	    "1000", "1000" },
	{ "spec: a 63-byte user name fits", A63, A63, NULL },
	{ "spec: a 63-byte group name fits", "bob:" A63, "bob", A63 },
};

static void
run_spec_ok(void **state)
{
	const struct spec_ok_case *c = *state;
	struct tend_err err = { "" };
	struct user_spec s;

	assert_int_equal(userdb_parse_spec(c->spec, &s, &err), 0);
	assert_string_equal(s.user, c->user);
	assert_int_equal(s.has_group, c->group != NULL);
	assert_string_equal(s.group, c->group != NULL ? c->group : "");
}

/* ---- table: userdb_parse_spec rejects --------------------------------- */

struct spec_err_case {
	const char	*name;
	const char	*spec;
	const char	*msg;
};

static const struct spec_err_case spec_err_cases[] = {
	{ "spec: an empty spec is an error", "",
	    "user spec \"\": empty user name" },
	{ "spec: an empty user before the colon is an error", ":wheel",
	    "user spec \":wheel\": empty user name" },
	{ "spec: a lone colon is an error", ":",
	    "user spec \":\": empty user name" },
	{ "spec: an empty group after the colon is an error", "bob:",
	    "user spec \"bob:\": empty group name" },
	{ "spec: a second colon is an error", "a:b:c",
	    "user spec \"a:b:c\": more than one ':' (want USER[:GROUP])" },
	{ "spec: a doubled colon is an error", "bob::",
	    "user spec \"bob::\": more than one ':' (want USER[:GROUP])" },
	{ "spec: a 64-byte user name is an error", A64,
	    "user spec \"" A64 "\": user name longer than 63 bytes" },
	{ "spec: a newline in the user name is an error", "bob\nroot",
	    "user spec: control character in USER[:GROUP]" },
	{ "spec: an escape in the group name is an error", "bob:\033[2J",
	    "user spec: control character in USER[:GROUP]" },
	{ "spec: a DEL byte is an error", "bob\177",
	    "user spec: control character in USER[:GROUP]" },
	{ "spec: a control character after a second colon is an error",
	    "a:b:\n", "user spec: control character in USER[:GROUP]" },
	{ "spec: a 64-byte group name is an error", "bob:" A64,
	    "user spec \"bob:" A64 "\": group name longer than 63 bytes" },
};

static void
run_spec_err(void **state)
{
	const struct spec_err_case *c = *state;
	struct tend_err err = { "" };
	struct user_spec s;

	assert_int_equal(userdb_parse_spec(c->spec, &s, &err), -EINVAL);
	assert_string_equal(err.msg, c->msg);
	assert_string_equal(s.user, "");
	assert_false(s.has_group);
}

/* ---- table: userdb_resolve succeeds ------------------------------------ */

struct resolve_ok_case {
	const char	*name;
	const char	*spec;
	const char	*passwd;	/* NULL: no /etc/passwd */
	const char	*group;		/* NULL: no /etc/group */
	uid_t		 uid;
	gid_t		 gid;
	const char	*home;
	bool		 has_home;
	size_t		 ngroups;
	gid_t		 groups[4];
};

static const struct resolve_ok_case resolve_ok_cases[] = {
	{ "resolve: a user name gets its entry's ids, home and groups",
	    "bob", PASSWD, GROUP, 1000, 1000, "/home/bob", true,
	    3, { 1000, 10, 44 } },
	{ "resolve: a numeric uid with an entry behaves like its name",
	    "1000", PASSWD, GROUP, 1000, 1000, "/home/bob", true,
	    3, { 1000, 10, 44 } },
	{ "resolve: a numeric uid with leading zeros is the same uid",
	    "01000", PASSWD, GROUP, 1000, 1000, "/home/bob", true,
	    3, { 1000, 10, 44 } },
	{ "resolve: root by name gets only its primary group",
	    "root", PASSWD, GROUP, 0, 0, "/root", true, 1, { 0 } },
	{ "resolve: a numeric uid without an entry gets gid 0, home / and "
	    "no groups", "4242", PASSWD, GROUP, 4242, 0, "/", false, 0, { 0 } },
	{ "resolve: a numeric uid works with no passwd and no group file",
	    "4242", NULL, NULL, 4242, 0, "/", false, 0, { 0 } },
	{ "resolve: uid 4294967294 is the highest accepted",
	    "4294967294", NULL, NULL, 4294967294U, 0, "/", false, 0, { 0 } },
	{ "resolve: a group name sets the gid and clears supplementary groups",
	    "bob:audio", PASSWD, GROUP, 1000, 29, "/home/bob", true, 0, { 0 } },
	{ "resolve: a numeric group needs no group entry",
	    "bob:4343", PASSWD, GROUP, 1000, 4343, "/home/bob", true, 0, { 0 } },
	{ "resolve: a numeric group with an entry uses that gid",
	    "bob:10", PASSWD, GROUP, 1000, 10, "/home/bob", true, 0, { 0 } },
	{ "resolve: gid 4294967294 is the highest accepted",
	    "bob:4294967294", PASSWD, NULL, 1000, 4294967294U, "/home/bob",
	    true, 0, { 0 } },
	{ "resolve: numeric uid and gid work with no files at all",
	    "4242:4343", NULL, NULL, 4242, 4343, "/", false, 0, { 0 } },
	{ "resolve: a numeric uid without an entry can take a group name",
	    "4242:wheel", PASSWD, GROUP, 4242, 10, "/", false, 0, { 0 } },
	{ "resolve: an empty home field falls back to /",
	    "nohome", PASSWD, GROUP, 1002, 1002, "/", false, 1, { 1002 } },
	{ "resolve: no group file leaves only the primary group",
	    "bob", PASSWD, NULL, 1000, 1000, "/home/bob", true, 1, { 1000 } },
	{ "resolve: an empty group file leaves only the primary group",
	    "bob", PASSWD, "", 1000, 1000, "/home/bob", true, 1, { 1000 } },
};

static void
run_resolve_ok(void **state)
{
	const struct resolve_ok_case *c = *state;
	struct tend_err err = { "" };
	struct user_ids ids;

	assert_int_equal(resolve_str(c->spec, c->passwd, c->group, &ids,
	    &err), 0);
	assert_int_equal(ids.uid, c->uid);
	assert_int_equal(ids.gid, c->gid);
	assert_string_equal(ids.home, c->home);
	assert_int_equal(ids.has_home, c->has_home);
	assert_groups(&ids, c->groups, c->ngroups);
}

/* ---- table: userdb_resolve fails --------------------------------------- */

struct resolve_err_case {
	const char	*name;
	const char	*spec;
	const char	*passwd;
	const char	*group;
	int		 rc;
	const char	*msg;
};

static const struct resolve_err_case resolve_err_cases[] = {
	{ "resolve: an unknown user name is ENOENT naming the file",
	    "nobody", PASSWD, GROUP, -ENOENT,
	    "user \"nobody\": no such user in /etc/passwd" },
	{ "resolve: a user name without a passwd file says the file is missing",
	    "bob", NULL, GROUP, -ENOENT,
	    "user \"bob\": no such user (no /etc/passwd)" },
	{ "resolve: a user name in an empty passwd file is ENOENT",
	    "bob", "", GROUP, -ENOENT,
	    "user \"bob\": no such user in /etc/passwd" },
	{ "resolve: an unknown group name is ENOENT naming the group",
	    "bob:staff", PASSWD, GROUP, -ENOENT,
	    "group \"staff\": no such group in /etc/group" },
	{ "resolve: a group name without a group file says the file is missing",
	    "bob:wheel", PASSWD, NULL, -ENOENT,
	    "group \"wheel\": no such group (no /etc/group)" },
	{ "resolve: an unknown user is reported before an unknown group",
	    "nobody:staff", PASSWD, GROUP, -ENOENT,
	    "user \"nobody\": no such user in /etc/passwd" },
	{ "resolve: uid 4294967295 is rejected because it means no change",
	    "4294967295", NULL, NULL, -EINVAL,
	    "user \"4294967295\": uid out of range (0..4294967294)" },
	{ "resolve: a uid past 32 bits is rejected, not wrapped",
	    "4294968296", PASSWD, GROUP, -EINVAL,
	    "user \"4294968296\": uid out of range (0..4294967294)" },
	{ "resolve: a uid past 64 bits is rejected",
	    "99999999999999999999999", NULL, NULL, -EINVAL,
	    "user \"99999999999999999999999\": uid out of range (0..4294967294)" },
	{ "resolve: gid 4294967295 is rejected because it means no change",
	    "bob:4294967295", PASSWD, GROUP, -EINVAL,
	    "group \"4294967295\": gid out of range (0..4294967294)" },
	{ "resolve: a signed uid is a name, not an id",
	    "-1", PASSWD, GROUP, -ENOENT,
	    "user \"-1\": no such user in /etc/passwd" },
	{ "resolve: a hex uid is a name, not an id",
	    "0x3e8", PASSWD, GROUP, -ENOENT,
	    "user \"0x3e8\": no such user in /etc/passwd" },
};

static void
run_resolve_err(void **state)
{
	const struct resolve_err_case *c = *state;
	struct tend_err err = { "" };
	struct user_ids ids;

	assert_int_equal(resolve_str(c->spec, c->passwd, c->group, &ids,
	    &err), c->rc);
	assert_string_equal(err.msg, c->msg);
}

/* ---- table: malformed passwd lines are skipped -------------------------- */

/*
 * Each line would match the spec if it were accepted; it sits before the
 * real entry, so a parser that took it would return its gid 7 or /bad.
 */
struct bad_line_case {
	const char	*name;
	const char	*spec;
	const char	*line;
	size_t		 len;
};

#define BAD(name, spec, lit)	{ name, spec, lit, sizeof(lit) - 1 }

static const struct bad_line_case bad_pw_cases[] = {
	BAD("passwd: a line with six fields is skipped", "bob",
	    "bob:x:1000:7::/bad\n"),
	BAD("passwd: a line with eight fields is skipped", "bob",
	    "bob:x:1000:7::/bad:/bin/sh:extra\n"),
	BAD("passwd: a non-numeric uid is skipped", "bob",
	    "bob:x:seven:7::/bad:/bin/sh\n"),
	BAD("passwd: a non-numeric gid is skipped", "bob",
	    "bob:x:1000:seven::/bad:/bin/sh\n"),
	BAD("passwd: an empty uid is skipped", "bob",
	    "bob:x::7::/bad:/bin/sh\n"),
	BAD("passwd: a negative uid is skipped", "bob",
	    "bob:x:-1:7::/bad:/bin/sh\n"),
	BAD("passwd: a uid with a plus sign is skipped", "bob",
	    "bob:x:+1000:7::/bad:/bin/sh\n"),
	BAD("passwd: a uid with a trailing space is skipped", "bob",
	    "bob:x:1000 :7::/bad:/bin/sh\n"),
	BAD("passwd: uid 4294967295 is skipped", "bob",
	    "bob:x:4294967295:7::/bad:/bin/sh\n"),
	BAD("passwd: a uid that would wrap to the wanted one is skipped",
	    "1000", "bob:x:4294968296:7::/bad:/bin/sh\n"),
	BAD("passwd: a gid past 32 bits is skipped", "bob",
	    "bob:x:1000:4294967303::/bad:/bin/sh\n"),
	BAD("passwd: a comment line is skipped", "1000",
	    "#bob:x:1000:7::/bad:/bin/sh\n"),
	BAD("passwd: a line with an empty name is skipped", "1000",
	    ":x:1000:7::/bad:/bin/sh\n"),
	BAD("passwd: blank lines are skipped", "bob", "\n\n\n"),
	BAD("passwd: a home containing a NUL byte is skipped", "bob",
	    "bob:x:1000:7::/bad\0dir:/bin/sh\n"),
	BAD("passwd: a name containing a NUL byte does not match", "bob",
	    "bob\0:x:1000:7::/bad:/bin/sh\n"),
};

static void
run_bad_pw(void **state)
{
	const struct bad_line_case *c = *state;
	struct tend_err err = { "" };
	struct user_ids ids;

	big_reset();
	memcpy(big, c->line, c->len);
	big_len = c->len;
	big_addf("%s", PASSWD);
	assert_int_equal(resolve_buf(c->spec, big, big_len, GROUP,
	    strlen(GROUP), &ids, &err), 0);
	assert_int_equal(ids.uid, 1000);
	assert_int_equal(ids.gid, 1000);
	assert_string_equal(ids.home, "/home/bob");
}

/* ---- table: malformed group lines are skipped --------------------------- */

static const struct bad_line_case bad_gr_cases[] = {
	BAD("group: a line with five fields is skipped", "bob",
	    "staff:x:77:bob:extra\n"),
	BAD("group: a line with three fields is skipped", "bob",
	    "staff:x:77\n"),
	BAD("group: a non-numeric gid is skipped", "bob",
	    "staff:x:abc:bob\n"),
	BAD("group: an empty gid is skipped", "bob", "staff:x::bob\n"),
	BAD("group: gid 4294967295 is skipped", "bob",
	    "staff:x:4294967295:bob\n"),
	BAD("group: a gid past 64 bits is skipped", "bob",
	    "staff:x:99999999999999999999999:bob\n"),
	BAD("group: a comment line is skipped", "bob", "#staff:x:77:bob\n"),
	BAD("group: a line with an empty name is skipped", "bob",
	    ":x:77:bob\n"),
	BAD("group: blank lines are skipped", "bob", "\n\n"),
	BAD("group: a member with a trailing space does not match", "bob",
	    "staff:x:77:bob \n"),
	BAD("group: a longer member name does not match", "bob",
	    "staff:x:77:bobby,alice\n"),
	BAD("group: a prefix of the member name does not match", "bob",
	    "staff:x:77:bo,b\n"),
	BAD("group: a member containing a NUL byte does not match", "bob",
	    "staff:x:77:bob\0\n"),
};

static void
run_bad_gr(void **state)
{
	static const gid_t want[] = { 1000, 10 };
	const struct bad_line_case *c = *state;
	struct tend_err err = { "" };
	struct user_ids ids;

	big_reset();
	memcpy(big, c->line, c->len);
	big_len = c->len;
	big_addf("wheel:x:10:bob\n");
	assert_int_equal(resolve_buf(c->spec, PASSWD, strlen(PASSWD), big,
	    big_len, &ids, &err), 0);
	assert_groups(&ids, want, 2);
}

/* ---- single behaviours ------------------------------------------------- */

static void
test_first_passwd_entry_wins_for_a_duplicated_name(void **state)
{
	struct tend_err err = { "" };
	struct user_ids ids;

	(void)state;
	assert_int_equal(resolve_str("bob",
	    "bob:x:1000:1000::/first:/bin/sh\n"
	    "bob:x:2000:2000::/second:/bin/sh\n", NULL, &ids, &err), 0);
	assert_int_equal(ids.uid, 1000);
	assert_string_equal(ids.home, "/first");
}

static void
test_first_passwd_entry_wins_for_a_duplicated_uid(void **state)
{
	static const gid_t want[] = { 1000, 10 };
	struct tend_err err = { "" };
	struct user_ids ids;

	(void)state;
	assert_int_equal(resolve_str("1000",
	    "bob:x:1000:1000::/home/bob:/bin/sh\n"
	    "toor:x:1000:1000::/root:/bin/sh\n",
	    "wheel:x:10:bob\nstaff:x:50:toor\n", &ids, &err), 0);
	assert_string_equal(ids.home, "/home/bob");
	assert_groups(&ids, want, 2);
}

static void
test_first_group_entry_wins_for_a_duplicated_group_name(void **state)
{
	struct tend_err err = { "" };
	struct user_ids ids;

	(void)state;
	assert_int_equal(resolve_str("bob:wheel", PASSWD,
	    "wheel:x:10:\nwheel:x:11:\n", &ids, &err), 0);
	assert_int_equal(ids.gid, 10);
}

static void
test_duplicate_group_lines_list_the_gid_once(void **state)
{
	static const gid_t want[] = { 1000, 10 };
	struct tend_err err = { "" };
	struct user_ids ids;

	(void)state;
	assert_int_equal(resolve_str("bob", PASSWD,
	    "wheel:x:10:bob\nwheel:x:10:bob\nadmins:x:10:bob\n", &ids, &err),
	    0);
	assert_groups(&ids, want, 2);
}

static void
test_primary_group_naming_the_user_is_not_repeated(void **state)
{
	static const gid_t want[] = { 1000, 10 };
	struct tend_err err = { "" };
	struct user_ids ids;

	(void)state;
	assert_int_equal(resolve_str("bob", PASSWD,
	    "wheel:x:10:bob\nbob:x:1000:bob\n", &ids, &err), 0);
	assert_groups(&ids, want, 2);
}

static void
test_user_named_twice_in_one_member_list_is_listed_once(void **state)
{
	static const gid_t want[] = { 1000, 10 };
	struct tend_err err = { "" };
	struct user_ids ids;

	(void)state;
	assert_int_equal(resolve_str("bob", PASSWD, "wheel:x:10:bob,bob\n",
	    &ids, &err), 0);
	assert_groups(&ids, want, 2);
}

static void
test_groups_follow_group_file_order_after_the_primary(void **state)
{
	static const gid_t want[] = { 1000, 44, 10, 29 };
	struct tend_err err = { "" };
	struct user_ids ids;

	(void)state;
	assert_int_equal(resolve_str("bob", PASSWD,
	    "video:x:44:bob\nwheel:x:10:alice,bob\naudio:x:29:bob,alice\n",
	    &ids, &err), 0);
	assert_groups(&ids, want, 4);
}

static void
test_last_passwd_line_without_newline_is_read(void **state)
{
	struct tend_err err = { "" };
	struct user_ids ids;

	(void)state;
	assert_int_equal(resolve_str("bob",
	    "root:x:0:0::/root:/bin/sh\nbob:x:1000:1000::/home/bob:/bin/sh",
	    NULL, &ids, &err), 0);
	assert_int_equal(ids.uid, 1000);
	assert_string_equal(ids.home, "/home/bob");
}

static void
test_last_group_line_without_newline_is_read(void **state)
{
	static const gid_t want[] = { 1000, 10 };
	struct tend_err err = { "" };
	struct user_ids ids;

	(void)state;
	assert_int_equal(resolve_str("bob", PASSWD, "root:x:0:\nwheel:x:10:bob",
	    &ids, &err), 0);
	assert_groups(&ids, want, 2);
}

static void
test_bytes_past_the_given_length_are_ignored(void **state)
{
	static const char pw[] = "eve:x:1:1::/e:/bin/sh\n"
	    "bob:x:1000:1000::/home/bob:/bin/sh\n";
	struct tend_err err = { "" };
	struct user_ids ids;

	(void)state;
	assert_int_equal(resolve_buf("bob", pw, strlen("eve:x:1:1::/e:/bin/sh\n"),
	    NULL, 0, &ids, &err), -ENOENT);
	assert_string_equal(err.msg,
	    "user \"bob\": no such user in /etc/passwd");
}

static void
test_very_long_passwd_lines_are_parsed_or_skipped_whole(void **state)
{
	struct tend_err err = { "" };
	struct user_ids ids;

	(void)state;
	big_reset();
	big_addf("eve:x:1:1:");
	big_add_repeat('g', 200000);
	big_addf(":/e:/bin/sh\nmallory:x:2:2:");
	big_add_repeat(':', 100000);
	big_addf("\nbob:x:1000:1000:");
	big_add_repeat('g', 200000);
	big_addf(":/home/bob:/bin/sh\n");
	assert_int_equal(resolve_buf("bob", big, big_len, NULL, 0, &ids, &err),
	    0);
	assert_int_equal(ids.uid, 1000);
	assert_string_equal(ids.home, "/home/bob");
}

static void
test_user_at_the_end_of_a_very_long_member_list_is_found(void **state)
{
	static const gid_t want[] = { 1000, 10 };
	struct tend_err err = { "" };
	struct user_ids ids;
	int i;

	(void)state;
	big_reset();
	big_addf("wheel:x:10:");
	for (i = 0; i < 20000; i++)
		big_addf("user%d,", i);
	big_addf("bob\n");
	assert_int_equal(resolve_buf("bob", PASSWD, strlen(PASSWD), big,
	    big_len, &ids, &err), 0);
	assert_groups(&ids, want, 2);
}

static void
build_home_passwd(size_t home_len)
{
	big_reset();
	big_addf("bob:x:1000:1000::/");
	big_add_repeat('h', home_len - 1);
	big_addf(":/bin/sh\n");
}

static void
test_home_of_511_bytes_is_kept_whole(void **state)
{
	struct tend_err err = { "" };
	struct user_ids ids;

	(void)state;
	build_home_passwd(511);
	assert_int_equal(resolve_buf("bob", big, big_len, NULL, 0, &ids, &err),
	    0);
	assert_int_equal(strlen(ids.home), 511);
	assert_true(ids.has_home);
}

static void
test_home_of_512_bytes_is_an_error_naming_the_user(void **state)
{
	struct tend_err err = { "" };
	struct user_ids ids;

	(void)state;
	build_home_passwd(512);
	assert_int_equal(resolve_buf("bob", big, big_len, NULL, 0, &ids, &err),
	    -EINVAL);
	assert_string_equal(err.msg, "user \"bob\": home directory in "
	    "/etc/passwd is longer than 511 bytes");
}

static void
build_many_groups(int n)
{
	int i;

	big_reset();
	for (i = 0; i < n; i++)
		big_addf("g%d:x:%d:alice,bob\n", i, 2000 + i);
}

static void
test_user_in_63_groups_plus_primary_fills_the_list(void **state)
{
	struct tend_err err = { "" };
	struct user_ids ids;
	size_t i;

	(void)state;
	build_many_groups(USERDB_GROUPS_MAX - 1);
	assert_int_equal(resolve_buf("bob", PASSWD, strlen(PASSWD), big,
	    big_len, &ids, &err), 0);
	assert_int_equal(ids.ngroups, USERDB_GROUPS_MAX);
	assert_int_equal(ids.groups[0], 1000);
	for (i = 1; i < ids.ngroups; i++)
		assert_int_equal(ids.groups[i], 2000 + i - 1);
}

static void
test_user_in_64_groups_plus_primary_is_an_error_naming_the_user(void **state)
{
	struct tend_err err = { "" };
	struct user_ids ids;

	(void)state;
	build_many_groups(USERDB_GROUPS_MAX);
	assert_int_equal(resolve_buf("bob", PASSWD, strlen(PASSWD), big,
	    big_len, &ids, &err), -EINVAL);
	assert_string_equal(err.msg,
	    "user \"bob\": member of more than 64 groups in /etc/group");
}

static void
test_repeated_groups_do_not_count_toward_the_cap(void **state)
{
	static const gid_t want[] = { 1000, 10 };
	struct tend_err err = { "" };
	struct user_ids ids;
	int i;

	(void)state;
	big_reset();
	for (i = 0; i < 500; i++)
		big_addf("wheel%d:x:10:bob\n", i);
	assert_int_equal(resolve_buf("bob", PASSWD, strlen(PASSWD), big,
	    big_len, &ids, &err), 0);
	assert_groups(&ids, want, 2);
}

static void
test_numeric_uid_without_entry_ignores_groups_naming_its_number(void **state)
{
	struct tend_err err = { "" };
	struct user_ids ids;

	(void)state;
	assert_int_equal(resolve_str("4242", PASSWD, "wheel:x:10:4242\n",
	    &ids, &err), 0);
	assert_int_equal(ids.ngroups, 0);
}

static void
test_resolve_rejects_a_hand_built_spec_without_terminator(void **state)
{
	struct tend_err err = { "" };
	struct user_spec s;
	struct user_ids ids;

	(void)state;
	memset(&s, 'a', sizeof(s));
	s.has_group = false;
	assert_int_equal(userdb_resolve(&s, PASSWD, strlen(PASSWD), NULL, 0,
	    &ids, &err), -EINVAL);
	assert_string_equal(err.msg, "user spec: empty, unterminated, or "
	    "containing ':' or a control character");
}

static void
test_resolve_rejects_a_hand_built_spec_with_a_control_character(void **state)
{
	struct tend_err err = { "" };
	struct user_spec s = { "bob", "whe\nel", true };
	struct user_ids ids;

	(void)state;
	assert_int_equal(userdb_resolve(&s, PASSWD, strlen(PASSWD), GROUP,
	    strlen(GROUP), &ids, &err), -EINVAL);
	assert_null(strchr(err.msg, '\n'));
}

static void
test_resolve_tolerates_a_null_err(void **state)
{
	struct user_spec s;
	struct user_ids ids;

	(void)state;
	assert_int_equal(userdb_parse_spec("nobody", &s, NULL), 0);
	assert_int_equal(userdb_resolve(&s, PASSWD, strlen(PASSWD), NULL, 0,
	    &ids, NULL), -ENOENT);
}

static const struct CMUnitTest single_tests[] = {
	cmocka_unit_test(test_first_passwd_entry_wins_for_a_duplicated_name),
	cmocka_unit_test(test_first_passwd_entry_wins_for_a_duplicated_uid),
	cmocka_unit_test(test_first_group_entry_wins_for_a_duplicated_group_name),
	cmocka_unit_test(test_duplicate_group_lines_list_the_gid_once),
	cmocka_unit_test(test_primary_group_naming_the_user_is_not_repeated),
	cmocka_unit_test(test_user_named_twice_in_one_member_list_is_listed_once),
	cmocka_unit_test(test_groups_follow_group_file_order_after_the_primary),
	cmocka_unit_test(test_last_passwd_line_without_newline_is_read),
	cmocka_unit_test(test_last_group_line_without_newline_is_read),
	cmocka_unit_test(test_bytes_past_the_given_length_are_ignored),
	cmocka_unit_test(test_very_long_passwd_lines_are_parsed_or_skipped_whole),
	cmocka_unit_test(test_user_at_the_end_of_a_very_long_member_list_is_found),
	cmocka_unit_test(test_home_of_511_bytes_is_kept_whole),
	cmocka_unit_test(test_home_of_512_bytes_is_an_error_naming_the_user),
	cmocka_unit_test(test_user_in_63_groups_plus_primary_fills_the_list),
	cmocka_unit_test(test_user_in_64_groups_plus_primary_is_an_error_naming_the_user),
	cmocka_unit_test(test_repeated_groups_do_not_count_toward_the_cap),
	cmocka_unit_test(test_numeric_uid_without_entry_ignores_groups_naming_its_number),
	cmocka_unit_test(test_resolve_rejects_a_hand_built_spec_without_terminator),
	cmocka_unit_test(test_resolve_rejects_a_hand_built_spec_with_a_control_character),
	cmocka_unit_test(test_resolve_tolerates_a_null_err),
};

/* ---- runner ------------------------------------------------------------ */

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define NTESTS		(NELEM(spec_ok_cases) + NELEM(spec_err_cases) + \
	NELEM(resolve_ok_cases) + NELEM(resolve_err_cases) + \
	NELEM(bad_pw_cases) + NELEM(bad_gr_cases) + NELEM(single_tests))

static struct CMUnitTest	tests[NTESTS];
static size_t			ntests;

/* Rows run as tests of their own, named by the row. */
static void
add_row(const char *name, CMUnitTestFunction fn, const void *row)
{
	tests[ntests].name = name;
	tests[ntests].test_func = fn;
	tests[ntests].initial_state = (void *)(uintptr_t)row;
	ntests++;
}

#define ADD_ROWS(cases, fn) do {					\
	size_t i_;							\
	for (i_ = 0; i_ < NELEM(cases); i_++)				\
		add_row((cases)[i_].name, (fn), &(cases)[i_]);		\
} while (0)

int
main(void)
{
	size_t i;

	ADD_ROWS(spec_ok_cases, run_spec_ok);
	ADD_ROWS(spec_err_cases, run_spec_err);
	ADD_ROWS(resolve_ok_cases, run_resolve_ok);
	ADD_ROWS(resolve_err_cases, run_resolve_err);
	ADD_ROWS(bad_pw_cases, run_bad_pw);
	ADD_ROWS(bad_gr_cases, run_bad_gr);
	for (i = 0; i < NELEM(single_tests); i++)
		tests[ntests++] = single_tests[i];
	return _cmocka_run_group_tests("userdb", tests, ntests, NULL, NULL);
}
