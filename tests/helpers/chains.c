/* SPDX-License-Identifier: MIT */
/*
 * chains N MARK [SECONDS] - leave N chains of processes behind that ignore
 * SIGTERM and never stand still: each link calls setsid(), forks the next
 * link and exits at once, so at any moment a chain is one or two fresh
 * processes, each an orphan a moment after it starts. MARK is only there
 * to be found in /proc/PID/cmdline, which every link shares. A link stops
 * the chain by itself after SECONDS (default 20), so a failed test leaves
 * nothing running for long. The caller exits 0 once all chains run.
 */
#include <signal.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static time_t
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

static void
chain(time_t until)
{
	struct timespec pause = { 0, 1000000 };
	pid_t pid;

	for (;;) {
		if (now_s() >= until)
			_exit(0);
		(void)setsid();
		pid = fork();
		if (pid > 0)
			_exit(0);
		if (pid < 0)
			nanosleep(&pause, NULL);	/* out of pids: try again */
	}
}

int
main(int argc, char **argv)
{
	long n, i;
	time_t until;

	if (argc < 3)
		return 2;
	n = atol(argv[1]);
	until = now_s() + (argc > 3 ? atol(argv[3]) : 20);
	signal(SIGTERM, SIG_IGN);
	for (i = 0; i < n; i++) {
		pid_t pid = fork();

		if (pid < 0)
			return 1;
		if (pid == 0)
			chain(until);
	}
	return 0;
}
