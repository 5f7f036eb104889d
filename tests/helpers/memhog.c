/* SPDX-License-Identifier: MIT */
/*
 * memhog - touch memory 1 MiB at a time until the kernel says no (or the
 * OOM killer ends it). Prints "ready" first. Exits 3 if malloc fails.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
main(void)
{
	char *p;

	printf("ready\n");
	fflush(stdout);
	for (;;) {
		if ((p = malloc(1 << 20)) == NULL)
			return 3;
		memset(p, 0x5a, 1 << 20);
	}
}
