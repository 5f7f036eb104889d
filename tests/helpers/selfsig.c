/* SPDX-License-Identifier: MIT */
/*
 * selfsig SIG CMD [ARGS...] - exec CMD with SIG pending, sent by itself.
 *
 * Blocks SIG, sends it to its own thread with raise() (tgkill, as the Go
 * runtime of runc init does with SIGURG to preempt a thread), then execs
 * CMD, which inherits the mask and the pending signal: what an init
 * started by such a runtime finds waiting for it.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	sigset_t set;
	int sig;

	if (argc < 3 || (sig = atoi(argv[1])) <= 0) {
		fprintf(stderr, "usage: selfsig SIG CMD [ARGS...]\n");
		return 2;
	}
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_BLOCK, &set, NULL);
	raise(sig);
	execvp(argv[2], argv + 2);
	perror(argv[2]);
	return 127;
}
