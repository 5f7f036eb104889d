/* SPDX-License-Identifier: MIT */
/*
 * test_probespec.c - unit tests for the probe spec parser (src/probespec.c).
 *
 * Only parsing and describing are tested here; whether a parsed probe
 * actually connects or runs is for the integration tests.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "probespec.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

struct reject_case {
	const char	*spec;
	int		 rc;
	const char	*reason;	/* must appear in the message */
};

/*
 * Every rejection must say "bad probe", name the input and the reason.
 * The syntax is checked in full (every feature on) unless a test says.
 */
static unsigned	features = PROBESPEC_ALL;

static void
expect_rejects(const struct reject_case *c, size_t n)
{
	struct probe_spec	p;
	struct tend_err		err;
	size_t			i;

	for (i = 0; i < n; i++) {
		int rc;

		memset(&err, 0, sizeof(err));
		rc = probespec_parse_ext(c[i].spec, &p, features, &err);
		if (rc != c[i].rc || strstr(err.msg, c[i].reason) == NULL)
			fail_msg("spec \"%s\": got %d \"%s\", want %d \"%s\"",
			    c[i].spec, rc, err.msg, c[i].rc, c[i].reason);
		assert_non_null(strstr(err.msg, "bad probe \""));
		assert_null(strchr(err.msg, '\n'));
	}
}

static void
tcp_ipv4_literal_with_port_gives_address_and_port(void **state)
{
	struct probe_spec	p;
	const unsigned char	want[4] = { 10, 1, 2, 3 };

	(void)state;
	assert_int_equal(probespec_parse("tcp://10.1.2.3:8080", &p, NULL), 0);
	assert_int_equal(p.kind, PROBE_TCP);
	assert_int_equal(p.family, AF_INET);
	assert_memory_equal(p.addr, want, 4);
	assert_int_equal(p.port, 8080);
	assert_string_equal(p.host, "10.1.2.3:8080");
}

static void
tcp_ipv6_literal_in_brackets_gives_inet6_address(void **state)
{
	struct probe_spec	p;
	unsigned char		want[16];

	(void)state;
	assert_int_equal(inet_pton(AF_INET6, "fd00::1:2", want), 1);
	assert_int_equal(probespec_parse("tcp://[fd00::1:2]:443", &p, NULL),
	    0);
	assert_int_equal(p.family, AF_INET6);
	assert_memory_equal(p.addr, want, 16);
	assert_int_equal(p.port, 443);
	assert_string_equal(p.host, "[fd00::1:2]:443");
}

static void
localhost_means_127_0_0_1_in_any_case(void **state)
{
	static const char	*specs[] = { "tcp://localhost:1",
	    "http://LocalHost/", "TCP://LOCALHOST:65535" };
	const unsigned char	 want[4] = { 127, 0, 0, 1 };
	struct probe_spec	 p;
	size_t			 i;

	(void)state;
	for (i = 0; i < NELEM(specs); i++) {
		assert_int_equal(probespec_parse(specs[i], &p, NULL), 0);
		assert_int_equal(p.family, AF_INET);
		assert_memory_equal(p.addr, want, 4);
	}
}

static void
ports_1_and_65535_are_the_bounds(void **state)
{
	struct probe_spec p;

	(void)state;
	assert_int_equal(probespec_parse("tcp://1.2.3.4:1", &p, NULL), 0);
	assert_int_equal(p.port, 1);
	assert_int_equal(probespec_parse("tcp://1.2.3.4:65535", &p, NULL), 0);
	assert_int_equal(p.port, 65535);
	assert_int_equal(probespec_parse("tcp://1.2.3.4:00080", &p, NULL), 0);
	assert_int_equal(p.port, 80);
}

static void
ports_out_of_range_are_rejected_with_erange(void **state)
{
	static const struct reject_case c[] = {
		{ "tcp://1.2.3.4:0", -ERANGE, "port \"0\" is not 1-65535" },
		{ "tcp://1.2.3.4:65536", -ERANGE, "is not 1-65535" },
		{ "http://1.2.3.4:99999/", -ERANGE, "is not 1-65535" },
		{ "tcp://1.2.3.4:18446744073709551617", -ERANGE, "1-65535" },
		{ "tcp://1.2.3.4:000000", -ERANGE, "is not 1-65535" },
	};

	(void)state;
	expect_rejects(c, NELEM(c));
}

