/* SPDX-License-Identifier: MIT */
/*
 * exitcode.h - what tend exits with, decided without touching the OS.
 *
 * A wait status becomes the app's code (or 128+N for death by signal N),
 * then the -e remap table applies. The codes tend uses for itself are
 * named here so the man page, the tests and main.c agree.
 */
#ifndef TEND_EXITCODE_H
#define TEND_EXITCODE_H

#include <stdbool.h>

enum {
	EXIT_USAGE = 2,		/* bad option, bad value, no command */
	EXIT_WAIT_TIMEOUT = 123,	/* --wait-for: a probe never passed */
	EXIT_UNHEALTHY = 124,	/* stopped by --health-action stop */
	EXIT_DEADLINE = 124,	/* stopped by --deadline, as timeout(1) */
	EXIT_INTERNAL = 125,	/* tend itself failed before the app ran */
	EXIT_CANNOT_EXEC = 126,	/* found but not executable, or setup failed */
	EXIT_NOT_FOUND = 127,	/* no such command */
};

/*
 * -e FROM[:TO]. All zeroes means "no remapping", so a zeroed config needs
 * no set-up: to[code] is 0 for unchanged, else the new code plus one.
 */
struct exitmap {
	unsigned short	to[256];
};

/* Record -e from:to (both 0-255). */
void	exitmap_set(struct exitmap *m, int from, int to);

/*
 * The code for a wait(2) status: WEXITSTATUS, or 128 + WTERMSIG. A status
 * that is neither (stopped, continued) gives -1.
 */
int	exitcode_from_status(int status);

/* Apply m to code (0-255). */
int	exitcode_remap(const struct exitmap *m, int code);

/* The exit code for a failed exec with errno e: 127 for not found, else 126. */
int	exitcode_for_exec_errno(int e);

#endif
