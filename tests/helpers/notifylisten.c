/* SPDX-License-Identifier: MIT */
/*
 * notifylisten ADDRESS [-n] - a datagram listener standing in for systemd's
 * NOTIFY_SOCKET: binds ADDRESS (a path, or "@name" for an abstract
 * socket), prints "ready", then each datagram on one line, its newlines
 * turned into spaces. With -n it never reads (a stuck listener) and keeps
 * its receive buffer as small as the kernel allows.
 */
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	char buf[4096];
	socklen_t len;
	ssize_t n, i;
	int fd, one = 1;

	if (argc < 2 || strlen(argv[1]) >= sizeof(a.sun_path)) {
		fprintf(stderr, "usage: notifylisten ADDRESS [-n]\n");
		return 2;
	}
	memcpy(a.sun_path, argv[1], strlen(argv[1]));
	len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + strlen(argv[1]));
	if (argv[1][0] == '@')
		a.sun_path[0] = '\0';
	else
		len++;
	if ((fd = socket(AF_UNIX, SOCK_DGRAM, 0)) < 0 ||
	    bind(fd, (struct sockaddr *)&a, len) < 0) {
		perror("notifylisten");
		return 1;
	}
	(void)setsockopt(fd, SOL_SOCKET, SO_PASSCRED, &one, sizeof(one));
	printf("ready\n");
	fflush(stdout);
	if (argc > 2 && strcmp(argv[2], "-n") == 0) {
		one = 1;
		(void)setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &one, sizeof(one));
		for (;;)
			pause();
	}
	for (;;) {
		if ((n = recv(fd, buf, sizeof(buf), 0)) < 0)
			return 1;
		for (i = 0; i < n; i++)
			if (buf[i] == '\n')
				buf[i] = ' ';
		printf("%.*s\n", (int)n, buf);
		fflush(stdout);
	}
}
