/* SPDX-License-Identifier: MIT */
/*
 * sigstorm PID N COUNTFILE [WINDOW] - send N assorted signals to PID.
 *
 * The signals cycle through a mix of standard ones (which the kernel
 * merges while pending) and real-time ones (which it queues, so every one
 * sent must arrive). COUNTFILE is the live counter table of the sigcount
 * app behind PID: no more than WINDOW (default 2000) real-time signals are
 * ever in flight, so the per-user queue limit is never what drops one and
 * a loss can only be the init's. A send refused with EAGAIN is retried.
 *
 * Prints "sent N in MS ms", then "sent SIG COUNT" per signal number.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#define NSIGS	65
#define RTMIN	34

/* Everything here is forwarded by tend except CHLD, which it keeps. */
static const int storm[] = {
	SIGUSR1, 34, SIGUSR2, 35, SIGHUP, 36, SIGWINCH, 40, SIGINT, 50,
	SIGQUIT, 64, SIGALRM, 34, SIGURG, 35, SIGPIPE, 36, SIGCONT, 40,
	SIGCHLD, 50, SIGPWR, 64, SIGVTALRM, 34, SIGPROF, 35, SIGIO, 36,
};

static uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static uint64_t
rt_seen(volatile const uint64_t *counts)
{
	uint64_t n = 0;
	int i;

	for (i = RTMIN; i < NSIGS; i++)
		n += __atomic_load_n(&counts[i], __ATOMIC_RELAXED);
	return n;
}

int
main(int argc, char **argv)
{
	struct timespec pause = { 0, 50000 };
	volatile const uint64_t *counts;
	uint64_t sent[NSIGS] = { 0 }, rt_sent = 0, t0, t_wait;
	long n, i, window;
	pid_t pid;
	int fd, sig;

	if (argc < 4)
		return 2;
	pid = (pid_t)atol(argv[1]);
	n = atol(argv[2]);
	window = argc > 4 ? atol(argv[4]) : 2000;
	if ((fd = open(argv[3], O_RDONLY | O_CLOEXEC)) < 0) {
		perror(argv[3]);
		return 2;
	}
	counts = mmap(NULL, NSIGS * sizeof(uint64_t), PROT_READ, MAP_SHARED,
	    fd, 0);
	if (counts == MAP_FAILED) {
		perror("mmap");
		return 2;
	}
	t0 = now_ns();
	for (i = 0; i < n; i++) {
		sig = storm[i % (long)(sizeof(storm) / sizeof(storm[0]))];
		if (sig >= RTMIN) {
			t_wait = now_ns();
			while (rt_sent - rt_seen(counts) >= (uint64_t)window) {
				if (now_ns() - t_wait > 10000000000ULL) {
					fprintf(stderr, "sigstorm: after %ld signals, "
					    "%llu real-time ones still unseen after 10 s\n",
					    i, (unsigned long long)(rt_sent - rt_seen(counts)));
					return 1;
				}
				nanosleep(&pause, NULL);
			}
		}
		while (kill(pid, sig) < 0) {
			if (errno != EAGAIN) {
				perror("sigstorm: kill");
				return 1;
			}
			nanosleep(&pause, NULL);
		}
		sent[sig]++;
		if (sig >= RTMIN)
			rt_sent++;
	}
	printf("sent %ld in %llu ms\n", n,
	    (unsigned long long)((now_ns() - t0) / 1000000));
	for (i = 1; i < NSIGS; i++)
		if (sent[i])
			printf("sent %ld %llu\n", i, (unsigned long long)sent[i]);
	return 0;
}
