/* SPDX-License-Identifier: MIT */
/*
 * test_reap.c - the subreaper's drain round (reap_signal_rest, not PID 1)
 * on real process trees. Not a pure module: this test is a child
 * subreaper and forks what it signals. Built twice: test_reap reads the
 * children files; test_reap_scan is reap.c built to find none, so it
 * takes the one-scan-of-/proc fallback of kernels without them;
 * test_reap_nopidfd is reap.c built to call a system call that does not
 * exist instead of pidfd_send_signal(), as on kernels before 5.1: then
 * each round reaches tend's own children only, and the rest is reached
 * round after round as it is orphaned.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "reap.h"

#ifdef REAP_PIDFD_SEND_SIGNAL
#define FIRST_ROUND(all, own_children)	(own_children)
#else
#define FIRST_ROUND(all, own_children)	(all)
#endif

static int ready[2];

/* In a child: say it is up, then wait to be signalled. */
static void
up_and_wait(void)
{
	(void)!write(ready[1], "r", 1);
	for (;;)
		pause();
}

/* Wait until n processes said they are up. */
static void
wait_up(int n)
{
	char c;

	while (n-- > 0)
		assert_int_equal(read(ready[0], &c, 1), 1);
}

/*
 * Reap every child, blocking, with a new round of sig after each reap as
 * tend's KILL phase does; returns how many were reaped.
 */
static int
reap_all(int sig)
{
	int n = 0;

	while (waitpid(-1, NULL, 0) > 0 || errno == EINTR) {
		n++;
		(void)reap_signal_rest(false, sig, false);
	}
	assert_int_equal(errno, ECHILD);
	return n;
}

static int
setup(void **state)
{
	(void)state;
	if (prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) < 0 || pipe(ready) < 0)
		return -1;
	return 0;
}

/* No child at all: nothing to look at, nothing signalled. */
static void
test_reap_nothing_left(void **state)
{
	(void)state;
	assert_int_equal(reap_signal_rest(false, SIGTERM, true), 0);
}

/* A subshell with a child, and a setsid()'d shell with its own: 4, once each. */
static void
test_reap_tree_under_live_parents(void **state)
{
	pid_t a;

	(void)state;
	if ((a = fork()) == 0) {
		if (fork() == 0)
			up_and_wait();			/* b */
		if (fork() == 0) {
			(void)setsid();			/* c */
			if (fork() == 0)
				up_and_wait();		/* d */
			up_and_wait();
		}
		up_and_wait();
	}
	assert_true(a > 0);
	wait_up(4);
	assert_int_equal(reap_signal_rest(false, SIGTERM, false), FIRST_ROUND(4, 1));
	assert_int_equal(reap_all(SIGTERM), 4);
}

/* Orphans reparented to the subreaper are its children now. */
static void
test_reap_orphans(void **state)
{
	pid_t m;

	(void)state;
	if ((m = fork()) == 0) {
		if (fork() == 0)
			up_and_wait();
		if (fork() == 0)
			up_and_wait();
		_exit(0);
	}
	wait_up(2);
	assert_int_equal(waitpid(m, NULL, 0), m);
	assert_int_equal(reap_signal_rest(false, SIGKILL, false), 2);
	assert_int_equal(reap_all(SIGKILL), 2);
}

static void *
thread_forks(void *arg)
{
	(void)arg;
	if (fork() == 0)
		up_and_wait();
	for (;;)			/* alive: its child stays listed under it */
		pause();
	return NULL;
}

/* A child forked by a second thread is listed under that thread only. */
static void
test_reap_child_of_a_thread(void **state)
{
	pthread_t th;
	pid_t p;

	(void)state;
	if ((p = fork()) == 0) {
		if (pthread_create(&th, NULL, thread_forks, NULL) != 0)
			_exit(1);
		up_and_wait();			/* the thread stays, in pause() */
	}
	wait_up(2);
	assert_int_equal(reap_signal_rest(false, SIGTERM, false), FIRST_ROUND(2, 1));
	assert_int_equal(reap_all(SIGTERM), 2);
}

/* Wait (up to 5 s) until p's stat shows its first thread gone: "Z". */
static bool
first_thread_gone(pid_t p)
{
	char path[64], buf[512], *s;
	ssize_t n;
	int i, fd;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)p);
	for (i = 0; i < 500; i++) {
		if ((fd = open(path, O_RDONLY)) < 0)
			return false;
		n = read(fd, buf, sizeof(buf) - 1);
		close(fd);
		buf[n > 0 ? n : 0] = '\0';
		if ((s = strrchr(buf, ')')) != NULL && s[1] == ' ' && s[2] == 'Z')
			return true;
		usleep(10000);
	}
	return false;
}

/*
 * A process whose first thread has exited looks like a zombie in its
 * stat, yet lives on and forks: it is signalled and looked under.
 */
static void
test_reap_first_thread_gone(void **state)
{
	pthread_t th;
	pid_t p;

	(void)state;
	if ((p = fork()) == 0) {
		if (pthread_create(&th, NULL, thread_forks, NULL) != 0)
			_exit(1);
		(void)!write(ready[1], "r", 1);
		pthread_exit(NULL);
	}
	wait_up(2);
	assert_true(first_thread_gone(p));
	assert_int_equal(reap_signal_rest(false, SIGTERM, false), FIRST_ROUND(2, 1));
	assert_int_equal(reap_all(SIGTERM), 2);
}

/* A process that is not a descendant is never signalled. */
static void
test_reap_not_a_stranger(void **state)
{
	pid_t m, stranger = 0, mine;
	int p[2];

	(void)state;
	assert_int_equal(pipe(p), 0);
	/* Not a subreaper for a moment: this orphan goes to init. */
	assert_int_equal(prctl(PR_SET_CHILD_SUBREAPER, 0, 0, 0, 0), 0);
	if ((m = fork()) == 0) {
		if ((stranger = fork()) == 0)
			up_and_wait();
		(void)!write(p[1], &stranger, sizeof(stranger));
		_exit(0);
	}
	assert_int_equal(read(p[0], &stranger, sizeof(stranger)), sizeof(stranger));
	assert_int_equal(waitpid(m, NULL, 0), m);
	assert_int_equal(prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0), 0);
	if ((mine = fork()) == 0)
		up_and_wait();
	wait_up(2);
	assert_int_equal(reap_signal_rest(false, SIGTERM, false), 1);
	assert_int_equal(reap_all(SIGTERM), 1);
	assert_int_equal(kill(stranger, 0), 0);
	(void)kill(stranger, SIGKILL);
	close(p[0]);
	close(p[1]);
}

/* Leave nothing behind, whatever failed. */
static int
teardown(void **state)
{
	(void)state;
	(void)reap_signal_rest(false, SIGKILL, false);
	while (waitpid(-1, NULL, 0) > 0)
		;
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reap_nothing_left),
		cmocka_unit_test(test_reap_tree_under_live_parents),
		cmocka_unit_test(test_reap_orphans),
		cmocka_unit_test(test_reap_child_of_a_thread),
		cmocka_unit_test(test_reap_first_thread_gone),
		cmocka_unit_test(test_reap_not_a_stranger),
	};

	/* qemu-user refuses it; the same tests run on the real kernel. */
	if (prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) < 0 && errno == EINVAL) {
		printf("SKIP: cannot become a subreaper here (qemu-user refuses "
		    "PR_SET_CHILD_SUBREAPER)\n");
		return 77;
	}
	return cmocka_run_group_tests(tests, setup, teardown);
}
