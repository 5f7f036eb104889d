/* SPDX-License-Identifier: MIT */
/*
 * memfn.h - byte-at-a-time memory and string functions for the static tend.
 *
 * musl's memcpy, memmove and memset are written for speed: in C where it
 * has no assembly ones (powerpc64, s390x, riscv64), unrolled word copies
 * and shifts, 1.4-1.7 KB together; in assembly elsewhere, still 190-1,000 B
 * more than these. tend copies a few hundred bytes at a time at most, so
 * the static musl build defines these (70-150 B) under the C library's own
 * names (TEND_OWN_LIBC): the linker takes them for tend's own calls, the
 * compiler's and musl's, and leaves musl's in libc.a. strlen and memchr
 * likewise (musl's read a word at a time), and strcspn, strcasecmp and
 * strncasecmp (bit sets, tolower calls). Defined in tend's own code, LTO
 * sees each call's target: on ppc64el every call to a function outside it
 * costs a TOC-restore slot (a nop) at the call site, which linking them in
 * with --wrap left in place. The unit tests build them as tend_memcpy etc.,
 * beside the host's. Pure.
 */
#ifndef TEND_MEMFN_H
#define TEND_MEMFN_H

#include <stddef.h>

#ifdef TEND_OWN_LIBC
#define MEMFN_NAME(f)	f
#else
#define MEMFN_NAME(f)	tend_##f
#endif

/* NOLINTBEGIN(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp): the C library's names */
void	*MEMFN_NAME(memmove)(void *dst, const void *src, size_t n);
void	*MEMFN_NAME(memcpy)(void *dst, const void *src, size_t n);
void	*MEMFN_NAME(memset)(void *dst, int c, size_t n);
size_t	 MEMFN_NAME(strlen)(const char *s);
size_t	 MEMFN_NAME(strnlen)(const char *s, size_t n);
void	*MEMFN_NAME(memchr)(const void *s, int c, size_t n);
size_t	 MEMFN_NAME(strcspn)(const char *s, const char *reject);
char	*MEMFN_NAME(strchr)(const char *s, int c);
char	*MEMFN_NAME(strrchr)(const char *s, int c);
int	 MEMFN_NAME(memcmp)(const void *a, const void *b, size_t n);
int	 MEMFN_NAME(strncmp)(const char *a, const char *b, size_t n);
int	 MEMFN_NAME(strcmp)(const char *a, const char *b);
int	 MEMFN_NAME(strncasecmp)(const char *a, const char *b, size_t n);
int	 MEMFN_NAME(strcasecmp)(const char *a, const char *b);

/* NOLINTEND(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
#endif
