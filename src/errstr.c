/* SPDX-License-Identifier: MIT */
/*
 * errstr.c - the errno messages tend can print (see errstr.h). The texts are
 * musl's (src/errno/__strerror.h), so a message reads the same as before.
 */
#include "errstr.h"

#include <errno.h>
#include <string.h>

#include "fmt.h"

/* One errno per byte (every Linux errno tend can meet is below 256) and the
 * messages in the same order, each ended by its NUL. */
static const unsigned char codes[] = {
	ENOENT, EACCES, EPERM, ENOEXEC, ENOTDIR, EISDIR, ELOOP, ENAMETOOLONG,
	E2BIG, ETXTBSY, ENOMEM, EAGAIN, EINVAL, EINTR, EIO, EFAULT, EBADF,
	EMFILE, ENFILE, ESRCH, ECHILD, ENOSYS, EEXIST, EROFS, ENOSPC, EBUSY,
	ENXIO, ENODEV, EPIPE, ECONNREFUSED, ECONNRESET, ECONNABORTED, ETIMEDOUT,
	EHOSTUNREACH, EHOSTDOWN, ENETUNREACH, ENETDOWN, EADDRNOTAVAIL,
	EADDRINUSE, EAFNOSUPPORT, EPROTONOSUPPORT, ENOBUFS, ENOTCONN, ENOTSOCK,
	EINPROGRESS, EALREADY, EOVERFLOW,
};
static const char msgs[] =
	"No such file or directory\0"
	"Permission denied\0"
	"Operation not permitted\0"
	"Exec format error\0"
	"Not a directory\0"
	"Is a directory\0"
	"Symbolic link loop\0"
	"Filename too long\0"
	"Argument list too long\0"
	"Text file busy\0"
	"Out of memory\0"
	"Resource temporarily unavailable\0"
	"Invalid argument\0"
	"Interrupted system call\0"
	"I/O error\0"
	"Bad address\0"
	"Bad file descriptor\0"
	"No file descriptors available\0"
	"Too many open files in system\0"
	"No such process\0"
	"No child process\0"
	"Function not implemented\0"
	"File exists\0"
	"Read-only file system\0"
	"No space left on device\0"
	"Resource busy\0"
	"No such device or address\0"
	"No such device\0"
	"Broken pipe\0"
	"Connection refused\0"
	"Connection reset by peer\0"
	"Connection aborted\0"
	"Operation timed out\0"
	"Host is unreachable\0"
	"Host is down\0"
	"Network unreachable\0"
	"Network is down\0"
	"Address not available\0"
	"Address in use\0"
	"Address family not supported by protocol\0"
	"Protocol not supported\0"
	"No buffer space available\0"
	"Socket not connected\0"
	"Not a socket\0"
	"Operation in progress\0"
	"Operation already in progress\0"
	"Value too large for data type";

char *
errstr(int e)
{
	static char other[sizeof("error -2147483648")];
	const char *s = msgs;

	for (size_t i = 0; i < sizeof(codes); i++) {
		if (codes[i] == e)
			return (char *)s;
		while (*s++ != '\0')
			;	/* past this message's NUL */
	}
	fmt_format(other, sizeof(other), "error %d", e);
	return other;
}

#ifdef TEND_OWN_LIBC
/* The static musl build's strerror (memfn.h says why under libc's name). */
/* NOLINTNEXTLINE(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
char *
strerror(int e)
{
	return errstr(e);
}
#endif
