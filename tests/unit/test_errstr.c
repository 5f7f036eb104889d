/* SPDX-License-Identifier: MIT */
/* test_errstr.c - tend's strerror: musl's texts for the errnos it can meet. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "errstr.h"

/* musl 1.2.3's text for each errno tend keeps (src/errno/__strerror.h): the
 * messages users and the integration tests know must not change. */
static const struct { int e; const char *s; } musl[] = {
	{ ENOENT, "No such file or directory" },
	{ EACCES, "Permission denied" },
	{ EPERM, "Operation not permitted" },
	{ ENOEXEC, "Exec format error" },
	{ ENOTDIR, "Not a directory" },
	{ EISDIR, "Is a directory" },
	{ ELOOP, "Symbolic link loop" },
	{ ENAMETOOLONG, "Filename too long" },
	{ E2BIG, "Argument list too long" },
	{ ETXTBSY, "Text file busy" },
	{ ENOMEM, "Out of memory" },
	{ EAGAIN, "Resource temporarily unavailable" },
	{ EINVAL, "Invalid argument" },
	{ EINTR, "Interrupted system call" },
	{ EIO, "I/O error" },
	{ EFAULT, "Bad address" },
	{ EBADF, "Bad file descriptor" },
	{ EMFILE, "No file descriptors available" },
	{ ENFILE, "Too many open files in system" },
	{ ESRCH, "No such process" },
	{ ECHILD, "No child process" },
	{ ENOSYS, "Function not implemented" },
	{ EEXIST, "File exists" },
	{ EROFS, "Read-only file system" },
	{ ENOSPC, "No space left on device" },
	{ EBUSY, "Resource busy" },
	{ ENXIO, "No such device or address" },
	{ ENODEV, "No such device" },
	{ EPIPE, "Broken pipe" },
	{ ECONNREFUSED, "Connection refused" },
	{ ECONNRESET, "Connection reset by peer" },
	{ ECONNABORTED, "Connection aborted" },
	{ ETIMEDOUT, "Operation timed out" },
	{ EHOSTUNREACH, "Host is unreachable" },
	{ EHOSTDOWN, "Host is down" },
	{ ENETUNREACH, "Network unreachable" },
	{ ENETDOWN, "Network is down" },
	{ EADDRNOTAVAIL, "Address not available" },
	{ EADDRINUSE, "Address in use" },
	{ EAFNOSUPPORT, "Address family not supported by protocol" },
	{ EPROTONOSUPPORT, "Protocol not supported" },
	{ ENOBUFS, "No buffer space available" },
	{ ENOTCONN, "Socket not connected" },
	{ ENOTSOCK, "Not a socket" },
	{ EINPROGRESS, "Operation in progress" },
	{ EALREADY, "Operation already in progress" },
	{ EOVERFLOW, "Value too large for data type" },
};

static void
test_errstr_kept_errnos_read_as_musl(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(musl) / sizeof(musl[0]); i++)
		assert_string_equal(errstr(musl[i].e), musl[i].s);
}

/* Every other number reads "error N": no message shifted onto a wrong
 * errno, nothing read past the table. */
static void
test_errstr_other_numbers_read_error_n(void **state)
{
	char want[32];

	(void)state;
	for (int e = -300; e <= 300; e++) {
		size_t i;

		for (i = 0; i < sizeof(musl) / sizeof(musl[0]); i++)
			if (musl[i].e == e)
				break;
		if (i < sizeof(musl) / sizeof(musl[0]))
			continue;
		snprintf(want, sizeof(want), "error %d", e);
		assert_string_equal(errstr(e), want);
	}
	assert_string_equal(errstr(-2147483647 - 1), "error -2147483648");
	assert_string_equal(errstr(256 + ENOENT), "error 258");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_errstr_kept_errnos_read_as_musl),
		cmocka_unit_test(test_errstr_other_numbers_read_error_n),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
