/* SPDX-License-Identifier: MIT */
/*
 * parse.h - strict parsers for the scalar values tend reads from its
 * command line and environment: unsigned integers, booleans, durations.
 *
 * Pure: no locale, no errno games, no system calls. Each returns 0 or a
 * negative errno-style code; the caller names the option in its message.
 */
#ifndef TEND_PARSE_H
#define TEND_PARSE_H

#include <stdbool.h>
#include <stdint.h>

#define NSEC_PER_MSEC	1000000ULL
#define NSEC_PER_SEC	1000000000ULL

/*
 * Parse a decimal unsigned integer no greater than max: digits only, no
 * sign, no spaces, no empty string. Returns 0, -EINVAL or -ERANGE.
 */
int	parse_uint(const char *s, uint64_t max, uint64_t *ret);

/*
 * Consume the decimal digits at *sp, leaving *sp at the first other byte:
 * 0 with the value in *ret, -EINVAL if there is no digit, or -ERANGE if
 * it is above max.
 */
int	parse_digits(const char **sp, uint64_t max, uint64_t *ret);

/*
 * Parse 1/true/yes/on or 0/false/no/off, ignoring case.
 * Returns 0 or -EINVAL.
 */
int	parse_bool(const char *s, bool *ret);

/*
 * Parse a duration into nanoseconds: a bare number of seconds ("30"), or
 * one or more number+unit terms in decreasing order of unit ("250ms",
 * "5s", "1m30s", "1h"), units h, m, s, ms. Fractions are not accepted.
 * The total may not exceed 1000 days. s is not NULL. Returns 0, -EINVAL
 * or -ERANGE.
 */
int	parse_duration(const char *s, uint64_t *ret_ns);

/*
 * Write ns as the shortest duration string parse_duration accepts back,
 * e.g. "1m30s", "250ms", "0s". Truncates like snprintf; returns buf.
 */
char	*parse_format_duration(uint64_t ns, char *buf, unsigned n);

#endif
