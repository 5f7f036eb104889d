/* SPDX-License-Identifier: MIT */
/*
 * priv.c - read the user database files and build the app's environment.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exitcode.h"
#include "fmt.h"
#include "log.h"
#include "parse.h"
#include "priv.h"
#include "sysabi.h"

extern char **environ;

#define DB_FILE_MAX	((size_t)16 * 1024 * 1024)

/*
 * The whole of path into buf (empty if the file does not exist).
 * Returns 0 or -errno (-EFBIG past DB_FILE_MAX).
 */
static int
priv_slurp(const char *path, struct vec *buf)
{
	ssize_t n;
	int fd, r = 0;

	if ((fd = sysabi_open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return errno == ENOENT ? 0 : -errno;
	for (;;) {
		if (buf->len >= DB_FILE_MAX) {
			r = -EFBIG;
			break;
		}
		if ((r = vec_reserve(buf, 8192)) < 0)
			break;
		/* No EINTR: every signal is blocked here (signalfd only). */
		n = read(fd, (char *)buf->p + buf->len, buf->cap - buf->len);
		if (n <= 0) {
			r = n < 0 ? -errno : 0;
			break;
		}
		buf->len += (size_t)n;
	}
	(void)close(fd);
	return r;
}

/* label: "--user" or "TEND_USER", whichever the value came from. */
static int
priv_resolve(struct priv *pv, const char *user, const char *label)
{
	struct vec pw = VEC_INIT(char), gr = VEC_INIT(char);
	struct user_spec spec;
	struct tend_err err;
	const char *f = "/etc/passwd";
	int r;

	if ((r = priv_slurp(f, &pw)) < 0 ||
	    (r = priv_slurp(f = "/etc/group", &gr)) < 0)
		log_error("user \"%s\": cannot read %s: %s", user, f,
		    strerror(-r));
	else if ((r = userdb_parse_spec(user, &spec, &err)) < 0 ||
	    (r = userdb_resolve(&spec, pw.p, pw.len, gr.p, gr.len, &pv->ids,
	    &err)) < 0)
		log_error("%s: %s", label, err.msg);
	vec_free(&pw);
	vec_free(&gr);
	if (r < 0)
		return EXIT_CANNOT_EXEC;
	pv->has_ids = true;
	return 0;
}

/*
 * Copy environ into pv->env, with HOME set if asked; listen is the
 * LISTEN_PID entry to rewrite for the app, or NULL.
 */
static int
priv_build_env(struct priv *pv, bool set_home, char **listen)
{
	char **e, *home = pv->home, *null = NULL;
	int r;

	for (e = environ; e && *e; e++) {
		if (set_home && strncmp(*e, "HOME=", 5) == 0)
			continue;
		/*
		 * The first copy, which priv_listen_self() read and the
		 * app's getenv() will read: rewriting a later one would leave
		 * the app with tend's pid.
		 */
		if (e == listen)
			pv->listen_pid_idx = (long)pv->env.len;
		if ((r = vec_append(&pv->env, e, 1)) < 0)
			return r;
	}
	if (set_home && (r = vec_append(&pv->env, &home, 1)) < 0)
		return r;
	return vec_append(&pv->env, &null, 1);
}

/* The first LISTEN_PID entry if it holds exactly tend's own pid, or NULL. */
static char **
priv_listen_self(void)
{
	uint64_t pid;
	char **e;

	/* One cheap pass: nearly every name fails on its first byte. */
	for (e = environ; e && *e; e++)
		if ((*e)[0] == 'L' && strncmp(*e, "LISTEN_PID=", 11) == 0)
			return parse_uint(*e + 11, 0x7fffffff, &pid) == 0 &&
			    pid == (uint64_t)getpid() ? e : NULL;
	return NULL;
}

int
priv_prepare(struct priv *pv, const struct tend_config *cfg)
{
	char label[32];
	char **listen;
	int r;

	/* Not a memset of the whole struct: ids alone is over a kilobyte. */
	pv->has_ids = false;
	pv->ids.home[0] = '\0';	/* HOME= is formatted (unused) without --user */
	pv->env = (struct vec)VEC_INIT(char *);
	pv->listen_pid_idx = -1;
	if (cfg->user) {
		if ((r = priv_resolve(pv, cfg->user, config_label(cfg,
		    offsetof(struct tend_config, user), label, sizeof(label)))) != 0)
			return r;
	}
	/*
	 * As gosu, su-exec and docker run --user: HOME is the user's (or /),
	 * whatever tend inherited, which is root's home when the image runs
	 * as root. pv->has_ids is true exactly when --user was given.
	 */
	listen = priv_listen_self();
	if (!pv->has_ids && !listen)
		return 0;
	(void)fmt_format(pv->home, sizeof(pv->home), "HOME=%s", pv->ids.home);
	if (priv_build_env(pv, pv->has_ids, listen) < 0) {
		log_error("cannot build the app's environment: out of memory");
		return EXIT_INTERNAL;
	}
	return 0;
}

const struct user_ids *
priv_ids(const struct priv *pv)
{
	return pv->has_ids ? &pv->ids : NULL;
}

char **
priv_envp(const struct priv *pv)
{
	return pv->env.len ? pv->env.p : NULL;
}

char **
priv_listen_pid_slot(const struct priv *pv)
{
	return pv->listen_pid_idx >= 0 ?
	    (char **)pv->env.p + pv->listen_pid_idx : NULL;
}
