/* SPDX-License-Identifier: MIT */
/*
 * vec.h - a growable array on mmap(2), for the few lists whose size only
 * the system knows (processes under /proc, the passwd file, the app's
 * environment). tend links no malloc: in a static musl binary the
 * allocator alone costs about 8 KB, and these lists are short-lived.
 */
#ifndef TEND_VEC_H
#define TEND_VEC_H

#include <stddef.h>

struct vec {
	void	*p;
	size_t	 len;		/* elements in use */
	size_t	 cap;		/* elements that fit */
	size_t	 size;		/* bytes per element */
};

#define VEC_INIT(type)	{ NULL, 0, 0, sizeof(type) }

/* Make room for n more elements; returns 0 or -ENOMEM. */
int	vec_reserve(struct vec *v, size_t n);

/* Append n elements from src; returns 0 or -ENOMEM. */
int	vec_append(struct vec *v, const void *src, size_t n);

/* Unmap; v is empty again and may be reused. */
void	vec_free(struct vec *v);

#endif
