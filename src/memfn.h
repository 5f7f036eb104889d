/* SPDX-License-Identifier: MIT */
/*
 * memfn.h - byte-at-a-time memory and string functions for the static tend.
 *
 * musl's memcpy, memmove and memset are written for speed: in C where it
 * has no assembly ones (powerpc64, s390x, riscv64), unrolled word copies
 * and shifts, 1.4-1.7 KB together; in assembly elsewhere, still 190-1,000 B
 * more than these. tend copies a few hundred bytes at a time at most, so
 * the release build links with -Wl,--wrap=memcpy,--wrap=memmove,--wrap=memset
 * and gets these (70-150 B) instead, for its own calls, the compiler's and
 * musl's. strlen and memchr likewise (musl's read a word at a time), and
 * strcspn, strcasecmp and strncasecmp (bit sets, tolower calls). Pure.
 */
#ifndef TEND_MEMFN_H
#define TEND_MEMFN_H

#include <stddef.h>

/* NOLINTBEGIN(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp): --wrap needs these names */
void	*__wrap_memmove(void *dst, const void *src, size_t n);
void	*__wrap_memcpy(void *dst, const void *src, size_t n);
void	*__wrap_memset(void *dst, int c, size_t n);
size_t	 __wrap_strlen(const char *s);
size_t	 __wrap_strnlen(const char *s, size_t n);
void	*__wrap_memchr(const void *s, int c, size_t n);
size_t	 __wrap_strcspn(const char *s, const char *reject);
char	*__wrap_strchr(const char *s, int c);
char	*__wrap_strrchr(const char *s, int c);
int	 __wrap_memcmp(const void *a, const void *b, size_t n);
int	 __wrap_strncmp(const char *a, const char *b, size_t n);
int	 __wrap_strcmp(const char *a, const char *b);
int	 __wrap_strncasecmp(const char *a, const char *b, size_t n);
int	 __wrap_strcasecmp(const char *a, const char *b);

/* NOLINTEND(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
#endif
