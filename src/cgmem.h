/* SPDX-License-Identifier: MIT */
/*
 * cgmem.h - read the cgroup memory files that tell why the app was
 * KILLed: /proc/self/cgroup, memory.events (v2), memory.oom_control and
 * memory.failcnt (v1), memory.max and memory.limit_in_bytes.
 *
 * Pure: text in, values out; oom.c does the reading.
 */
#ifndef TEND_CGMEM_H
#define TEND_CGMEM_H

#include <stddef.h>
#include <stdint.h>

#define CGMEM_NO_LIMIT	UINT64_MAX

enum { CGMEM_V2 = 1, CGMEM_V1 = 2 };

/*
 * From /proc/self/cgroup's text (NUL-terminated, as are all the texts
 * here), copy the unified hierarchy's
 * path ("0::PATH") into v2 and the v1 memory controller's path
 * ("N:...memory...:PATH") into v1, each NUL-terminated in its size.
 * Returns the mask of CGMEM_V2 and CGMEM_V1 found (a path too long for
 * its buffer counts as not found).
 */
int	cgmem_paths(const char *buf, char *v2, size_t v2n, char *v1,
	    size_t v1n);

/*
 * The number after key in "key value" lines (memory.events,
 * memory.oom_control). Returns 0, -ENOENT if there is no such line, or
 * -EINVAL if it holds no number.
 */
int	cgmem_key(const char *buf, const char *key, uint64_t *val);

/*
 * A limit file: "max" (v2) or a byte count; v1's "no limit" (a count of
 * 2^62 or more) is CGMEM_NO_LIMIT too. Returns 0 or -EINVAL.
 */
int	cgmem_limit(const char *buf, uint64_t *val);

/* bytes as "64 MiB": the largest unit that divides it. */
void	cgmem_size(char *buf, size_t n, uint64_t bytes);

#endif
