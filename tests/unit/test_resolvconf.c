/* SPDX-License-Identifier: MIT */
/*
 * test_resolvconf.c - unit tests for resolv.conf and hosts parsing and
 * the search-list candidates (src/resolvconf.c). The resolv.conf texts
 * are the ones Docker and Kubernetes write into containers.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "resolvconf.h"

static struct resolv_conf rc;

static void
parse(const char *text)
{
	resolv_conf_parse(text, strlen(text), &rc);
}

static const char *
search(int i)
{
	const char *d = rc.search;

	while (i-- > 0)
		d += strlen(d) + 1;
	return d;
}

static void
assert_addr(const struct resolv_addr *a, const char *text)
{
	unsigned char	want[16] = { 0 };
	int		family = strchr(text, ':') ? AF_INET6 : AF_INET;

	assert_int_equal(inet_pton(family, text, want), 1);
	assert_int_equal(a->family, family);
	assert_memory_equal(a->addr, want, family == AF_INET ? 4 : 16);
}

static const char k8s[] =
	"search default.svc.cluster.local svc.cluster.local cluster.local\n"
	"nameserver 10.96.0.10\n"
	"options ndots:5\n";

static void
test_kubernetes(void **state)
{
	(void)state;
	parse(k8s);
	assert_int_equal(rc.nns, 1);
	assert_addr(&rc.ns[0], "10.96.0.10");
	assert_int_equal(rc.nsearch, 3);
	assert_string_equal(search(0), "default.svc.cluster.local");
	assert_string_equal(search(2), "cluster.local");
	assert_int_equal(rc.ndots, 5);
	assert_int_equal(rc.timeout, 5);
	assert_int_equal(rc.attempts, 2);
}

static void
test_defaults_and_limits(void **state)
{
	(void)state;
	parse("");
	assert_int_equal(rc.nns, 1);
	assert_addr(&rc.ns[0], "127.0.0.1");
	assert_int_equal(rc.nsearch, 0);
	assert_int_equal(rc.ndots, 1);
	parse("# Docker\r\n; old style comment\r\nnameserver 1.1.1.1\r\n"
	    "nameserver fe80::1%eth0\nnameserver bogus\n"
	    "nameserver 2001:db8::53\nnameserver 8.8.8.8\n"
	    "options timeout:99 attempts:3 ndots:100 rotate edns0\n"
	    "options ndots:x\n"
	    "domain first.example\nsearch a b c d e f g h\n");
	assert_int_equal(rc.nns, 3);
	assert_addr(&rc.ns[0], "1.1.1.1");
	assert_addr(&rc.ns[1], "fe80::1");
	assert_addr(&rc.ns[2], "2001:db8::53");
	assert_int_equal(rc.timeout, 30);
	assert_int_equal(rc.attempts, 3);
	assert_int_equal(rc.ndots, 15);
	assert_int_equal(rc.nsearch, 6);
	assert_string_equal(search(5), "f");
	/* The last of search and domain wins. */
	parse("search a.example b.example\ndomain corp.example\n");
	assert_int_equal(rc.nsearch, 1);
	assert_string_equal(search(0), "corp.example");
	/* No final newline, tabs, a trailing dot on a domain. */
	parse("nameserver\t10.0.0.2\nsearch\tlocal.\toffice.example");
	assert_addr(&rc.ns[0], "10.0.0.2");
	assert_int_equal(rc.nsearch, 2);
	assert_string_equal(search(0), "local");
	/* A NUL byte separates words like a blank (found by fuzzing). */
	resolv_conf_parse("search a.example\0b.example\nnameserver 10.0.0.3"
	    "\0junk\n", 51, &rc);
	assert_int_equal(rc.nsearch, 2);
	assert_string_equal(search(1), "b.example");
	assert_addr(&rc.ns[0], "10.0.0.3");
}

static void
test_search_too_long(void **state)
{
	char	text[600];
	int	len;

	(void)state;
	/* Two domains of 200 bytes do not both fit in 256. */
	len = snprintf(text, sizeof(text), "search %0200d %0200d short\n",
	    1, 2);
	resolv_conf_parse(text, (size_t)len, &rc);
	assert_int_equal(rc.nsearch, 2);
	assert_int_equal(strlen(search(0)), 200);
	assert_string_equal(search(1), "short");
}

/* Every candidate for name, joined by spaces. */
static const char *
candidates(const char *name)
{
	static char	out[2048];
	char		buf[RESOLV_NAME_MAX];
	int		i, r;

	out[0] = '\0';
	for (i = 0; (r = resolv_candidate(&rc, name, i, buf, sizeof(buf)))
	    != 0; i++) {
		if (r < 0)
			continue;
		if (out[0] != '\0')
			strcat(out, " ");
		strcat(out, buf);
	}
	return out;
}

