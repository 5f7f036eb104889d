/* SPDX-License-Identifier: MIT */
/*
 * stopall FIFO - a hostile app: SIGSTOP everything it may, without pause.
 *
 * Loops on kill(-1, SIGSTOP), which stops every process of its own uid but
 * itself (exec probes among them, between their setuid and their exec),
 * while still answering: every SIGUSR1 writes one byte to FIFO, so
 * sigping can time how long a signal takes to get through the init. It
 * counts the processes it managed to stop at least once, and on SIGTERM
 * prints "stopped N" and exits 42.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int ping_fd = -1;
static volatile sig_atomic_t got_term;

static void
on_signal(int sig)
{
	if (sig == SIGUSR1)
		(void)!write(ping_fd, "x", 1);
	else
		got_term = 1;
}

int
main(int argc, char **argv)
{
	struct sigaction sa;
	unsigned long hits = 0;

	if (argc != 2 || (ping_fd = open(argv[1], O_RDWR | O_CLOEXEC)) < 0) {
		fprintf(stderr, "usage: stopall FIFO\n");
		return 2;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	printf("ready\n");
	fflush(stdout);
	while (!got_term)
		if (kill(-1, SIGSTOP) == 0)
			hits++;
	printf("stopped %lu\n", hits);
	return 42;
}
