/* SPDX-License-Identifier: MIT */
/*
 * sigecho - print the number of every signal received, one per line.
 *
 * Catches every catchable signal (1-64 but KILL, STOP), prints "ready"
 * once its handlers are in place, and exits 0 after -n COUNT signals (or
 * when a signal given with -x arrives, exiting 128+N like a default death
 * would not, so tests can tell "handled" from "killed").
 *
 * Signals stay blocked but inside sigsuspend(): a plain "while (got <
 * want) pause();" loses the last signal when it lands between the test
 * and pause(), and then waits forever (seen under CPU load).
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t got;
static int exit_sig;

static void
on_signal(int sig)
{
	char buf[8];
	int n = 0;

	if (sig >= 10)
		buf[n++] = (char)('0' + sig / 10);
	buf[n++] = (char)('0' + sig % 10);
	buf[n++] = '\n';
	(void)!write(STDOUT_FILENO, buf, (size_t)n);
	got++;
	if (sig == exit_sig)
		_exit(0);
}

int
main(int argc, char **argv)
{
	struct sigaction sa;
	sigset_t all, none;
	long want = -1;
	int i, c;

	while ((c = getopt(argc, argv, "n:x:")) != -1) {
		if (c == 'n')
			want = atol(optarg);
		else if (c == 'x')
			exit_sig = atoi(optarg);
		else
			return 2;
	}
	sigfillset(&all);
	sigemptyset(&none);
	sigprocmask(SIG_BLOCK, &all, NULL);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigfillset(&sa.sa_mask);
	for (i = 1; i < NSIG; i++)
		if (i != SIGKILL && i != SIGSTOP)
			(void)sigaction(i, &sa, NULL);
	printf("ready\n");
	fflush(stdout);
	while (want < 0 || got < want)
		sigsuspend(&none);
	return 0;
}
