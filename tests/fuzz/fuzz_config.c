/* SPDX-License-Identifier: MIT */
/*
 * fuzz_config.c - libFuzzer target for the whole configuration: the
 * command line and the TEND_* environment together (config.c).
 *
 * The input is split at NUL bytes into strings. Those before the first
 * empty string are argv[1..] (argv[0] is "tend"), those after it are the
 * environment ("NAME=value", or anything else a parent may pass). Every
 * string lives in its own exact-size heap block, so ASan catches a read
 * past any of them. Besides not crashing, config_parse must:
 *  - fail only with -EINVAL and one printable line naming the problem;
 *  - on success, leave every field in range, point every string into the
 *    caller's argv or envp, and give the app a NULL-terminated argv;
 *  - give the same result when run again on the same arrays.
 * config_usage is run into a buffer sized from the input, to catch an
 * off-by-one in its truncation.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "config.h"
#include "parse.h"

#define MAX_STRINGS	256
#define DURATION_MAX	(1000ULL * 24 * 3600 * NSEC_PER_SEC)

struct input {
	char	*argv[MAX_STRINGS + 2];	/* "tend", args, NULL */
	char	*envp[MAX_STRINGS + 1];
	size_t	 len[2][MAX_STRINGS + 1];	/* string lengths, by array */
	int	 argc;
	int	 envc;
};

static char *
dup_string(const uint8_t *p, size_t len)
{
	char *s = malloc(len + 1);

	if (s == NULL)
		abort();
	memcpy(s, p, len);
	s[len] = '\0';
	return s;
}

static void
split_input(const uint8_t *data, size_t size, struct input *in)
{
	const uint8_t *p = data, *end = data + size, *nul;
	bool env = false;
	size_t len;

	memset(in, 0, sizeof(*in));
	in->argv[in->argc++] = dup_string((const uint8_t *)"tend", 4);
	while (p < end) {
		nul = memchr(p, '\0', (size_t)(end - p));
		len = nul ? (size_t)(nul - p) : (size_t)(end - p);
		if (len == 0 && !env)
			env = true;
		else if (!env && in->argc <= MAX_STRINGS) {
			in->len[0][in->argc] = len;
			in->argv[in->argc++] = dup_string(p, len);
		} else if (env && in->envc < MAX_STRINGS) {
			in->len[1][in->envc] = len;
			in->envp[in->envc++] = dup_string(p, len);
		}
		p += len + 1;
	}
}

static void
free_input(struct input *in)
{
	int i;

	for (i = 0; i < in->argc; i++)
		free(in->argv[i]);
	for (i = 0; i < in->envc; i++)
		free(in->envp[i]);
}

/* True if s points into (or at the end of) one of the caller's strings. */
static bool
owned(const struct input *in, const char *s)
{
	int i;

	for (i = 1; i < in->argc; i++)
		if (s >= in->argv[i] && s <= in->argv[i] + in->len[0][i])
			return true;
	for (i = 0; i < in->envc; i++)
		if (s >= in->envp[i] && s <= in->envp[i] + in->len[1][i])
			return true;
	return false;
}

static void
check_error(const struct tend_err *err)
{
	size_t i, n;

	n = strnlen(err->msg, sizeof(err->msg));
	CHECK(n > 0 && n < sizeof(err->msg));
	/* One printable line: a value may not smuggle in control bytes. */
	for (i = 0; i < n; i++)
		CHECK((unsigned char)err->msg[i] >= 0x20 &&
		    (unsigned char)err->msg[i] != 0x7f);
}

static void
check_maps(const struct tend_config *c)
{
	int i, to;

	for (i = 0; i < 256; i++) {
		to = exitcode_remap(&c->remap, i);
		CHECK(to >= 0 && to <= 255);
	}
	for (i = 1; i <= SIGNAME_MAX; i++) {
		to = sigmap_get(&c->rewrite, i);
		CHECK(to >= 0 && to <= SIGNAME_MAX);
	}
	/* CHLD is tend's own; KILL and STOP never reach it. */
	CHECK(sigmap_get(&c->rewrite, 9) == 9 &&
	    sigmap_get(&c->rewrite, 17) == 17 &&
	    sigmap_get(&c->rewrite, 19) == 19);
}

