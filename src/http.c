/* SPDX-License-Identifier: MIT */
/*
 * http.c - build the probe request and judge the response's status line.
 *
 * The parser is a byte-at-a-time state machine so that it cannot care
 * where the network split the response. It keeps no copy of the input:
 * only the phase, the code so far and byte counts. See http.h for the
 * exact subset spoken; sockets and timeouts are the probe runner's.
 */
#include <string.h>

#include "fmt.h"
#include "http.h"

enum http_phase {
	HTTP_PHASE_NAME,	/* "HTTP/D.D ": the byte's place says what */
	HTTP_PHASE_SPACES,	/* more spaces, or the first digit */
	HTTP_PHASE_CODE2,	/* second digit */
	HTTP_PHASE_CODE3,	/* third digit */
	HTTP_PHASE_CODE_END,	/* after three digits */
	HTTP_PHASE_REASON,
	HTTP_PHASE_LF,		/* after CR */
	HTTP_PHASE_HDR_BOL,	/* 1xx: at the start of a header line */
	HTTP_PHASE_HDR_LINE,	/* 1xx: inside a header line */
	HTTP_PHASE_HDR_CR	/* 1xx: CR at the start of a line */
};

static const char http_start[] = "HTTP/#.# ";

/* All zero bytes is a parser ready to start: probe.c relies on it. */
_Static_assert(HTTP_MORE == 0, "zeroed is ready");
_Static_assert(HTTP_PHASE_NAME == 0, "zeroed is ready");

/* Printable ASCII only: anything else could end the line or the header. */
static bool
http_token_ok(const char *s)
{
	if (s == NULL || *s == '\0')
		return false;
	for (; *s != '\0'; s++)
		if ((unsigned char)*s <= 0x20 || (unsigned char)*s >= 0x7f)
			return false;
	return true;
}

size_t
http_build_request(char *buf, size_t n, const char *host, const char *path)
{
	int	len;

	if (buf == NULL || n == 0 || !http_token_ok(host) ||
	    !http_token_ok(path) || path[0] != '/')
		return 0;
	len = fmt_format(buf, n, "GET %s HTTP/1.1\r\n"
	    "Host: %s\r\n"
	    "User-Agent: tend\r\n"
	    "Connection: close\r\n"
	    "\r\n", path, host);
	if (len < 0 || (size_t)len >= n) {
		buf[0] = '\0';
		return 0;
	}
	return (size_t)len;
}

void
http_resp_init(struct http_resp *r)
{
	memset(r, 0, sizeof(*r));
}

static bool
http_is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/*
 * One byte of the response. Returns why it is not HTTP, or NULL: then
 * verdict is HTTP_DONE at the end of the status line, still HTTP_MORE
 * otherwise.
 */
static const char *
http_resp_step(struct http_resp *r, unsigned char c)
{
	int ph = r->phase;
	unsigned char want;

	/* A CR, in the status line or at a 1xx header's end, wants its LF. */
	if ((ph == HTTP_PHASE_LF || ph == HTTP_PHASE_HDR_CR) && c != '\n')
		return "CR not followed by LF";
	/*
	 * The headers of an interim (1xx) response, skipped up to the empty
	 * line that ends them; then the next response's status line starts.
	 */
	if (ph >= HTTP_PHASE_HDR_BOL) {
		if (c != '\n')
			r->phase = ph == HTTP_PHASE_HDR_BOL && c == '\r' ?
			    HTTP_PHASE_HDR_CR : HTTP_PHASE_HDR_LINE;
		else if (ph == HTTP_PHASE_HDR_LINE)
			r->phase = HTTP_PHASE_HDR_BOL;
		else {
			r->phase = HTTP_PHASE_NAME;
			r->line = 0;
		}
		return NULL;
	}
	/*
	 * "HTTP/D.D " - the name is case-sensitive, one digit each side.
	 * These are the line's first 9 bytes, all in one phase: the byte's
	 * place in the line says what it must be ('#': a digit) and what is
	 * wrong.
	 */
	if (ph == HTTP_PHASE_NAME) {
		want = (unsigned char)http_start[r->line - 1];
		if (want == '#' ? !http_is_digit(c) : c != want)
			return r->line < 6 ? "not an HTTP response" :
			    r->line < 9 ? "bad HTTP version" :
			    "no space after HTTP version";
		if (r->line == sizeof(http_start) - 1)
			r->phase = HTTP_PHASE_SPACES;
		return NULL;
	}
	/*
	 * Spaces, then exactly three digits. Extra spaces are tolerated
	 * because Go's client, and so the kubelet, tolerates them.
	 */
	if (ph <= HTTP_PHASE_CODE3) {
		if (ph == HTTP_PHASE_SPACES && c == ' ')
			return NULL;
		if (!http_is_digit(c))
			return "bad status code";
		r->status = r->status * 10 + (c - '0');
		r->phase++;
		if (ph == HTTP_PHASE_CODE3 &&
		    (r->status < 100 || r->status > 599))
			return "status code out of range";
		return NULL;
	}
	/* What may follow the code: a reason phrase or the end of the line. */
	if (c == '\n')
		r->verdict = HTTP_DONE;
	else if (c == '\r')
		r->phase = HTTP_PHASE_LF;
	else if (ph == HTTP_PHASE_CODE_END) {
		if (c != ' ')
			return "bad status code";
		r->phase = HTTP_PHASE_REASON;
	} else if (c == '\0')
		return "NUL byte in status line";
	else if ((c < 0x20 && c != '\t') || c == 0x7f)
		return "control byte in status line";
	return NULL;
}

enum http_verdict
http_resp_feed(struct http_resp *r, const char *data, size_t n)
{
	const char	*why;
	size_t		 i;

	for (i = 0; i < n && r->verdict == HTTP_MORE; i++) {
		if (r->len == HTTP_HEAD_MAX)
			why = "1xx responses too long";
		else if (r->line == HTTP_STATUS_LINE_MAX &&
		    r->phase < HTTP_PHASE_HDR_BOL)
			why = "status line too long";
		else {
			r->len++;
			r->line++;
			why = http_resp_step(r, (unsigned char)data[i]);
		}
		/*
		 * 1xx but 101 is interim: the verdict is the final response's,
		 * as for the kubelet (Go's client, which also gives up after
		 * five of them). 101 ends the exchange and is unhealthy.
		 */
		if (r->verdict == HTTP_DONE && r->status < 200 && r->status != 101) {
			r->verdict = HTTP_MORE;
			r->phase = HTTP_PHASE_HDR_BOL;
			r->status = 0;
			if (++r->interim > HTTP_INTERIM_MAX)
				why = "too many 1xx responses";
		}
		if (why) {
			r->why = why;
			r->status = 0;
			r->verdict = HTTP_BAD;
		}
	}
	return r->verdict;
}

bool
http_status_healthy(int status)
{
	return status >= 200 && status <= 399;
}