static void
ports_must_be_plain_digits(void **state)
{
	static const struct reject_case c[] = {
		{ "tcp://1.2.3.4:+80", -EINVAL, "port \"+80\"" },
		{ "tcp://1.2.3.4:-1", -EINVAL, "port \"-1\"" },
		{ "tcp://1.2.3.4:8a", -EINVAL, "port \"8a\"" },
		{ "tcp://1.2.3.4: 80", -EINVAL, "port \" 80\"" },
		{ "tcp://1.2.3.4:80 ", -EINVAL, "port \"80 \"" },
		{ "tcp://1.2.3.4:0x50", -EINVAL, "port \"0x50\"" },
		{ "http://1.2.3.4:/", -EINVAL, "port \"\"" },
		{ "tcp://1.2.3.4:80:81", -EINVAL, "port \"80:81\"" },
	};

	(void)state;
	expect_rejects(c, NELEM(c));
}

static void
tcp_without_port_is_rejected(void **state)
{
	static const struct reject_case c[] = {
		{ "tcp://1.2.3.4", -EINVAL, "missing port" },
		{ "tcp://[::1]", -EINVAL, "missing port" },
		{ "tcp://", -EINVAL, "missing host" },
		{ "tcp://:80", -EINVAL, "host \"\"" },
	};

	(void)state;
	expect_rejects(c, NELEM(c));
}

static void
hosts_that_need_dns_or_are_malformed_are_rejected(void **state)
{
	static const struct reject_case c[] = {
		{ "tcp://1.2.3:80", -EINVAL,
		    "host \"1.2.3\" is not an IPv4 address, [IPv6] address or "
		    "host name" },
		{ "tcp://1.2.3.256:80", -EINVAL, "host \"1.2.3.256\"" },
		{ "tcp://01.2.3.4:80", -EINVAL, "host \"01.2.3.4\"" },
		{ "tcp://[1.2.3.4]:80", -EINVAL, "host \"[1.2.3.4]\"" },
		{ "tcp://[fe80::1%eth0]:80", -EINVAL, "not an IPv4" },
		{ "tcp://[::1:80", -EINVAL, "missing ']'" },
		{ "tcp://[::1]80", -EINVAL, "unexpected text after ']'" },
		{ "tcp://[]:80", -EINVAL, "host \"[]\"" },
		{ "http://user@1.2.3.4/", -EINVAL, "host \"user@1.2.3.4\"" },
		{ "tcp://a..b:80", -EINVAL, "host \"a..b\"" },
		{ "tcp://.a:80", -EINVAL, "host \".a\"" },
		{ "tcp://a b:80", -EINVAL, "host \"a b\"" },
		{ "tcp://db%2e:80", -EINVAL, "host \"db%2e\"" },
		{ "tcp://10.0.0.300:80", -EINVAL, "host \"10.0.0.300\"" },
		{ "tcp://..:80", -EINVAL, "host \"..\"" },
		{ "tcp://0x7f.1:80", -EINVAL, "host \"0x7f.1\"" },
	};

	(void)state;
	expect_rejects(c, NELEM(c));
}

static void
unbracketed_ipv6_is_rejected_with_a_hint(void **state)
{
	static const struct reject_case c[] = {
		{ "tcp://::1:80", -EINVAL, "need brackets" },
		{ "http://fd00::1/", -EINVAL, "need brackets" },
	};

	(void)state;
	expect_rejects(c, NELEM(c));
}

static void
tcp_with_anything_after_the_port_is_rejected(void **state)
{
	static const struct reject_case c[] = {
		{ "tcp://1.2.3.4:80/", -EINVAL, "unexpected \"/\" after port" },
		{ "tcp://1.2.3.4:80/x", -EINVAL, "unexpected \"/x\"" },
		{ "tcp://1.2.3.4:80?q", -EINVAL, "unexpected \"?q\"" },
	};

	(void)state;
	expect_rejects(c, NELEM(c));
}

static void
http_defaults_to_port_80_and_path_slash(void **state)
{
	struct probe_spec p;

	(void)state;
	assert_int_equal(probespec_parse("http://127.0.0.1", &p, NULL), 0);
	assert_int_equal(p.kind, PROBE_HTTP);
	assert_int_equal(p.port, 80);
	assert_string_equal(p.path, "/");
	assert_string_equal(p.host, "127.0.0.1");
}

