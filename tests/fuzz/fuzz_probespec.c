/* SPDX-License-Identifier: MIT */
/*
 * fuzz_probespec.c - libFuzzer target for the probe spec parser.
 *
 * The input, made a C string, is parsed with every feature on; a success
 * must describe back to text that parses to the same probe and must build
 * a valid HTTP or gRPC request, and a failure must leave a one-line
 * message. probespec_parse(), with only what this tend supports, must
 * agree or refuse with -ENOTSUP. probespec_pton() must read the input as
 * the C library's inet_pton() does, for IPv4 and IPv6. Anything else
 * aborts.
 * Memory errors are left to the sanitizers the target is built with.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "fuzz.h"
#include "grpc.h"
#include "http.h"
#include "probespec.h"

static struct probe_spec	spec, again;
static char			text[PROBESPEC_DESCRIBE_MAX];

static void
check_same(const struct probe_spec *a, const struct probe_spec *b)
{
	int	i;

	CHECK(a->kind == b->kind);
	CHECK(a->family == b->family);
	CHECK(memcmp(a->addr, b->addr, sizeof(a->addr)) == 0);
	CHECK(a->port == b->port);
	CHECK(strcmp(a->path, b->path) == 0);
	CHECK(strcmp(a->name, b->name) == 0);
	CHECK(strcmp(a->host, b->host) == 0);
	CHECK(a->argc == b->argc);
	for (i = 0; i < a->argc; i++)
		CHECK(strcmp(a->argv[i], b->argv[i]) == 0);
}

static void
check_parsed(const struct probe_spec *p)
{
	char	req[2048];
	uint8_t	greq[GRPC_REQ_MAX];
	int	i;

	if (p->kind == PROBE_EXEC) {
		CHECK(p->argc >= 1 && p->argc <= PROBESPEC_ARGV_MAX);
		CHECK(p->argv[p->argc] == NULL);
		CHECK(p->argv[0][0] != '\0');
		for (i = 0; i < p->argc; i++)
			CHECK(p->argv[i] >= p->buf &&
			    p->argv[i] < p->buf + sizeof(p->buf));
		return;
	}
	CHECK(p->kind == PROBE_TCP || p->kind == PROBE_HTTP ||
	    p->kind == PROBE_GRPC);
	CHECK(p->family == AF_INET || p->family == AF_INET6 ||
	    (p->family == 0 && p->name[0] != '\0'));
	CHECK((p->family == 0) == (p->name[0] != '\0'));
	CHECK(strlen(p->name) < PROBESPEC_NAME_MAX);
	CHECK(p->port != 0);
	CHECK(p->host[0] != '\0');
	CHECK(memchr(p->host, '\0', sizeof(p->host)) != NULL);
	if (p->kind == PROBE_HTTP) {
		CHECK(p->path[0] == '/');
		CHECK(http_build_request(req, sizeof(req), p->host,
		    p->path) > 0);
	}
	if (p->kind == PROBE_GRPC)
		CHECK(grpc_build_request(greq, sizeof(greq), p->host,
		    p->path) > 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tend_err	 err;
	char		*s, small[16];
	unsigned char	 a1[16], a2[16];
	int		 r, r2, af;

	if ((s = malloc(size + 1)) == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	for (af = AF_INET; af == AF_INET || af == AF_INET6;
	    af = af == AF_INET ? AF_INET6 : -1) {
		r = probespec_pton(af, s, a1);
		CHECK(r == inet_pton(af, s, a2));
		CHECK(r == 0 || memcmp(a1, a2, af == AF_INET ? 4 : 16) == 0);
	}
	memset(&err, 0, sizeof(err));
	r2 = probespec_parse(s, &again, &err);
	CHECK(r2 == 0 || strncmp(err.msg, "bad probe", 9) == 0);
	/* Refused only for a feature it names as not built in. */
	CHECK(r2 == 0 || r2 == -ENOTSUP || r2 == -EINVAL || r2 == -ERANGE ||
	    r2 == -E2BIG);
	CHECK(r2 != -ENOTSUP || strstr(err.msg, "not built into") != NULL);
	memset(&err, 0, sizeof(err));
	r = probespec_parse_ext(s, &spec, PROBESPEC_ALL, &err);
	CHECK(r != 0 || r2 == 0 || r2 == -ENOTSUP ||
	    strstr(err.msg, "not supported yet") == NULL);
	if (r != 0) {
		CHECK(r == -EINVAL || r == -ERANGE || r == -E2BIG);
		CHECK(strncmp(err.msg, "bad probe", 9) == 0);
		CHECK(strchr(err.msg, '\n') == NULL);
	} else {
		check_parsed(&spec);
		CHECK(probespec_describe(&spec, text, sizeof(text)) == 0);
		CHECK(probespec_parse_ext(text, &again, PROBESPEC_ALL,
		    &err) == 0);
		check_same(&spec, &again);
		r = probespec_describe(&spec, small, size % sizeof(small));
		CHECK(r == 0 || r == -ERANGE);
	}
	free(s);
	return 0;
}
