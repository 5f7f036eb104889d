/* SPDX-License-Identifier: MIT */
/*
 * priv.c - read the user database files and find LISTEN_PID.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exitcode.h"
#include "log.h"
#include "priv.h"

extern char **environ;

#define DB_FILE_MAX	(16 * 1024 * 1024)

/*
 * The whole of path in a malloc'd buffer, or NULL with *ret_len 0 if it
 * does not exist. Returns 0 or -errno for any other failure.
 */
static int
priv_slurp(const char *path, char **ret, size_t *ret_len)
{
	size_t len = 0, cap = 0;
	char *buf = NULL, *nb;
	ssize_t n;
	int fd, e;

	*ret = NULL;
	*ret_len = 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return errno == ENOENT ? 0 : -errno;
	for (;;) {
		if (len == cap) {
			cap = cap ? cap * 2 : 8192;
			if (cap > DB_FILE_MAX || (nb = realloc(buf, cap)) == NULL) {
				e = cap > DB_FILE_MAX ? -EFBIG : -ENOMEM;
				goto fail;
			}
			buf = nb;
		}
		n = read(fd, buf + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			e = -errno;
			goto fail;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	(void)close(fd);
	*ret = buf;
	*ret_len = len;
	return 0;
fail:
	(void)close(fd);
	free(buf);
	return e;
}

static int
priv_resolve(struct priv *pv, const char *user)
{
	char *pw = NULL, *gr = NULL;
	size_t pwlen, grlen;
	struct user_spec spec;
	struct tend_err err;
	int r;

	if ((r = priv_slurp("/etc/passwd", &pw, &pwlen)) < 0 ||
	    (r = priv_slurp("/etc/group", &gr, &grlen)) < 0) {
		log_error("user \"%s\": cannot read %s: %s", user,
		    pw ? "/etc/group" : "/etc/passwd", strerror(-r));
		free(pw);
		return EXIT_CANNOT_EXEC;
	}
	r = userdb_parse_spec(user, &spec, &err);
	if (r == 0)
		r = userdb_resolve(&spec, pw, pwlen, gr, grlen, &pv->ids, &err);
	free(pw);
	free(gr);
	if (r < 0) {
		log_error("--user: %s", err.msg);
		return EXIT_CANNOT_EXEC;
	}
	pv->has_ids = true;
	/* As gosu: an unset or empty HOME becomes the user's. */
	if ((getenv("HOME") == NULL || *getenv("HOME") == '\0') &&
	    setenv("HOME", pv->ids.home, 1) < 0) {
		log_error("user \"%s\": cannot set HOME: %s", user, strerror(errno));
		return EXIT_CANNOT_EXEC;
	}
	return 0;
}

/* The environ slot of LISTEN_PID if it names tend itself, else NULL. */
static char **
priv_find_listen_pid(void)
{
	char self[32], **e;

	(void)snprintf(self, sizeof(self), "LISTEN_PID=%d", (int)getpid());
	for (e = environ; e && *e; e++)
		if (strcmp(*e, self) == 0)
			return e;
	return NULL;
}

int
priv_prepare(struct priv *pv, const struct tend_config *cfg)
{
	int r;

	memset(pv, 0, sizeof(*pv));
	if (cfg->user && (r = priv_resolve(pv, cfg->user)) != 0)
		return r;
	/* After setenv, which may move environ. */
	pv->listen_pid_slot = priv_find_listen_pid();
	return 0;
}

const struct user_ids *
priv_ids(const struct priv *pv)
{
	return pv->has_ids ? &pv->ids : NULL;
}
