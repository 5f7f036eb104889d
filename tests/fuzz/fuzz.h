/* SPDX-License-Identifier: MIT */
/*
 * fuzz.h - what every libFuzzer target here shares: the entry point's
 * prototype and CHECK(), which aborts (a crash libFuzzer keeps the input
 * of) when a property of the code under test does not hold.
 */
#ifndef TEND_FUZZ_H
#define TEND_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define CHECK(x)	do {						\
	if (!(x)) {							\
		fprintf(stderr, "%s:%d: check failed: %s\n",		\
		    __FILE__, __LINE__, #x);				\
		abort();						\
	}								\
} while (0)

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
