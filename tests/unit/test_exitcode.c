/* SPDX-License-Identifier: MIT */
/* test_exitcode.c - wait status to exit code, remapping, exec errors. */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>
#include <sys/wait.h>

#include "exitcode.h"

/* Build wait statuses the way the kernel encodes them. */
#define EXITED(c)	(((c) & 0xff) << 8)
#define KILLED(s)	((s) & 0x7f)
#define STOPPED(s)	((((s) & 0xff) << 8) | 0x7f)

static void
test_exitcode_every_exit_code_passes_through(void **state)
{
	int c;

	(void)state;
	for (c = 0; c < 256; c++)
		assert_int_equal(exitcode_from_status(EXITED(c)), c);
}

static void
test_exitcode_signal_is_128_plus_signo(void **state)
{
	int s;

	(void)state;
	for (s = 1; s < 65; s++)
		assert_int_equal(exitcode_from_status(KILLED(s)), 128 + s);
	/* A core dump does not change the code. */
	assert_int_equal(exitcode_from_status(KILLED(11) | 0x80), 139);
}

static void
test_exitcode_stopped_is_not_an_exit(void **state)
{
	(void)state;
	assert_int_equal(exitcode_from_status(STOPPED(20)), -1);
}

/* Every FROM under -e FROM maps to 0 and leaves every other code alone. */
static void
test_exitcode_remap_sweep(void **state)
{
	struct exitmap m;
	int from, c;

	(void)state;
	for (from = 0; from < 256; from++) {
		memset(&m, 0, sizeof(m));
		exitmap_set(&m, from, 0);
		for (c = 0; c < 256; c++)
			assert_int_equal(exitcode_remap(&m, c), c == from ? 0 : c);
	}
}

static void
test_exitcode_remap_to_a_chosen_code(void **state)
{
	struct exitmap m;

	(void)state;
	memset(&m, 0, sizeof(m));
	exitmap_set(&m, 143, 0);
	exitmap_set(&m, 1, 3);
	exitmap_set(&m, 256, 1);	/* out of range: ignored */
	assert_int_equal(exitcode_remap(&m, 143), 0);
	assert_int_equal(exitcode_remap(&m, 1), 3);
	assert_int_equal(exitcode_remap(&m, 3), 3);
	assert_int_equal(exitcode_remap(&m, -1), -1);
}

static void
test_exitcode_exec_errors_are_126_or_127(void **state)
{
	(void)state;
	assert_int_equal(exitcode_for_exec_errno(ENOENT), 127);
	assert_int_equal(exitcode_for_exec_errno(ENOTDIR), 127);
	assert_int_equal(exitcode_for_exec_errno(EACCES), 126);
	assert_int_equal(exitcode_for_exec_errno(ENOEXEC), 126);
	assert_int_equal(exitcode_for_exec_errno(E2BIG), 126);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exitcode_every_exit_code_passes_through),
		cmocka_unit_test(test_exitcode_signal_is_128_plus_signo),
		cmocka_unit_test(test_exitcode_stopped_is_not_an_exit),
		cmocka_unit_test(test_exitcode_remap_sweep),
		cmocka_unit_test(test_exitcode_remap_to_a_chosen_code),
		cmocka_unit_test(test_exitcode_exec_errors_are_126_or_127),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
