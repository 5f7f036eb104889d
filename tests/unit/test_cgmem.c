/* SPDX-License-Identifier: MIT */
/* test_cgmem.c - the cgroup memory file parsers. */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "cgmem.h"


static void
test_paths_v2_v1_and_hybrid(void **state)
{
	char v2[64], v1[64];

	(void)state;
	assert_int_equal(cgmem_paths(("0::/system.slice/docker-ab.scope\n"),
	    v2, sizeof(v2), v1, sizeof(v1)), CGMEM_V2);
	assert_string_equal(v2, "/system.slice/docker-ab.scope");
	/* A hybrid host: memory is a v1 controller, 0:: the unified tree. */
	assert_int_equal(cgmem_paths(("9:name=systemd:/\n4:memory:/a/b\n"
	    "2:cpu,cpuacct:/c\n0::/\n"), v2, sizeof(v2), v1, sizeof(v1)),
	    CGMEM_V2 | CGMEM_V1);
	assert_string_equal(v1, "/a/b");
	assert_string_equal(v2, "/");
	/* memory among others; a path with colons; no newline at the end. */
	assert_int_equal(cgmem_paths(("3:blkio,memory:/x:y"), v2, sizeof(v2),
	    v1, sizeof(v1)), CGMEM_V1);
	assert_string_equal(v1, "/x:y");
	/* "memoryx" is not memory; garbage and a too-long path are skipped. */
	assert_int_equal(cgmem_paths(("3:memoryx:/x\nnonsense\n:\n0::\n"), v2,
	    sizeof(v2), v1, sizeof(v1)), 0);
	assert_int_equal(cgmem_paths(("0::/0123456789\n"), v2, 8, v1, 8), 0);
	/* A path of exactly the room there is. */
	assert_int_equal(cgmem_paths(("0::/012345\n"), v2, 8, v1, 8), CGMEM_V2);
	assert_string_equal(v2, "/012345");
	assert_int_equal(cgmem_paths((""), v2, sizeof(v2), v1, sizeof(v1)), 0);
}

static void
test_key_from_events_and_oom_control(void **state)
{
	uint64_t v = 7;

	(void)state;
	assert_int_equal(cgmem_key(("low 0\nhigh 0\nmax 12\noom 3\noom_kill 2\n"
	    "oom_group_kill 0\n"), "oom_kill", &v), 0);
	assert_true(v == 2);
	assert_int_equal(cgmem_key(("oom_kill_disable 0\nunder_oom 0\noom_kill 41"),
	    "oom_kill", &v), 0);
	assert_true(v == 41);
	assert_int_equal(cgmem_key(("oom_kill_disable 0\n"), "oom_kill", &v), -ENOENT);
	assert_int_equal(cgmem_key(("oom_kill \n"), "oom_kill", &v), -EINVAL);
	assert_int_equal(cgmem_key(("oom_kill x\n"), "oom_kill", &v), -EINVAL);
	assert_int_equal(cgmem_key(("oom_kill 99999999999999999999999\n"), "oom_kill",
	    &v), -EINVAL);
	assert_int_equal(cgmem_key((""), "oom_kill", &v), -ENOENT);
}

static void
test_limits_and_sizes(void **state)
{
	uint64_t v = 0;
	char buf[32];

	(void)state;
	assert_int_equal(cgmem_limit(("max\n"), &v), 0);
	assert_true(v == CGMEM_NO_LIMIT);
	assert_int_equal(cgmem_limit(("67108864\n"), &v), 0);
	assert_true(v == 67108864);
	/* v1's "unlimited" is a page-rounded LONG_MAX. */
	assert_int_equal(cgmem_limit(("9223372036854771712\n"), &v), 0);
	assert_true(v == CGMEM_NO_LIMIT);
	v = 5;
	assert_int_equal(cgmem_limit(("\n"), &v), -EINVAL);
	assert_true(v == 5);	/* a failure leaves the value alone */
	assert_int_equal(cgmem_limit((""), &v), -EINVAL);
	assert_true(v == 5);
	assert_int_equal(cgmem_limit(("ma"), &v), -EINVAL);
	cgmem_size(buf, sizeof(buf), 64ULL << 20);
	assert_string_equal(buf, "64 MiB");
	cgmem_size(buf, sizeof(buf), 3ULL << 30);
	assert_string_equal(buf, "3 GiB");
	cgmem_size(buf, sizeof(buf), 1536ULL << 20);
	assert_string_equal(buf, "1536 MiB");
	cgmem_size(buf, sizeof(buf), 1000);
	assert_string_equal(buf, "1000 B");
	cgmem_size(buf, sizeof(buf), 0);
	assert_string_equal(buf, "0 B");
	cgmem_size(buf, sizeof(buf), 5ULL << 50);
	assert_string_equal(buf, "5120 TiB");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_paths_v2_v1_and_hybrid),
		cmocka_unit_test(test_key_from_events_and_oom_control),
		cmocka_unit_test(test_limits_and_sizes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
