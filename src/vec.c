/* SPDX-License-Identifier: MIT */
/*
 * vec.c - mmap/mremap growth, doubling, page-rounded.
 */
#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sysabi.h"
#include "vec.h"

#define VEC_PAGE	4096

int
vec_reserve(struct vec *v, size_t n)
{
	size_t need, cap, bytes;
	void *p;

	if (n > ((size_t)-1 / 2) / v->size - v->len)
		return -ENOMEM;
	need = v->len + n;
	if (need <= v->cap)
		return 0;
	cap = v->cap ? v->cap : VEC_PAGE / v->size + 1;
	while (cap < need)
		cap *= 2;
	bytes = (cap * v->size + VEC_PAGE - 1) & ~(size_t)(VEC_PAGE - 1);
	if (v->p == NULL)
		p = sysabi_mmap_anon(bytes);
	else
		p = sysabi_mremap(v->p, (v->cap * v->size + VEC_PAGE - 1) &
		    ~(size_t)(VEC_PAGE - 1), bytes);
	if (p == MAP_FAILED)
		return -ENOMEM;
	v->p = p;
	v->cap = bytes / v->size;
	return 0;
}

int
vec_append(struct vec *v, const void *src, size_t n)
{
	int r = vec_reserve(v, n);

	if (r < 0)
		return r;
	memcpy((char *)v->p + v->len * v->size, src, n * v->size);
	v->len += n;
	return 0;
}

void
vec_free(struct vec *v)
{
	if (v->p)
		(void)syscall(SYS_munmap, v->p, (v->cap * v->size + VEC_PAGE - 1) &
		    ~(size_t)(VEC_PAGE - 1));
	v->p = NULL;
	v->len = v->cap = 0;
}
