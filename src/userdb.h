/* SPDX-License-Identifier: MIT */
/*
 * userdb.h - turn "USER[:GROUP]" into the uid, gid, supplementary groups
 * and HOME that tend drops to, from the text of /etc/passwd and /etc/group.
 *
 * tend is static, so NSS (getpwnam and friends) is not an option, and
 * scratch images often have no passwd file at all. This module is pure:
 * it parses buffers the caller has read, never touches the system, never
 * allocates and never logs. Reading the files, setgroups(), setgid(),
 * setuid() (in that order) and exporting HOME are the caller's job.
 *
 * Semantics follow runc/Docker and gosu (which uses the same parser), with
 * initgroups(3)'s rule of listing the primary group:
 *  - USER or GROUP made only of digits is always an id, never a name
 *    (useradd refuses all-digit names); ids run 0..4294967294, since
 *    (uid_t)-1 means "leave unchanged" to the set*id calls.
 *  - A numeric uid with a passwd entry behaves exactly like that entry's
 *    name: its gid, home, and group memberships by its name.
 *  - A numeric uid with no entry (or no passwd file) gets gid 0 and no
 *    supplementary groups, as Docker/runc do and as gosu does when run by
 *    root, which PID 1 is.
 *  - Supplementary groups: the primary gid first, then every /etc/group
 *    line whose member list names the user, in file order, without
 *    duplicates. With an explicit GROUP the list is empty (setgroups(0)),
 *    so no group the user did not ask for survives.
 *  - home is always usable: the passwd entry's directory when it has one
 *    (has_home true), otherwise "/" as Docker/runc/gosu use. The caller
 *    should export it only when the app's environment has no HOME, or an
 *    empty one, as gosu does.
 *  - The first matching line wins. Blank lines, '#' comments, lines with
 *    the wrong field count, an empty name or a bad id are skipped. The
 *    last line counts even without a trailing newline, as with glibc.
 */
#ifndef TEND_USERDB_H
#define TEND_USERDB_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "err.h"

#define USERDB_NAME_SIZE	64	/* bytes, including the NUL */
#define USERDB_HOME_SIZE	512	/* bytes, including the NUL */
#define USERDB_GROUPS_MAX	64	/* supplementary gids, primary included */

struct user_spec {
	char	user[USERDB_NAME_SIZE];
	char	group[USERDB_NAME_SIZE];
	bool	has_group;
};

struct user_ids {
	uid_t	uid;
	gid_t	gid;
	char	home[USERDB_HOME_SIZE];
	bool	has_home;	/* home came from /etc/passwd, not the "/" default */
	gid_t	groups[USERDB_GROUPS_MAX];
	size_t	ngroups;
};

/*
 * Split the NUL-terminated "USER[:GROUP]" s into *out. Both parts must be
 * non-empty, at most USERDB_NAME_SIZE - 1 bytes, and there may be only one
 * ':'. Control characters are refused so that error messages quoting the
 * names stay on one line. Ids are not checked here; userdb_resolve() does.
 * Returns 0, or -EINVAL with err filled and *out zeroed.
 */
int	userdb_parse_spec(const char *s, struct user_spec *out,
	    struct tend_err *err);

/*
 * Resolve spec against the contents of /etc/passwd (passwd, passwd_len)
 * and /etc/group (group, group_len). Either buffer may be NULL when its
 * file does not exist; buffers need not be NUL-terminated and may hold any
 * bytes. Fills every field of *out per the rules at the top of this file.
 * Returns 0; -ENOENT when a USER or GROUP name has no entry; -EINVAL for
 * an id out of range, a passwd home of USERDB_HOME_SIZE bytes or more,
 * more than USERDB_GROUPS_MAX groups, or a spec userdb_parse_spec() would
 * not have produced. On error err
 * holds one line naming the user or group and the step, and *out must not
 * be used.
 */
int	userdb_resolve(const struct user_spec *spec, const char *passwd,
	    size_t passwd_len, const char *group, size_t group_len,
	    struct user_ids *out, struct tend_err *err);

#endif
