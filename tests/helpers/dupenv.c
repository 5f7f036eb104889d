/* SPDX-License-Identifier: MIT */
/*
 * dupenv - run a command with some variables in its environment twice.
 *
 *	dupenv NAME=VALUE ... -- COMMAND [ARG ...]
 *
 * Each NAME=VALUE is added after the current environment, even if NAME is
 * already there: a shell's export or env(1) can never make such a
 * duplicate, but a careless parent process can, and getenv() then reads
 * the first copy.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

int
main(int argc, char *argv[])
{
	char **env;
	int i, n = 0, add;

	for (add = 1; add < argc && strcmp(argv[add], "--") != 0; add++)
		;
	if (add >= argc - 1) {
		fprintf(stderr, "usage: dupenv NAME=VALUE ... -- COMMAND [ARG ...]\n");
		return 2;
	}
	while (environ[n])
		n++;
	if ((env = calloc((size_t)(n + add), sizeof(*env))) == NULL)
		return 1;
	memcpy(env, environ, (size_t)n * sizeof(*env));
	for (i = 1; i < add; i++)
		env[n++] = argv[i];
	env[n] = NULL;
	execve(argv[add + 1], argv + add + 1, env);
	perror(argv[add + 1]);
	return 127;
}
