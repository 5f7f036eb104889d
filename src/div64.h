/* SPDX-License-Identifier: MIT */
/*
 * div64.h - small 64-bit division routines under libgcc's names, for the
 * i386 tend (div64.c says why). Pure.
 */
#ifndef TEND_DIV64_H
#define TEND_DIV64_H

#include <stdint.h>

/* NOLINTBEGIN(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp): libgcc's names */
uint64_t __udivmoddi4(uint64_t n, uint64_t d, uint64_t *rem);
uint64_t __udivdi3(uint64_t n, uint64_t d);
uint64_t __umoddi3(uint64_t n, uint64_t d);
int64_t	 __divdi3(int64_t n, int64_t d);
int64_t	 __moddi3(int64_t n, int64_t d);
/* NOLINTEND(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */

#endif