static void
http_keeps_path_query_and_authority_as_written(void **state)
{
	static const struct {
		const char	*spec, *host, *path;
		uint16_t	 port;
	} c[] = {
		{ "http://localhost:8080/healthz", "localhost:8080",
		    "/healthz", 8080 },
		{ "http://[::1]/a/b?x=1&y=%20", "[::1]", "/a/b?x=1&y=%20",
		    80 },
		{ "http://10.0.0.1:81?ready", "10.0.0.1:81", "/?ready", 81 },
		{ "http://10.0.0.1/p#frag", "10.0.0.1", "/p", 80 },
		{ "http://10.0.0.1#frag", "10.0.0.1", "/", 80 },
		{ "http://10.0.0.1//", "10.0.0.1", "//", 80 },
	};
	struct probe_spec	p;
	size_t			i;

	(void)state;
	for (i = 0; i < NELEM(c); i++) {
		assert_int_equal(probespec_parse(c[i].spec, &p, NULL), 0);
		assert_string_equal(p.host, c[i].host);
		assert_string_equal(p.path, c[i].path);
		assert_int_equal(p.port, c[i].port);
	}
}

static void
http_path_bytes_that_break_a_request_line_are_rejected(void **state)
{
	static const struct reject_case c[] = {
		{ "http://1.2.3.4/a b", -EINVAL, "byte 0x20 in path" },
		{ "http://1.2.3.4/a\r\nX-Evil: 1", -EINVAL, "byte 0x0d" },
		{ "http://1.2.3.4/\t", -EINVAL, "byte 0x09" },
		{ "http://1.2.3.4/\x7f", -EINVAL, "byte 0x7f" },
		{ "http://1.2.3.4/caf\xc3\xa9", -EINVAL, "byte 0xc3" },
	};

	(void)state;
	expect_rejects(c, NELEM(c));
}

static void
http_path_of_1023_bytes_fits_and_1024_is_too_big(void **state)
{
	static char		spec[2048];
	struct probe_spec	p;
	struct tend_err		err;
	int			len;

	(void)state;
	len = snprintf(spec, sizeof(spec), "http://1.2.3.4/");
	memset(spec + len, 'a', PROBESPEC_PATH_MAX - 2);
	spec[len + PROBESPEC_PATH_MAX - 2] = '\0';
	assert_int_equal(probespec_parse(spec, &p, NULL), 0);
	assert_int_equal(strlen(p.path), PROBESPEC_PATH_MAX - 1);
	strcat(spec, "a");
	assert_int_equal(probespec_parse(spec, &p, &err), -E2BIG);
	assert_non_null(strstr(err.msg, "path longer than 1023 bytes"));
}

static void
unknown_and_unsupported_schemes_are_rejected(void **state)
{
	static const struct reject_case c[] = {
		{ "https://1.2.3.4/", -EINVAL, "https is not supported" },
		{ "udp://1.2.3.4:53", -EINVAL,
		    "expected tcp://, http://, grpc:// or exec:" },
		{ "", -EINVAL, "expected tcp://" },
		{ "/bin/true", -EINVAL, "expected tcp://" },
		{ "tcp:1.2.3.4:80", -EINVAL, "expected tcp://" },
		{ " tcp://1.2.3.4:80", -EINVAL, "expected tcp://" },
		{ "exec", -EINVAL, "expected tcp://" },
	};

	(void)state;
	expect_rejects(c, NELEM(c));
}

/* Compare a parsed exec probe with a NULL-terminated list of words. */
static void
expect_argv(const char *spec, const char *const *want)
{
	struct probe_spec	p;
	struct tend_err		err = { "" };
	int			i;

	if (probespec_parse(spec, &p, &err) != 0)
		fail_msg("spec \"%s\": %s", spec, err.msg);
	assert_int_equal(p.kind, PROBE_EXEC);
	for (i = 0; want[i] != NULL; i++) {
		assert_true(i < p.argc);
		assert_string_equal(p.argv[i], want[i]);
	}
	assert_int_equal(p.argc, i);
	assert_null(p.argv[i]);
}

