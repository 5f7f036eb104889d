/* SPDX-License-Identifier: MIT */
/*
 * statsock - both ends of "tend status" as an attacker would play them.
 *
 *   statsock squat PID answer TEXT   bind tend's status name for the PID
 *   statsock squat PID drip TEXT     namespace of PID ("self": our own, or
 *                                    "pid:[INODE]": that namespace) and
 *                                    answer every client TEXT and a newline,
 *                                    at once or one byte every 100 ms
 *   statsock flood PID N             N processes that connect, read the
 *                                    answer and reconnect, as fast as they can
 *
 * The squatter prints "ready" once it listens, and exits 3 if the name is
 * taken. Both run until killed; the flooders die with their parent.
 */
#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static socklen_t
name_of(const char *pid, struct sockaddr_un *sun)
{
	char path[64], ns[64];
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%s/ns/pid", pid);
	if (strncmp(pid, "pid:[", 5) == 0)
		n = snprintf(ns, sizeof(ns), "%s", pid);
	else if ((n = readlink(path, ns, sizeof(ns) - 1)) < 0) {
		perror(path);
		exit(2);
	}
	ns[n] = '\0';
	memset(sun, 0, sizeof(*sun));
	sun->sun_family = AF_UNIX;
	n = snprintf(sun->sun_path + 1, sizeof(sun->sun_path) - 1, "tend-status-%s", ns);
	return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + (size_t)n);
}

static int
squat(struct sockaddr_un *sun, socklen_t len, int drip, const char *text)
{
	char line[1024];
	int lfd, c;
	size_t n, i;

	n = (size_t)snprintf(line, sizeof(line), "%s\n", text);
	if (n >= sizeof(line))
		n = sizeof(line) - 1;
	lfd = socket(AF_UNIX, SOCK_STREAM, 0);
	if (lfd < 0 || bind(lfd, (struct sockaddr *)sun, len) < 0 || listen(lfd, 16) < 0) {
		perror("statsock: bind");
		return 3;
	}
	printf("ready\n");
	fflush(stdout);
	signal(SIGPIPE, SIG_IGN);
	while ((c = accept(lfd, NULL, NULL)) >= 0) {
		for (i = 0; i < n; i++) {
			if (write(c, line + i, drip ? 1 : n - i) < 0)
				break;
			if (!drip)
				break;
			usleep(100000);
		}
		close(c);
	}
	return 1;
}

static void
flood(struct sockaddr_un *sun, socklen_t len)
{
	char buf[512];
	int fd;

	for (;;) {
		if ((fd = socket(AF_UNIX, SOCK_STREAM, 0)) < 0)
			_exit(1);
		if (connect(fd, (struct sockaddr *)sun, len) == 0)
			while (read(fd, buf, sizeof(buf)) > 0)
				;
		else
			usleep(1000);
		close(fd);
	}
}

int
main(int argc, char **argv)
{
	struct sockaddr_un sun;
	socklen_t len;
	int i, n;

	if (argc != 5 && !(argc == 4 && strcmp(argv[1], "flood") == 0)) {
		fprintf(stderr, "usage: statsock squat PID answer|drip TEXT | flood PID N\n");
		return 2;
	}
	len = name_of(argv[2], &sun);
	if (strcmp(argv[1], "squat") == 0)
		return squat(&sun, len, strcmp(argv[3], "drip") == 0, argv[4]);
	n = atoi(argv[3]);
	for (i = 0; i < n; i++)
		if (fork() == 0) {
			prctl(PR_SET_PDEATHSIG, SIGKILL);
			flood(&sun, len);
		}
	printf("ready\n");
	fflush(stdout);
	for (;;)
		pause();
}
