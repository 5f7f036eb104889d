/* SPDX-License-Identifier: MIT */
/*
 * daemon MODE FILE - leave a background process behind, as daemons do:
 * fork, setsid, fork again, and let the middle and the caller exit.
 *   term FILE MS   on SIGTERM wait MS milliseconds, write FILE, exit 0
 *   ignore FILE    ignore SIGTERM; write FILE when started, never exit
 * The caller exits 0 once the daemon is ready (has written FILE.ready).
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *file;
static long delay_ms;

static void
write_file(const char *path, const char *what)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd >= 0) {
		(void)!write(fd, what, strlen(what));
		fsync(fd);
		close(fd);
	}
}

static void
on_term(int sig)
{
	struct timespec ts = { delay_ms / 1000, (delay_ms % 1000) * 1000000 };

	(void)sig;
	nanosleep(&ts, NULL);
	write_file(file, "drained\n");
	_exit(0);
}

int
main(int argc, char **argv)
{
	char ready[4096];
	int p[2];
	pid_t pid;

	if (argc < 3)
		return 2;
	file = argv[2];
	delay_ms = argc > 3 ? atol(argv[3]) : 0;
	snprintf(ready, sizeof(ready), "%s.ready", file);
	if (pipe(p) < 0 || (pid = fork()) < 0)
		return 1;
	if (pid > 0) {
		char c;

		close(p[1]);
		waitpid(pid, NULL, 0);
		return read(p[0], &c, 1) == 1 ? 0 : 1;
	}
	close(p[0]);
	/* Hold none of the test's pipes open, as a well-behaved daemon. */
	p[0] = open("/dev/null", O_RDWR);
	dup2(p[0], 0);
	dup2(p[0], 1);
	dup2(p[0], 2);
	setsid();
	if (fork() != 0)
		_exit(0);
	if (strcmp(argv[1], "ignore") == 0)
		signal(SIGTERM, SIG_IGN);
	else
		signal(SIGTERM, on_term);
	write_file(ready, "ready\n");
	(void)!write(p[1], "r", 1);
	close(p[1]);
	for (;;)
		pause();
}
