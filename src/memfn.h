/* SPDX-License-Identifier: MIT */
/*
 * memfn.h - byte-at-a-time memcpy, memmove and memset for the static tend.
 *
 * Where musl has no assembly versions (powerpc64, s390x, riscv64) its C
 * memcpy, memmove and memset unroll word copies and shifts for speed:
 * 1.4-1.7 KB together. tend copies a few hundred bytes at a time at most,
 * so on those architectures the release build links with
 * -Wl,--wrap=memcpy,--wrap=memmove,--wrap=memset and gets these (about
 * 150 B) instead, for its own calls, the compiler's and musl's. Pure.
 */
#ifndef TEND_MEMFN_H
#define TEND_MEMFN_H

#include <stddef.h>

void	*__wrap_memmove(void *dst, const void *src, size_t n);
void	*__wrap_memcpy(void *dst, const void *src, size_t n);
void	*__wrap_memset(void *dst, int c, size_t n);

#endif
