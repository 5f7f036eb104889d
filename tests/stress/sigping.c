/* SPDX-License-Identifier: MIT */
/*
 * sigping [-t MS] N PID FIFO [PID FIFO...] - time how long a signal takes
 * to get through an init.
 *
 * Sends SIGUSR1 to each PID (an init) in turn, N times each, each time
 * waiting until the app behind it (sigcount -p FIFO) has written its byte
 * to FIFO, with a short pause in between so this measures latency, not
 * throughput. Taking turns means every target sees the same background
 * load, so their figures can be compared. A ping not answered within 2 s
 * counts as lost. With -t, stop after MS milliseconds even if fewer than N
 * rounds were done (N is then the most there can be).
 *
 * Prints, per target,
 * "PID pings N lost L median_us M p90_us P p99_us Q max_us X".
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#define TARGETS_MAX	8

struct target {
	pid_t		 pid;
	struct pollfd	 pfd;
	uint64_t	*lat;
	long		 got, lost;
};

static uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

static int
ping(struct target *t)
{
	char buf[64];
	uint64_t t0;

	t0 = now_ns();
	if (kill(t->pid, SIGUSR1) < 0) {
		perror("sigping: kill");
		return -1;
	}
	if (poll(&t->pfd, 1, 2000) != 1 || read(t->pfd.fd, buf, 1) != 1) {
		t->lost++;
		return 0;
	}
	t->lat[t->got++] = now_ns() - t0;
	/* A late answer to a lost ping must not count for the next. */
	while (poll(&t->pfd, 1, 0) == 1 && read(t->pfd.fd, buf, sizeof(buf)) > 0)
		;
	return 0;
}

int
main(int argc, char **argv)
{
	struct timespec gap = { 0, 3000000 };
	struct target tg[TARGETS_MAX], *t;
	long n, i, ms = 0;
	int nt = 0, j, lost = 0;
	uint64_t start = now_ns();

	if (argc > 2 && argv[1][0] == '-' && argv[1][1] == 't') {
		ms = atol(argv[2]);
		argc -= 2;
		argv += 2;
	}
	if (argc < 4 || argc % 2 != 0 || (n = atol(argv[1])) < 1)
		return 2;
	for (j = 2; j + 1 < argc && nt < TARGETS_MAX; j += 2, nt++) {
		t = &tg[nt];
		t->pid = (pid_t)atol(argv[j]);
		t->got = t->lost = 0;
		t->pfd.events = POLLIN;
		/* Read-write: opening a FIFO so never blocks. */
		if ((t->pfd.fd = open(argv[j + 1], O_RDWR | O_CLOEXEC)) < 0) {
			perror(argv[j + 1]);
			return 2;
		}
		if ((t->lat = calloc((size_t)n, sizeof(*t->lat))) == NULL)
			return 2;
	}
	for (i = 0; i < n && (ms == 0 || now_ns() - start < (uint64_t)ms * 1000000); i++)
		for (j = 0; j < nt; j++) {
			nanosleep(&gap, NULL);
			if (ping(&tg[j]) < 0)
				return 1;
		}
	for (j = 0; j < nt; j++) {
		t = &tg[j];
		qsort(t->lat, (size_t)t->got, sizeof(*t->lat), cmp_u64);
		printf("%d pings %ld lost %ld median_us %llu p90_us %llu p99_us %llu max_us %llu\n",
		    (int)t->pid, t->got + t->lost, t->lost,
		    t->got ? (unsigned long long)t->lat[t->got / 2] / 1000 : 0,
		    t->got ? (unsigned long long)t->lat[t->got * 9 / 10] / 1000 : 0,
		    t->got ? (unsigned long long)t->lat[t->got * 99 / 100] / 1000 : 0,
		    t->got ? (unsigned long long)t->lat[t->got - 1] / 1000 : 0);
		lost += t->lost != 0;
	}
	return lost ? 1 : 0;
}