static void
check_config(const struct input *in, const struct tend_config *c)
{
	int i;

	CHECK(c->mode >= MODE_RUN && c->mode <= MODE_WAIT);
	CHECK(c->verbosity >= 0 && c->verbosity <= 3);
	CHECK(c->log_format == LOG_FORMAT_TEXT ||
	    c->log_format == LOG_FORMAT_JSON);
	CHECK(c->pdeathsig == 0 || (c->pdeathsig >= 1 &&
	    c->pdeathsig <= SIGNAME_MAX && c->pdeathsig != 19));
	check_maps(c);
	CHECK(c->grace <= DURATION_MAX && c->stop_timeout <= DURATION_MAX &&
	    c->pre_stop <= DURATION_MAX && c->health_interval <= DURATION_MAX &&
	    c->health_timeout <= DURATION_MAX &&
	    c->health_start_period <= DURATION_MAX &&
	    c->health_start_interval <= DURATION_MAX &&
	    c->probe_timeout <= DURATION_MAX);
	CHECK(c->health_retries >= 1 && c->health_retries <= 1000000);
	CHECK(c->health_action == HEALTH_ACTION_NONE ||
	    c->health_action == HEALTH_ACTION_STOP);
	CHECK(c->health == NULL || owned(in, c->health));
	CHECK(c->user == NULL || owned(in, c->user));
	CHECK(c->workdir == NULL || owned(in, c->workdir));
	CHECK(c->notify_socket == NULL || owned(in, c->notify_socket));
	CHECK(c->pre_stop_cmd == NULL || (owned(in, c->pre_stop_cmd) &&
	    strncmp(c->pre_stop_cmd, "exec:", 5) == 0));
	if (c->unknown_env) {
		CHECK(owned(in, c->unknown_env));
		CHECK(strncmp(c->unknown_env, "TEND_", 5) == 0);
	}
	switch (c->mode) {
	case MODE_RUN:
		CHECK(c->argc >= 1 && c->argc < in->argc);
		CHECK(c->argv == in->argv + (in->argc - c->argc));
		CHECK(c->argv[c->argc] == NULL);
		for (i = 0; i < c->argc; i++)
			CHECK(c->argv[i] != NULL);
		CHECK(c->health_interval && c->health_timeout &&
		    c->health_start_interval);
		break;
	case MODE_PAUSE:
		CHECK(c->pause && c->argc == 0);
		break;
	case MODE_PROBE:
		CHECK(c->probe != NULL && owned(in, c->probe));
		CHECK(c->probe_timeout > 0);
		break;
	default:
		break;
	}
}

static void
check_usage(size_t n)
{
	static size_t full;
	char *buf;
	size_t len;

	if (full == 0) {
		full = config_usage(NULL, 0);
		CHECK(full > 0);
	}
	n %= full + 2;
	if ((buf = malloc(n ? n : 1)) == NULL)
		abort();
	len = config_usage(n ? buf : NULL, n);
	CHECK(len == full);
	if (n > 0)
		CHECK(strlen(buf) == (n > full ? full : n - 1));
	free(buf);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tend_config cfg, again;
	struct tend_err err, err2;
	struct input in;
	int r, r2;

	split_input(data, size, &in);
	memset(&err, 0, sizeof(err));
	r = config_parse(&cfg, in.argc, in.argv, in.envp, &err);
	CHECK(r == 0 || r == -EINVAL);
	if (r < 0)
		check_error(&err);
	else
		check_config(&in, &cfg);
	memset(&err2, 0, sizeof(err2));
	r2 = config_parse(&again, in.argc, in.argv, in.envp, &err2);
	CHECK(r2 == r);
	if (r == 0)
		CHECK(memcmp(&cfg, &again, sizeof(cfg)) == 0);
	else
		CHECK(strcmp(err.msg, err2.msg) == 0);
	check_usage(size);
	free_input(&in);
	return 0;
}