static void
exec_splits_words_like_a_small_shell(void **state)
{
	static const struct {
		const char	*spec;
		const char	*argv[6];
	} c[] = {
		{ "exec:/bin/true", { "/bin/true" } },
		{ "exec: \t/bin/check  -v\t\tx  ",
		    { "/bin/check", "-v", "x" } },
		{ "exec:sh -c 'exit 1'", { "sh", "-c", "exit 1" } },
		{ "exec:a 'x \"y\" \\\\'", { "a", "x \"y\" \\\\" } },
		{ "exec:a \"say \\\"hi\\\" \\\\ now\"",
		    { "a", "say \"hi\" \\ now" } },
		{ "exec:a \"\\n\\t\\$\"", { "a", "\\n\\t\\$" } },
		{ "exec:a pre'mid'\"post\"", { "a", "premidpost" } },
		{ "exec:a '' \"\" x", { "a", "", "", "x" } },
		{ "exec:a b\\ c", { "a", "b\\", "c" } },
		{ "exec:a \"it's\"", { "a", "it's" } },
	};
	size_t	i;

	(void)state;
	for (i = 0; i < NELEM(c); i++)
		expect_argv(c[i].spec, c[i].argv);
}

static void
exec_unterminated_quotes_are_rejected(void **state)
{
	static const struct reject_case c[] = {
		{ "exec:sh -c 'exit 1", -EINVAL, "unterminated quote" },
		{ "exec:a \"b", -EINVAL, "unterminated quote" },
		{ "exec:a \"b\\\"", -EINVAL, "unterminated quote" },
		{ "exec:'", -EINVAL, "unterminated quote" },
	};

	(void)state;
	expect_rejects(c, NELEM(c));
}

static void
exec_without_a_command_is_rejected(void **state)
{
	static const struct reject_case c[] = {
		{ "exec:", -EINVAL, "empty command" },
		{ "exec: \t ", -EINVAL, "empty command" },
		{ "exec:'' x", -EINVAL, "empty command" },
		{ "exec:\"\"", -EINVAL, "empty command" },
	};

	(void)state;
	expect_rejects(c, NELEM(c));
}

/* "exec:c" followed by nargs - 1 more one-letter words. */
static void
make_exec_spec(char *spec, size_t n, int nargs)
{
	size_t	o;
	int	i;

	o = (size_t)snprintf(spec, n, "exec:c");
	for (i = 1; i < nargs && o + 3 < n; i++) {
		spec[o++] = ' ';
		spec[o++] = 'x';
	}
	spec[o] = '\0';
}

static void
exec_64_arguments_fit_and_65_are_too_many(void **state)
{
	static char		spec[512];
	struct probe_spec	p;
	struct tend_err		err;

	(void)state;
	make_exec_spec(spec, sizeof(spec), PROBESPEC_ARGV_MAX);
	assert_int_equal(probespec_parse(spec, &p, NULL), 0);
	assert_int_equal(p.argc, PROBESPEC_ARGV_MAX);
	assert_null(p.argv[PROBESPEC_ARGV_MAX]);
	make_exec_spec(spec, sizeof(spec), PROBESPEC_ARGV_MAX + 1);
	assert_int_equal(probespec_parse(spec, &p, &err), -E2BIG);
	assert_non_null(strstr(err.msg, "more than 64 arguments"));
	strcpy(spec + strlen(spec) - 1, "''");
	assert_int_equal(probespec_parse(spec, &p, &err), -E2BIG);
}

static void
exec_4096_argument_bytes_fit_and_4097_are_too_many(void **state)
{
	static char		spec[PROBESPEC_BUF_MAX + 64];
	struct probe_spec	p;
	struct tend_err		err;

	(void)state;
	/* Two words whose bytes plus NULs make exactly the buffer. */
	strcpy(spec, "exec:");
	memset(spec + 5, 'a', 2047);
	spec[5 + 2047] = ' ';
	memset(spec + 5 + 2048, 'b', 2047);
	spec[5 + 2048 + 2047] = '\0';
	assert_int_equal(probespec_parse(spec, &p, NULL), 0);
	assert_int_equal(p.argc, 2);
	assert_int_equal(strlen(p.argv[1]), 2047);
	strcat(spec, "b");
	assert_int_equal(probespec_parse(spec, &p, &err), -E2BIG);
	assert_non_null(strstr(err.msg, "4096 bytes"));
	spec[strlen(spec) - 1] = '\0';
	strcat(spec, " ''");
	assert_int_equal(probespec_parse(spec, &p, &err), -E2BIG);
}