static void
test_candidates(void **state)
{
	(void)state;
	parse(k8s);
	assert_string_equal(candidates("postgres"),
	    "postgres.default.svc.cluster.local postgres.svc.cluster.local "
	    "postgres.cluster.local postgres");
	assert_string_equal(candidates("api.example.com"),
	    "api.example.com.default.svc.cluster.local "
	    "api.example.com.svc.cluster.local "
	    "api.example.com.cluster.local api.example.com");
	assert_string_equal(candidates("a.b.c.d.e.f"),
	    "a.b.c.d.e.f a.b.c.d.e.f.default.svc.cluster.local "
	    "a.b.c.d.e.f.svc.cluster.local a.b.c.d.e.f.cluster.local");
	assert_string_equal(candidates("db.prod.svc.cluster.local."),
	    "db.prod.svc.cluster.local");
	assert_string_equal(candidates(""), "");
	assert_string_equal(candidates("."), "");
	/* Docker's default: ndots 1, no search. */
	parse("nameserver 127.0.0.11\noptions ndots:0\n");
	assert_string_equal(candidates("db"), "db");
	parse("search corp.example\n");
	assert_string_equal(candidates("db"), "db.corp.example db");
	assert_string_equal(candidates("db.eu"), "db.eu db.eu.corp.example");
}

/* A candidate over 253 bytes is skipped, not cut. */
static void
test_candidate_too_long(void **state)
{
	char	name[260], buf[RESOLV_NAME_MAX];

	(void)state;
	parse("search cluster.local\noptions ndots:5\n");
	memset(name, 'a', 245);
	name[245] = '\0';
	assert_int_equal(resolv_candidate(&rc, name, 0, buf, sizeof(buf)), -1);
	assert_int_equal(resolv_candidate(&rc, name, 1, buf, sizeof(buf)), 1);
	assert_string_equal(buf, name);
	assert_int_equal(resolv_candidate(&rc, name, 2, buf, sizeof(buf)), 0);
	assert_int_equal(resolv_candidate(&rc, "db", 0, buf, 5), -1);
}

static const char hosts[] =
	"# /etc/hosts\n"
	"127.0.0.1\tlocalhost\n"
	"::1\tlocalhost ip6-localhost ip6-loopback\n"
	"10.0.0.5   db.internal db   # the database\n"
	"10.0.0.6 cache\n"
	"fd00::6 cache\n"
	"#10.0.0.7 old\n"
	"10.0.0.8 other#db\n"
	"not-an-address db\n"
	"10.0.0.9\n"
	"10.0.0.11 twice twice Twice.\n"
	"10.0.0.10 DB.Internal";

static void
test_hosts(void **state)
{
	struct resolv_addr	a[8];

	(void)state;
	assert_int_equal(hosts_lookup(hosts, strlen(hosts), "db", 0, a, 8), 1);
	assert_addr(&a[0], "10.0.0.5");
	assert_int_equal(hosts_lookup(hosts, strlen(hosts), "db.internal.", 0,
	    a, 8), 2);
	assert_addr(&a[1], "10.0.0.10");
	assert_int_equal(hosts_lookup(hosts, strlen(hosts), "cache", 0, a, 8),
	    2);
	assert_addr(&a[0], "10.0.0.6");
	assert_addr(&a[1], "fd00::6");
	assert_int_equal(hosts_lookup(hosts, strlen(hosts), "cache",
	    AF_INET6, a, 8), 1);
	assert_addr(&a[0], "fd00::6");
	assert_int_equal(hosts_lookup(hosts, strlen(hosts), "localhost", 0,
	    a, 1), 1);
	assert_addr(&a[0], "127.0.0.1");
	assert_int_equal(hosts_lookup(hosts, strlen(hosts), "ip6-loopback",
	    AF_INET, a, 8), 0);
	assert_int_equal(hosts_lookup(hosts, strlen(hosts), "old", 0, a, 8),
	    0);
	assert_int_equal(hosts_lookup(hosts, strlen(hosts), "other", 0, a, 8),
	    1);
	/* Once per line, however often the line names it. */
	assert_int_equal(hosts_lookup(hosts, strlen(hosts), "twice", 0, a, 8),
	    1);
	assert_addr(&a[0], "10.0.0.11");
	assert_int_equal(hosts_lookup(hosts, strlen(hosts), "", 0, a, 8), 0);
	assert_int_equal(hosts_lookup(hosts, strlen(hosts), "data", 0, a, 8),
	    0);
}

/* Any number of aliases on a line; the last one still counts. */
static void
test_hosts_many_aliases(void **state)
{
	char			text[512];
	struct resolv_addr	a[2];
	size_t			len;
	int			i;

	(void)state;
	len = (size_t)snprintf(text, sizeof(text), "10.1.1.1");
	for (i = 0; i < 40; i++)
		len += (size_t)snprintf(text + len, sizeof(text) - len,
		    " alias%d", i);
	assert_int_equal(hosts_lookup(text, len, "alias39", 0, a, 2), 1);
	assert_addr(&a[0], "10.1.1.1");
	assert_int_equal(hosts_lookup(text, len, "alias40", 0, a, 2), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kubernetes),
		cmocka_unit_test(test_defaults_and_limits),
		cmocka_unit_test(test_search_too_long),
		cmocka_unit_test(test_candidates),
		cmocka_unit_test(test_candidate_too_long),
		cmocka_unit_test(test_hosts),
		cmocka_unit_test(test_hosts_many_aliases),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
