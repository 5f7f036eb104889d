/* SPDX-License-Identifier: MIT */
/*
 * ptyrun [-d MS] [-c CODE] -- COMMAND... - run COMMAND on a new pseudo-
 * terminal as its controlling terminal, as an interactive shell would,
 * copying its output to stdout. After -d MS milliseconds, type the byte
 * CODE (3 is Ctrl-C, 26 is Ctrl-Z) once. Exits with COMMAND's code, or
 * 128+N if it died of signal N; kills it after 20 s so a test never hangs.
 */
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int
main(int argc, char **argv)
{
	long delay = -1, start, left;
	int code = 3, c, master, st;
	struct pollfd pfd;
	char buf[4096];
	ssize_t n;
	pid_t pid;

	while ((c = getopt(argc, argv, "d:c:")) != -1) {
		if (c == 'd')
			delay = atol(optarg);
		else if (c == 'c')
			code = atoi(optarg);
		else
			return 2;
	}
	if (optind >= argc)
		return 2;
	pid = forkpty(&master, NULL, NULL, NULL);
	if (pid < 0) {
		perror("forkpty");
		return 1;
	}
	if (pid == 0) {
		execvp(argv[optind], argv + optind);
		_exit(127);
	}
	start = now_ms();
	pfd.fd = master;
	pfd.events = POLLIN;
	for (;;) {
		left = delay >= 0 ? delay - (now_ms() - start) : 1000;
		if (now_ms() - start > 20000) {
			kill(pid, SIGKILL);
			break;
		}
		if (poll(&pfd, 1, left < 0 ? 0 : left > 1000 ? 1000 : (int)left) < 0 &&
		    errno != EINTR)
			break;
		if (delay >= 0 && now_ms() - start >= delay) {
			char b = (char)code;

			(void)!write(master, &b, 1);
			delay = -1;
		}
		if (pfd.revents & (POLLIN | POLLHUP)) {
			n = read(master, buf, sizeof(buf));
			if (n <= 0)
				break;
			(void)!write(STDOUT_FILENO, buf, (size_t)n);
		}
	}
	if (waitpid(pid, &st, 0) < 0)
		return 1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
