/* SPDX-License-Identifier: MIT */
/*
 * orphans N - make N orphans: each is forked by a short-lived middle child
 * that exits at once, so the orphan is reparented to the init (or
 * subreaper) and becomes its zombie when it exits right after.
 * Prints "made N" when done.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 100, i, made = 0;
	pid_t mid;

	for (i = 0; i < n; i++) {
		mid = fork();
		if (mid < 0) {
			perror("fork");
			break;
		}
		if (mid == 0) {
			if (fork() == 0)
				_exit(0);	/* the orphan: exits at once */
			_exit(0);
		}
		if (waitpid(mid, NULL, 0) == mid)
			made++;
	}
	printf("made %ld\n", made);
	return made == n ? 0 : 1;
}