static void
exec_argv_points_into_the_struct_itself(void **state)
{
	struct probe_spec	p;
	int			i;

	(void)state;
	assert_int_equal(probespec_parse("exec:a bb 'c c'", &p, NULL), 0);
	for (i = 0; i < p.argc; i++) {
		assert_true(p.argv[i] >= p.buf);
		assert_true(p.argv[i] < p.buf + sizeof(p.buf));
	}
	assert_memory_equal(p.buf, "a\0bb\0c c\0", 10);
}

static void
error_message_elides_a_long_spec_and_hides_control_bytes(void **state)
{
	static char		spec[300];
	struct probe_spec	p;
	struct tend_err		err;

	(void)state;
	memset(spec, 'z', sizeof(spec) - 1);
	memcpy(spec, "tcp://\n", 7);
	assert_int_equal(probespec_parse(spec, &p, &err), -EINVAL);
	assert_null(strchr(err.msg, '\n'));
	assert_non_null(strstr(err.msg, "bad probe \"tcp://?zzz"));
	assert_non_null(strstr(err.msg, "zzz...\": "));
	assert_true(strlen(err.msg) < sizeof(err.msg) - 1);
}

static void
error_struct_may_be_null(void **state)
{
	struct probe_spec p;
	struct tend_err err;

	(void)state;
	assert_int_equal(probespec_parse("tcp://x y:1", &p, NULL), -EINVAL);
	assert_int_equal(probespec_parse("tcp://x:1", &p, NULL),
	    PROBESPEC_SUPPORTED & PROBESPEC_NAMES ? 0 : -EINVAL);
	assert_int_equal(probespec_parse("exec:", &p, NULL), -EINVAL);
	assert_int_equal(probespec_parse(NULL, &p, NULL), -EINVAL);
	/* No spec at all: its own message, through the same err_set() call. */
	assert_int_equal(probespec_parse(NULL, &p, &err), -EINVAL);
	assert_string_equal(err.msg, "bad probe: no spec given");
}

static void
describe_gives_text_that_parses_back_to_the_same_probe(void **state)
{
	static const struct {
		const char	*spec, *text;
	} c[] = {
		{ "TCP://[::1]:80", "tcp://[::1]:80" },
		{ "http://localhost:8080/x?y#z", "http://localhost:8080/x?y" },
		{ "http://1.2.3.4?q", "http://1.2.3.4/?q" },
		{ "GRPC://db.ns:50051/", "grpc://db.ns:50051" },
		{ "grpc://[::1]:9/a.B", "grpc://[::1]:9/a.B" },
		{ "tcp://Db.example.:5432", "tcp://Db.example.:5432" },
		{ "exec:  a   b", "exec:a b" },
		{ "exec:a 'b c' '' \"it's\" \"\\\\\" d\\e",
		    "exec:a 'b c' '' \"it's\" \\ d\\e" },
		{ "exec:a \"x'\\\"\\\\\"", "exec:a \"x'\\\"\\\\\"" },
	};
	static struct probe_spec	p, q;
	char				buf[PROBESPEC_DESCRIBE_MAX];
	size_t				i;
	int				j;

	(void)state;
	for (i = 0; i < NELEM(c); i++) {
		assert_int_equal(probespec_parse_ext(c[i].spec, &p, PROBESPEC_ALL, NULL), 0);
		assert_int_equal(probespec_describe(&p, buf, sizeof(buf)), 0);
		assert_string_equal(buf, c[i].text);
		assert_int_equal(probespec_parse_ext(buf, &q, PROBESPEC_ALL, NULL), 0);
		assert_int_equal(q.argc, p.argc);
		for (j = 0; j < p.argc; j++)
			assert_string_equal(q.argv[j], p.argv[j]);
		assert_string_equal(q.path, p.path);
		assert_memory_equal(q.addr, p.addr, sizeof(p.addr));
		assert_int_equal(q.port, p.port);
	}
}

