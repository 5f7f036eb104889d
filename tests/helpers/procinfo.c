/* SPDX-License-Identifier: MIT */
/*
 * procinfo - print what a freshly started app inherited, for the tests:
 * its argv (each argument in brackets), signal mask and dispositions, open
 * fds, process group and terminal foreground, cwd and credentials, then
 * the environment variables named on the command line after "--env".
 */
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static void
print_status_lines(void)
{
	static const char *const keys[] = { "SigBlk:", "SigIgn:", "SigCgt:",
	    "Uid:", "Gid:", "Groups:", "NoNewPrivs:" };
	char line[512];
	size_t i;
	FILE *f = fopen("/proc/self/status", "r");

	if (f == NULL)
		return;
	while (fgets(line, sizeof(line), f))
		for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
			if (strncmp(line, keys[i], strlen(keys[i])) == 0)
				fputs(line, stdout);
	fclose(f);
}

static void
print_fds(void)
{
	struct dirent *de;
	DIR *d = opendir("/proc/self/fd");

	printf("fds:");
	while (d && (de = readdir(d)) != NULL)
		if (de->d_name[0] != '.' && atoi(de->d_name) != dirfd(d))
			printf(" %s", de->d_name);
	printf("\n");
	if (d)
		closedir(d);
}

int
main(int argc, char **argv)
{
	char cwd[4096];
	int i;

	printf("args:");
	for (i = 0; i < argc && strcmp(argv[i], "--env") != 0; i++)
		printf(" [%s]", argv[i]);
	printf("\n");
	print_status_lines();
	print_fds();
	printf("pid: %d\npgid: %d\nsid: %d\n", (int)getpid(), (int)getpgrp(),
	    (int)getsid(0));
	printf("tty_fg: %d\n", isatty(0) ? (int)tcgetpgrp(0) : -1);
	printf("cwd: %s\n", getcwd(cwd, sizeof(cwd)) ? cwd : "?");
	for (i++; i < argc; i++)
		printf("env %s=%s\n", argv[i], getenv(argv[i]) ? getenv(argv[i]) : "(unset)");
	return 0;
}
