/* SPDX-License-Identifier: MIT */
/* test_signame.c - signal names and numbers, both ways. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "signame.h"

/* The table must agree with this libc's numbers for the classic signals. */
static void
test_signame_every_classic_name_matches_signal_h(void **state)
{
	static const struct { const char *n; int v; } t[] = {
		{ "HUP", SIGHUP }, { "INT", SIGINT }, { "QUIT", SIGQUIT },
		{ "ILL", SIGILL }, { "TRAP", SIGTRAP }, { "ABRT", SIGABRT },
		{ "BUS", SIGBUS }, { "FPE", SIGFPE }, { "KILL", SIGKILL },
		{ "USR1", SIGUSR1 }, { "SEGV", SIGSEGV }, { "USR2", SIGUSR2 },
		{ "PIPE", SIGPIPE }, { "ALRM", SIGALRM }, { "TERM", SIGTERM },
		{ "STKFLT", SIGSTKFLT }, { "CHLD", SIGCHLD }, { "CONT", SIGCONT },
		{ "STOP", SIGSTOP }, { "TSTP", SIGTSTP }, { "TTIN", SIGTTIN },
		{ "TTOU", SIGTTOU }, { "URG", SIGURG }, { "XCPU", SIGXCPU },
		{ "XFSZ", SIGXFSZ }, { "VTALRM", SIGVTALRM }, { "PROF", SIGPROF },
		{ "WINCH", SIGWINCH }, { "IO", SIGIO }, { "PWR", SIGPWR },
		{ "SYS", SIGSYS },
	};
	char buf[16], pref[16];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		assert_int_equal(signame_to_num(t[i].n), t[i].v);
		snprintf(pref, sizeof(pref), "SIG%s", t[i].n);
		assert_int_equal(signame_to_num(pref), t[i].v);
		assert_string_equal(signame_from_num(t[i].v, buf, sizeof(buf)), t[i].n);
	}
}

static void
test_signame_accepts_numbers_lowercase_and_aliases(void **state)
{
	(void)state;
	assert_int_equal(signame_to_num("15"), 15);
	assert_int_equal(signame_to_num("64"), 64);
	assert_int_equal(signame_to_num("sigterm"), 15);
	assert_int_equal(signame_to_num("term"), 15);
	assert_int_equal(signame_to_num("IOT"), 6);
	assert_int_equal(signame_to_num("CLD"), 17);
}

static void
test_signame_realtime_uses_glibc_numbering(void **state)
{
	char buf[16];
	int i;

	(void)state;
	assert_int_equal(signame_to_num("RTMIN"), 34);
	assert_int_equal(signame_to_num("RTMIN+3"), 37);
	assert_int_equal(signame_to_num("SIGRTMIN+30"), 64);
	assert_int_equal(signame_to_num("RTMAX"), 64);
	assert_int_equal(signame_to_num("RTMAX-2"), 62);
	assert_int_equal(signame_to_num("rtmin+0"), 34);
	assert_int_equal(signame_to_num("SigRtMax-0"), 64);
	assert_int_equal(signame_to_num("RTMAX-30"), 34);
	for (i = 34; i <= 64; i++)
		assert_int_equal(signame_to_num(signame_from_num(i, buf, sizeof(buf))), i);
}

static void
test_signame_rejects_unknown_and_out_of_range(void **state)
{
	static const char *const bad[] = { "", "0", "65", "99", "-1", "FOO",
	    "SIG", "RTMIN+31", "RTMAX-31", "RTMIN-1", "RTMAX+1", "RTMIN+",
	    "15x", " 15", "TERM ", "SIGSIGTERM", "SIG15", "RTMIN++3",
	    "RTMAX--1", "RTMIN-0", "RTMAX+0", "RTMIN3", "RTMI", "SIGRTMAX-" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(signame_to_num(bad[i]), -EINVAL);
	assert_int_equal(signame_to_num(NULL), -EINVAL);
}

/*
 * 32 and 33 are the C library's own (glibc's SIGCANCEL and SIGSETXID, musl's
 * SIGTIMER and SIGCANCEL): `kill -l` skips them, and so does tend.
 */
static void
test_signame_refuses_the_c_librarys_32_and_33(void **state)
{
	(void)state;
	assert_int_equal(signame_to_num("32"), SIGNAME_RESERVED);
	assert_int_equal(signame_to_num("33"), SIGNAME_RESERVED);
	assert_int_equal(signame_to_num("31"), 31);
	assert_int_equal(signame_to_num("34"), 34);
	assert_true(SIGNAME_RESERVED < 0 && SIGNAME_RESERVED != -EINVAL);
}

static void
test_signame_uncatchable_is_kill_and_stop_only(void **state)
{
	int i;

	(void)state;
	for (i = 1; i <= 64; i++)
		assert_int_equal(signame_is_uncatchable(i), i == SIGKILL || i == SIGSTOP);
}

static void
test_sigmap_zeroed_is_identity(void **state)
{
	struct sigmap m;
	int i;

	(void)state;
	memset(&m, 0, sizeof(m));
	for (i = 1; i <= SIGNAME_MAX; i++)
		assert_int_equal(sigmap_get(&m, i), i);
}

static void
test_sigmap_rewrites_and_drops(void **state)
{
	struct sigmap m;
	int i;

	(void)state;
	memset(&m, 0, sizeof(m));
	sigmap_set(&m, 15, 3);
	sigmap_set(&m, 10, 0);
	sigmap_set(&m, 64, 1);
	sigmap_set(&m, 65, 1);	/* out of range: ignored */
	for (i = 1; i <= SIGNAME_MAX; i++)
		assert_int_equal(sigmap_get(&m, i), i == 15 ? 3 : i == 10 ? 0 :
		    i == 64 ? 1 : i);
	assert_int_equal(sigmap_get(&m, 65), 65);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_signame_every_classic_name_matches_signal_h),
		cmocka_unit_test(test_signame_accepts_numbers_lowercase_and_aliases),
		cmocka_unit_test(test_signame_realtime_uses_glibc_numbering),
		cmocka_unit_test(test_signame_rejects_unknown_and_out_of_range),
		cmocka_unit_test(test_signame_refuses_the_c_librarys_32_and_33),
		cmocka_unit_test(test_signame_uncatchable_is_kill_and_stop_only),
		cmocka_unit_test(test_sigmap_zeroed_is_identity),
		cmocka_unit_test(test_sigmap_rewrites_and_drops),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