static void
describe_truncates_with_erange_and_still_terminates(void **state)
{
	struct probe_spec	p;
	char			buf[8];

	(void)state;
	assert_int_equal(probespec_parse("exec:/bin/long-name", &p, NULL), 0);
	assert_int_equal(probespec_describe(&p, buf, sizeof(buf)), -ERANGE);
	assert_string_equal(buf, "exec:/b");
	assert_int_equal(probespec_describe(&p, buf, 0), -ERANGE);
}

static void
describe_rejects_a_struct_that_was_never_parsed(void **state)
{
	struct probe_spec	p;
	char			buf[64];

	(void)state;
	memset(&p, 0, sizeof(p));
	assert_int_equal(probespec_describe(&p, buf, sizeof(buf)), -EINVAL);
	assert_string_equal(buf, "");
}

static void
host_names_are_kept_for_the_resolver(void **state)
{
	static const struct {
		const char	*spec, *name, *host;
		int		 port;
	} c[] = {
		{ "tcp://postgres:5432", "postgres", "postgres:5432", 5432 },
		{ "http://api.default.svc.cluster.local/healthz",
		    "api.default.svc.cluster.local",
		    "api.default.svc.cluster.local", 80 },
		{ "http://My-Db_1.example.:8080/", "My-Db_1.example.",
		    "My-Db_1.example.:8080", 8080 },
		{ "grpc://svc-1.ns:50051", "svc-1.ns", "svc-1.ns:50051", 50051 },
		{ "tcp://localhost.:80", "localhost.", "localhost.:80", 80 },
		{ "tcp://1.2.3.x:80", "1.2.3.x", "1.2.3.x:80", 80 },
	};
	struct probe_spec	p;
	struct tend_err		err;
	size_t			i;

	(void)state;
	for (i = 0; i < NELEM(c); i++) {
		memset(&err, 0, sizeof(err));
		if (probespec_parse_ext(c[i].spec, &p, PROBESPEC_ALL, &err) != 0)
			fail_msg("%s: %s", c[i].spec, err.msg);
		assert_int_equal(p.family, 0);
		assert_string_equal(p.name, c[i].name);
		assert_string_equal(p.host, c[i].host);
		assert_int_equal(p.port, c[i].port);
	}
	/* Literals and localhost keep the fast path: no name to resolve. */
	assert_int_equal(probespec_parse_ext("tcp://LocalHost:1", &p,
	    PROBESPEC_ALL, NULL), 0);
	assert_int_equal(p.family, AF_INET);
	assert_string_equal(p.name, "");
	assert_int_equal(probespec_parse_ext("grpc://[::1]:1", &p,
	    PROBESPEC_ALL, NULL), 0);
	assert_int_equal(p.family, AF_INET6);
	assert_string_equal(p.name, "");
}

static void
host_name_limits(void **state)
{
	char			spec[400], label[70];
	struct probe_spec	p;
	struct tend_err		err;
	int			n;

	(void)state;
	memset(label, 'a', 63);
	label[63] = '\0';
	(void)snprintf(spec, sizeof(spec), "tcp://%s.b:1", label);
	assert_int_equal(probespec_parse_ext(spec, &p, PROBESPEC_ALL, NULL), 0);
	(void)snprintf(spec, sizeof(spec), "tcp://%sa.b:1", label);
	assert_int_equal(probespec_parse_ext(spec, &p, PROBESPEC_ALL, &err),
	    -EINVAL);
	/* 253 bytes: three labels of 63 and one of 61. */
	n = snprintf(spec, sizeof(spec), "tcp://%s.%s.%s.%.61s:65535", label,
	    label, label, label);
	assert_int_equal(probespec_parse_ext(spec, &p, PROBESPEC_ALL, &err), 0);
	assert_int_equal(strlen(p.name), 253);
	assert_int_equal(strlen(p.host), (size_t)n - 6);
	(void)snprintf(spec, sizeof(spec), "tcp://%s.%s.%s.%.62s:1", label,
	    label, label, label);
	assert_int_equal(probespec_parse_ext(spec, &p, PROBESPEC_ALL, &err),
	    -EINVAL);
}

