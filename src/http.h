/* SPDX-License-Identifier: MIT */
/*
 * http.h - the small piece of HTTP/1.1 that an http:// health probe speaks.
 *
 * What is sent, always and only:
 *
 *	GET PATH HTTP/1.1\r\n
 *	Host: HOST\r\n
 *	User-Agent: tend\r\n
 *	Connection: close\r\n
 *	\r\n
 *
 * What is read: the status line and nothing else,
 *
 *	HTTP/D.D SP+ DDD ( SP reason | CR LF | LF )
 *
 * where the reason phrase may hold tab, space and bytes 0x21-0xff, the line
 * ends in CR LF or a bare LF, and the whole line is at most
 * HTTP_STATUS_LINE_MAX bytes. An interim response (1xx but 101: 100
 * Continue, 103 Early Hints) is skipped with its headers, up to the empty
 * line, and the next status line read, as the kubelet does; at most
 * HTTP_INTERIM_MAX of them, in HTTP_HEAD_MAX bytes in all. The final
 * response's headers and body are never read: the probe closes the
 * connection once the verdict is in. A status of 200-399 is healthy, as
 * for a Kubernetes httpGet probe (redirects are not followed).
 *
 * Pure: no sockets, no clocks. Connecting, sending, timeouts and closing
 * are the probe runner's.
 */
#ifndef TEND_HTTP_H
#define TEND_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#define HTTP_STATUS_LINE_MAX	512	/* bytes, CR LF included */
#define HTTP_INTERIM_MAX	5	/* 1xx responses before the final one */
#define HTTP_HEAD_MAX		16384	/* bytes up to the final status line */

enum http_verdict {
	HTTP_MORE,	/* status line not complete: feed more */
	HTTP_DONE,	/* status holds the code */
	HTTP_BAD	/* not an HTTP/1.x status line; why says how */
};

/* All fields are read-only for callers. */
struct http_resp {
	enum http_verdict	 verdict;
	int			 status;	/* 101, 200-599 once HTTP_DONE */
	const char		*why;		/* static text once HTTP_BAD */
	size_t			 len;		/* bytes consumed, 1xx included */
	int			 interim;	/* 1xx responses skipped */
	size_t			 line;		/* private: bytes of this line */
	int			 phase;		/* private */
};

/*
 * Write the request for path (must start with '/') on host into buf of n
 * bytes, NUL-terminated. Returns its length without the NUL, or 0 if it
 * does not fit or if host or path is empty or holds a space or control
 * byte (which would let a spec smuggle in headers).
 */
size_t	http_build_request(char *buf, size_t n, const char *host,
	    const char *path);

/* Make r ready to parse a new response: all zero bytes, as it also is. */
void	http_resp_init(struct http_resp *r);

/*
 * Feed the next n bytes of the response (data may be NULL when n is 0).
 * Chunks may be split anywhere; the verdict is the same as if the bytes
 * came at once. Bytes after the status line are ignored. Once DONE or BAD
 * the verdict is final and further feeds return it unchanged. MORE at
 * end of stream means a truncated response: treat it as a failure.
 */
enum http_verdict	http_resp_feed(struct http_resp *r, const char *data,
			    size_t n);

/* 200-399, as Kubernetes decides for httpGet. */
bool	http_status_healthy(int status);

#endif
