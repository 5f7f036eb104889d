/* SPDX-License-Identifier: MIT */
/*
 * sigcount [-c FILE] [-p FIFO] [-x CODE] - an app that counts signals.
 *
 * Catches every catchable signal and counts each number in a table of 65
 * 64-bit counters: in FILE (created, and mapped shared so other processes
 * can watch the counts live) or in private memory. With -p, every SIGUSR1
 * also writes one byte to FIFO, so a sender can time the round trip.
 * Prints "ready" once set up. On SIGTERM it prints "sig N COUNT" for each
 * signal seen, then "total COUNT", and exits CODE (default 0).
 */
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define NSIGS	65

static volatile uint64_t *counts;
static volatile sig_atomic_t got_term;
static int ping_fd = -1;

static void
on_signal(int sig)
{
	if (sig > 0 && sig < NSIGS)
		__atomic_fetch_add(&counts[sig], 1, __ATOMIC_RELAXED);
	if (sig == SIGUSR1 && ping_fd >= 0)
		(void)!write(ping_fd, "x", 1);
	if (sig == SIGTERM)
		got_term = 1;
}

static volatile uint64_t *
map_counts(const char *path)
{
	size_t len = NSIGS * sizeof(uint64_t);
	void *p;
	int fd;

	if (path == NULL)
		p = mmap(NULL, len, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	else {
		fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
		if (fd < 0 || ftruncate(fd, (off_t)len) < 0) {
			perror(path);
			exit(2);
		}
		p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		close(fd);
	}
	if (p == MAP_FAILED) {
		perror("mmap");
		exit(2);
	}
	return p;
}

int
main(int argc, char **argv)
{
	const char *file = NULL, *fifo = NULL;
	struct sigaction sa;
	sigset_t all, none;
	uint64_t total = 0;
	int code = 0, i, c;

	while ((c = getopt(argc, argv, "c:p:x:")) != -1) {
		if (c == 'c')
			file = optarg;
		else if (c == 'p')
			fifo = optarg;
		else if (c == 'x')
			code = atoi(optarg);
		else
			return 2;
	}
	counts = map_counts(file);
	/* Read-write, so opening never waits for the other end. */
	if (fifo && (ping_fd = open(fifo, O_RDWR | O_CLOEXEC)) < 0) {
		perror(fifo);
		return 2;
	}
	sigfillset(&all);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &all, NULL);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigfillset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	for (i = 1; i < NSIG; i++)
		if (i != SIGKILL && i != SIGSTOP)
			(void)sigaction(i, &sa, NULL);
	printf("ready\n");
	fflush(stdout);
	while (!got_term)
		sigsuspend(&none);
	for (i = 1; i < NSIGS; i++) {
		if (counts[i] == 0)
			continue;
		printf("sig %d %llu\n", i, (unsigned long long)counts[i]);
		total += counts[i];
	}
	printf("total %llu\n", (unsigned long long)total);
	return code;
}