static void
grpc_specs_parse_with_an_optional_service(void **state)
{
	struct probe_spec	p;
	const unsigned char	lo[4] = { 127, 0, 0, 1 };

	(void)state;
	assert_int_equal(probespec_parse_ext("grpc://127.0.0.1:50051", &p,
	    PROBESPEC_ALL, NULL), 0);
	assert_int_equal(p.kind, PROBE_GRPC);
	assert_int_equal(p.family, AF_INET);
	assert_memory_equal(p.addr, lo, 4);
	assert_int_equal(p.port, 50051);
	assert_string_equal(p.host, "127.0.0.1:50051");
	assert_string_equal(p.path, "");
	assert_int_equal(probespec_parse_ext("GRPC://localhost:9/"
	    "grpc.health.v1.Health", &p, PROBESPEC_ALL, NULL), 0);
	assert_string_equal(p.path, "grpc.health.v1.Health");
	assert_int_equal(probespec_parse_ext("grpc://localhost:9/", &p,
	    PROBESPEC_ALL, NULL), 0);
	assert_string_equal(p.path, "");
	/* A service may hold '/', '?' and '#': it is not a URL path. */
	assert_int_equal(probespec_parse_ext("grpc://[::1]:9/a/b?c#d", &p,
	    PROBESPEC_ALL, NULL), 0);
	assert_string_equal(p.path, "a/b?c#d");
}

static void
grpc_specs_that_are_malformed_are_rejected(void **state)
{
	static const struct reject_case c[] = {
		{ "grpc://127.0.0.1", -EINVAL, "missing port" },
		{ "grpc://127.0.0.1/svc", -EINVAL, "missing port" },
		{ "grpc://:1", -EINVAL, "host \"\"" },
		{ "grpc://", -EINVAL, "missing host" },
		{ "grpc://1.2.3.4:0", -ERANGE, "port \"0\"" },
		{ "grpc://1.2.3.4:1/a b", -EINVAL, "byte 0x20 in service name" },
		{ "grpc://1.2.3.4:1/\x7f", -EINVAL, "byte 0x7f in service name" },
	};
	char			spec[300];
	struct probe_spec	p;
	struct tend_err		err;

	(void)state;
	expect_rejects(c, NELEM(c));
	memset(spec, 0, sizeof(spec));
	memcpy(spec, "grpc://1.2.3.4:1/", 17);
	memset(spec + 17, 's', 200);
	assert_int_equal(probespec_parse_ext(spec, &p, PROBESPEC_ALL, NULL), 0);
	spec[17 + 200] = 's';
	assert_int_equal(probespec_parse_ext(spec, &p, PROBESPEC_ALL, &err),
	    -E2BIG);
	assert_non_null(strstr(err.msg, "service name longer than 200"));
}

/* What this tend cannot run yet is refused by name, not misparsed. */
static void
unsupported_features_are_refused_with_a_clear_reason(void **state)
{
	static const struct {
		const char	*spec;
		unsigned	 features;
		const char	*reason;
	} c[] = {
		{ "grpc://127.0.0.1:50051", PROBESPEC_NAMES,
		    "grpc:// probes are not built into this tend (TEND_NET_PROBES)" },
		{ "grpc://db:50051", PROBESPEC_NAMES,
		    "grpc:// probes are not built into this tend (TEND_NET_PROBES)" },
	};
	static const struct reject_case names[] = {
		{ "tcp://db:5432", -EINVAL, "host \"db\" is not an IPv4 "
		    "address, [IPv6] address or localhost (host names are not "
		    "built into this tend: TEND_NET_PROBES)" },
		{ "http://example.com/", -EINVAL, "host names are not built "
		    "into this tend" },
	};
	struct probe_spec	p;
	struct tend_err		err;
	size_t			i;

	(void)state;
	for (i = 0; i < NELEM(c); i++) {
		memset(&err, 0, sizeof(err));
		assert_int_equal(probespec_parse_ext(c[i].spec, &p,
		    c[i].features, &err), -ENOTSUP);
		assert_non_null(strstr(err.msg, c[i].reason));
		assert_non_null(strstr(err.msg, c[i].spec));
	}
	/* probespec_parse() is exactly PROBESPEC_SUPPORTED. */
	assert_int_equal(probespec_parse("grpc://1.2.3.4:1", &p, &err),
	    PROBESPEC_SUPPORTED & PROBESPEC_GRPC ? 0 : -ENOTSUP);
	assert_int_equal(probespec_parse("tcp://db:1", &p, &err),
	    PROBESPEC_SUPPORTED & PROBESPEC_NAMES ? 0 : -EINVAL);
	features = PROBESPEC_SUPPORTED;
	if (!(PROBESPEC_SUPPORTED & PROBESPEC_NAMES))
		expect_rejects(names, NELEM(names));
	features = PROBESPEC_ALL;
	/* Numeric hosts and localhost are unaffected. */
	assert_int_equal(probespec_parse_ext("tcp://localhost:1", &p, 0,
	    NULL), 0);
}

