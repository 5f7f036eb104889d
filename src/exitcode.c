/* SPDX-License-Identifier: MIT */
/*
 * exitcode.c - wait status and exec errno to exit code, and -e remapping.
 */
#include <errno.h>
#include <sys/wait.h>

#include "exitcode.h"

void
exitmap_set(struct exitmap *m, int from, int to)
{
	if (from >= 0 && from < 256 && to >= 0 && to < 256)
		m->to[from] = (unsigned short)(to + 1);
}

int
exitcode_from_status(int status)
{
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return -1;
}

int
exitcode_remap(const struct exitmap *m, int code)
{
	if (code < 0 || code > 255 || m->to[code] == 0)
		return code;
	return m->to[code] - 1;
}

int
exitcode_for_exec_errno(int e)
{
	/* As POSIX shells do: not found (also a missing PATH dir) is 127. */
	return e == ENOENT || e == ENOTDIR ? EXIT_NOT_FOUND : EXIT_CANNOT_EXEC;
}