/* probespec_pton() reads addresses as the C library's inet_pton() does. */
static void
pton_agrees_with_inet_pton(void **state)
{
	static const char *const s[] = { "::", "::1", "1::", "1:2:3:4:5:6:7:8",
	    "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9",
	    "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8", "1:2:3:4::5:6:7",
	    "::ffff:1.2.3.4", "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:1.2.3.4",
	    "1:2:3:4:5:6::1.2.3.4", "1:2:3:4:5:6:7:1.2.3.4", "::ffff:1.2.3",
	    ":1", "1:", ":::", "1::2::3", "12345::", "FfFf::aBcD", "fe80::1%eth0",
	    "1.2.3.4", "01.2.3.4", "0.0.0.0", "255.255.255.255", "256.1.1.1",
	    "1.2.3", "1.2.3.4.5", "1.2.3.4 ", "1..2.3", "", "x" };
	unsigned char a[16], b[16];
	size_t i;
	int af, r;

	(void)state;
	for (i = 0; i < NELEM(s); i++)
		for (af = AF_INET; af != -1; af = af == AF_INET ? AF_INET6 : -1) {
			r = probespec_pton(af, s[i], a);
			if (r != inet_pton(af, s[i], b) ||
			    (r && memcmp(a, b, af == AF_INET ? 4 : 16) != 0))
				fail_msg("\"%s\" (af %d): %d", s[i], af, r);
		}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tcp_ipv4_literal_with_port_gives_address_and_port),
		cmocka_unit_test(tcp_ipv6_literal_in_brackets_gives_inet6_address),
		cmocka_unit_test(localhost_means_127_0_0_1_in_any_case),
		cmocka_unit_test(ports_1_and_65535_are_the_bounds),
		cmocka_unit_test(ports_out_of_range_are_rejected_with_erange),
		cmocka_unit_test(ports_must_be_plain_digits),
		cmocka_unit_test(tcp_without_port_is_rejected),
		cmocka_unit_test(hosts_that_need_dns_or_are_malformed_are_rejected),
		cmocka_unit_test(unbracketed_ipv6_is_rejected_with_a_hint),
		cmocka_unit_test(tcp_with_anything_after_the_port_is_rejected),
		cmocka_unit_test(http_defaults_to_port_80_and_path_slash),
		cmocka_unit_test(http_keeps_path_query_and_authority_as_written),
		cmocka_unit_test(http_path_bytes_that_break_a_request_line_are_rejected),
		cmocka_unit_test(http_path_of_1023_bytes_fits_and_1024_is_too_big),
		cmocka_unit_test(unknown_and_unsupported_schemes_are_rejected),
		cmocka_unit_test(exec_splits_words_like_a_small_shell),
		cmocka_unit_test(exec_unterminated_quotes_are_rejected),
		cmocka_unit_test(exec_without_a_command_is_rejected),
		cmocka_unit_test(exec_64_arguments_fit_and_65_are_too_many),
		cmocka_unit_test(exec_4096_argument_bytes_fit_and_4097_are_too_many),
		cmocka_unit_test(exec_argv_points_into_the_struct_itself),
		cmocka_unit_test(error_message_elides_a_long_spec_and_hides_control_bytes),
		cmocka_unit_test(error_struct_may_be_null),
		cmocka_unit_test(host_names_are_kept_for_the_resolver),
		cmocka_unit_test(host_name_limits),
		cmocka_unit_test(grpc_specs_parse_with_an_optional_service),
		cmocka_unit_test(grpc_specs_that_are_malformed_are_rejected),
		cmocka_unit_test(unsupported_features_are_refused_with_a_clear_reason),
		cmocka_unit_test(pton_agrees_with_inet_pton),
		cmocka_unit_test(describe_gives_text_that_parses_back_to_the_same_probe),
		cmocka_unit_test(describe_truncates_with_erange_and_still_terminates),
		cmocka_unit_test(describe_rejects_a_struct_that_was_never_parsed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
