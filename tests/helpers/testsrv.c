/* SPDX-License-Identifier: MIT */
/*
 * testsrv.c - a tiny, deliberately misbehaving server for tend's
 * integration tests.
 *
 *	testsrv [-6] [-g FILE] [-i N] [-p PORT] [-s FILE] [-t SECONDS] MODE
 *
 * It listens on 127.0.0.1 (or [::1] with -6), prints the port on stdout
 * once listening, and serves every connection according to MODE:
 *
 *	http	read the request, answer with the status code in FILE
 *		(read again for each request; 200 without -s; 500 if FILE
 *		cannot be read or holds no code 100-999), then close;
 *		with -i N, N interim responses come first (100 Continue
 *		and 103 Early Hints with a header, by turns); with -g
 *		FILE, a request is held unanswered while FILE does not
 *		exist (looked for every 20 ms), so a test can hold a
 *		probe in flight until it has seen what it wants to see
 *	hang	accept and never answer
 *	garbage	answer at once with 1 MB of junk, then close
 *	reset	accept, then reset the connection (SO_LINGER 0)
 *	tcp	accept and close
 *
 * At most 64 connections are kept open; more are closed at once.
 * It exits 0 on SIGTERM or SIGINT, or after SECONDS (default 120), so a
 * broken test can never leave it running for ever. One request line per
 * http request is logged on stderr.
 *
 * This is a test helper: it makes system calls freely and is not part
 * of tend. Whether tend judges each behaviour rightly is the tests' job.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define TESTSRV_CONNS		64
#define TESTSRV_JUNK		(1024 * 1024)
#define TESTSRV_LINE		256

enum testsrv_mode {
	TESTSRV_HTTP,
	TESTSRV_HANG,
	TESTSRV_GARBAGE,
	TESTSRV_RESET,
	TESTSRV_TCP
};

enum testsrv_phase {
	TESTSRV_READING,	/* waiting for the request (or for ever) */
	TESTSRV_WRITING,	/* sending out[] */
	TESTSRV_DRAINING,	/* sent and shut down; wait for the peer */
	TESTSRV_HELD		/* request read; waiting for the -g file */
};

struct testsrv_conn {
	int			 fd;		/* -1: slot free */
	enum testsrv_phase	 phase;
	const char		*out;
	size_t			 outlen, sent;
	size_t			 col;		/* bytes on this line */
	char			 line[TESTSRV_LINE];
	size_t			 linelen;
	bool			 linedone;
	char			 resp[1024];
};

struct testsrv {
	enum testsrv_mode	mode;
	const char		*statusfile;
	const char		*gate;		/* -g: answer only once it exists */
	bool			v6;
	int			interim;
	unsigned		port;
	long			secs;
	int			lfd;
	struct testsrv_conn	conns[TESTSRV_CONNS];
};

static const char *const testsrv_modes[] = {
	[TESTSRV_HTTP] = "http",
	[TESTSRV_HANG] = "hang",
	[TESTSRV_GARBAGE] = "garbage",
	[TESTSRV_RESET] = "reset",
	[TESTSRV_TCP] = "tcp",
};

static volatile sig_atomic_t	testsrv_stop;
static char			testsrv_junk[TESTSRV_JUNK];

static void
testsrv_on_signal(int sig)
{
	(void)sig;
	testsrv_stop = 1;
}

static void
testsrv_usage(void)
{
	fprintf(stderr, "usage: testsrv [-6] [-g FILE] [-i N] [-p PORT] [-s FILE] "
	    "[-t SECONDS] http|hang|garbage|reset|tcp\n");
	exit(2);
}

static void
testsrv_die(const char *what)
{
	fprintf(stderr, "testsrv: %s: %s\n", what, strerror(errno));
	exit(1);
}

/* A number in [lo, hi] or usage. */
static long
testsrv_number(const char *s, long lo, long hi)
{
	char	*end;
	long	 v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < lo || v > hi)
		testsrv_usage();
	return v;
}

static uint64_t
testsrv_now_ms(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) == -1)
		testsrv_die("clock_gettime");
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/* Bind and listen on loopback; returns the socket, port in *ret_port. */
static int
testsrv_listen(bool v6, unsigned port, unsigned *ret_port)
{
	struct sockaddr_storage	 ss;
	struct sockaddr_in	*sin = (struct sockaddr_in *)&ss;
	struct sockaddr_in6	*sin6 = (struct sockaddr_in6 *)&ss;
	socklen_t		 len;
	int			 fd, one = 1;

	memset(&ss, 0, sizeof(ss));
	if (v6) {
		sin6->sin6_family = AF_INET6;
		sin6->sin6_addr = in6addr_loopback;
		sin6->sin6_port = htons((uint16_t)port);
		len = sizeof(*sin6);
	} else {
		sin->sin_family = AF_INET;
		sin->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		sin->sin_port = htons((uint16_t)port);
		len = sizeof(*sin);
	}
	fd = socket(ss.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC,
	    0);
	if (fd == -1)
		testsrv_die("socket");
	(void)setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (v6)
		(void)setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one,
		    sizeof(one));
	if (bind(fd, (struct sockaddr *)&ss, len) == -1)
		testsrv_die("bind");
	if (listen(fd, 64) == -1)
		testsrv_die("listen");
	if (getsockname(fd, (struct sockaddr *)&ss, &len) == -1)
		testsrv_die("getsockname");
	*ret_port = ntohs(v6 ? sin6->sin6_port : sin->sin_port);
	return fd;
}

/* The code to answer with now: tests rewrite the file between requests. */
static int
testsrv_status(const char *file)
{
	char	buf[16];
	ssize_t	n;
	int	fd;
	long	v;

	if (file == NULL)
		return 200;
	if ((fd = open(file, O_RDONLY | O_CLOEXEC)) == -1) {
		fprintf(stderr, "testsrv: %s: %s; answering 500\n", file,
		    strerror(errno));
		return 500;
	}
	n = read(fd, buf, sizeof(buf) - 1);
	(void)close(fd);
	buf[n > 0 ? n : 0] = '\0';
	v = strtol(buf, NULL, 10);
	if (v < 100 || v > 999) {
		fprintf(stderr, "testsrv: %s: no status code; answering 500\n",
		    file);
		return 500;
	}
	return (int)v;
}

static void
testsrv_close(struct testsrv_conn *c)
{
	(void)close(c->fd);
	c->fd = -1;
}

/* Queue out[] and switch to writing. */
static void
testsrv_send(struct testsrv_conn *c, const char *out, size_t len)
{
	c->out = out;
	c->outlen = len;
	c->sent = 0;
	c->phase = TESTSRV_WRITING;
}

static void
testsrv_reply(struct testsrv *s, struct testsrv_conn *c)
{
	int	code, len = 0, i;

	if (s->gate && access(s->gate, F_OK) == -1) {
		c->phase = TESTSRV_HELD;
		return;
	}
	code = testsrv_status(s->statusfile);
	c->line[c->linelen] = '\0';
	fprintf(stderr, "testsrv: %s -> %d\n", c->line, code);
	for (i = 0; i < s->interim; i++)
		len += snprintf(c->resp + len, sizeof(c->resp) - (size_t)len, i % 2 ?
		    "HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n" :
		    "HTTP/1.1 100 Continue\r\n\r\n");
	len += snprintf(c->resp + len, sizeof(c->resp) - (size_t)len,
	    "HTTP/1.1 %d Test\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
	    code);
	testsrv_send(c, c->resp, (size_t)len);
}

/*
 * Note the request line and spot the empty line that ends the headers.
 * CRs are ignored, so bare LF line ends work too; empty lines before the
 * request line are skipped, as servers do.
 */
static bool
testsrv_scan(struct testsrv_conn *c, const char *buf, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (buf[i] == '\n') {
			if (c->linelen > 0 && c->col == 0)
				return true;
			c->linedone = c->linelen > 0;
			c->col = 0;
		} else if (buf[i] != '\r') {
			if (!c->linedone && c->linelen < sizeof(c->line) - 1)
				c->line[c->linelen++] = buf[i];
			c->col++;
		}
	}
	return false;
}

/* Readable: take the request, discard input, or finish draining. */
static void
testsrv_on_read(struct testsrv *s, struct testsrv_conn *c)
{
	char	buf[4096];
	ssize_t	n;

	n = recv(c->fd, buf, sizeof(buf), 0);
	if (n == -1 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n <= 0) {
		/* A peer that half-closes early still gets its answer. */
		if (n == 0 && s->mode == TESTSRV_HTTP &&
		    c->phase == TESTSRV_READING) {
			testsrv_reply(s, c);
			return;
		}
		testsrv_close(c);
		return;
	}
	if (s->mode == TESTSRV_HTTP && c->phase == TESTSRV_READING &&
	    testsrv_scan(c, buf, (size_t)n))
		testsrv_reply(s, c);
}

/*
 * Writable: send more. When all is sent, shut down our side and wait for
 * the peer to close, so unread request bytes cannot turn the close into
 * a reset that would eat the answer.
 */
static void
testsrv_on_write(struct testsrv_conn *c)
{
	ssize_t	n;

	n = send(c->fd, c->out + c->sent, c->outlen - c->sent, MSG_NOSIGNAL);
	if (n == -1) {
		if (errno != EAGAIN && errno != EINTR)
			testsrv_close(c);
		return;
	}
	c->sent += (size_t)n;
	if (c->sent == c->outlen) {
		(void)shutdown(c->fd, SHUT_WR);
		c->phase = TESTSRV_DRAINING;
	}
}

static struct testsrv_conn *
testsrv_slot(struct testsrv *s)
{
	size_t	i;

	for (i = 0; i < TESTSRV_CONNS; i++)
		if (s->conns[i].fd == -1)
			return &s->conns[i];
	return NULL;
}

/* Take one connection and give it the mode's treatment. */
static void
testsrv_on_accept(struct testsrv *s, int fd)
{
	struct linger		 lg = { 1, 0 };
	struct testsrv_conn	*c;

	if (s->mode == TESTSRV_TCP || s->mode == TESTSRV_RESET ||
	    (c = testsrv_slot(s)) == NULL) {
		if (s->mode == TESTSRV_RESET)
			(void)setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg,
			    sizeof(lg));
		(void)close(fd);
		return;
	}
	memset(c, 0, sizeof(*c));
	c->fd = fd;
	c->phase = TESTSRV_READING;
	if (s->mode == TESTSRV_GARBAGE)
		testsrv_send(c, testsrv_junk, sizeof(testsrv_junk));
}

static void
testsrv_accept_all(struct testsrv *s)
{
	int	fd;

	while ((fd = accept4(s->lfd, NULL, NULL,
	    SOCK_NONBLOCK | SOCK_CLOEXEC)) != -1)
		testsrv_on_accept(s, fd);
	if (errno != EAGAIN && errno != EINTR && errno != ECONNABORTED)
		testsrv_die("accept4");
}

/* Fill pfd[] (listener first) and return how many entries are used. */
static nfds_t
testsrv_pollset(struct testsrv *s, struct pollfd *pfd, size_t *map)
{
	nfds_t	n = 1;
	size_t	i;

	pfd[0].fd = s->lfd;
	pfd[0].events = POLLIN;
	for (i = 0; i < TESTSRV_CONNS; i++) {
		if (s->conns[i].fd == -1)
			continue;
		pfd[n].fd = s->conns[i].fd;
		pfd[n].events = s->conns[i].phase == TESTSRV_WRITING ?
		    POLLOUT : s->conns[i].phase == TESTSRV_HELD ? 0 : POLLIN;
		map[n++] = i;
	}
	return n;
}

/* Serve until a signal or the deadline; signals are blocked outside ppoll. */
static void
testsrv_serve(struct testsrv *s, uint64_t deadline, const sigset_t *waitmask)
{
	struct pollfd	pfd[TESTSRV_CONNS + 1];
	size_t		map[TESTSRV_CONNS + 1];
	struct timespec	ts;
	uint64_t	now, wake;
	nfds_t		n, i;
	bool		held;

	while (!testsrv_stop && (now = testsrv_now_ms()) < deadline) {
		held = false;
		for (i = 0; i < TESTSRV_CONNS; i++)
			if (s->conns[i].fd != -1 &&
			    s->conns[i].phase == TESTSRV_HELD) {
				held = true;
				testsrv_reply(s, &s->conns[i]);
			}
		/* Held requests: look for the gate file again in 20 ms. */
		wake = held && deadline - now > 20 ? now + 20 : deadline;
		ts.tv_sec = (time_t)((wake - now) / 1000);
		ts.tv_nsec = (long)((wake - now) % 1000) * 1000000;
		n = testsrv_pollset(s, pfd, map);
		if (ppoll(pfd, n, &ts, waitmask) == -1) {
			if (errno == EINTR)
				continue;
			testsrv_die("ppoll");
		}
		for (i = 1; i < n; i++) {
			struct testsrv_conn *c = &s->conns[map[i]];

			if (pfd[i].revents & POLLOUT)
				testsrv_on_write(c);
			else if (pfd[i].revents & (POLLIN | POLLHUP | POLLERR))
				testsrv_on_read(s, c);
		}
		if (pfd[0].revents & POLLIN)
			testsrv_accept_all(s);
	}
	if (!testsrv_stop)
		fprintf(stderr, "testsrv: time limit reached, exiting\n");
}

static enum testsrv_mode
testsrv_parse_mode(const char *name)
{
	size_t	i;

	for (i = 0; i < sizeof(testsrv_modes) / sizeof(testsrv_modes[0]); i++)
		if (strcmp(name, testsrv_modes[i]) == 0)
			return (enum testsrv_mode)i;
	testsrv_usage();
	return TESTSRV_TCP;
}

/* Junk that cannot be mistaken for a status line, the same every run. */
static void
testsrv_fill_junk(void)
{
	uint32_t	x = 0x7e57;
	size_t		i;

	for (i = 0; i < sizeof(testsrv_junk); i++) {
		x = x * 1103515245u + 12345u;
		testsrv_junk[i] = (char)(x >> 16);
	}
	memcpy(testsrv_junk, "JUNK", 4);
}

/* Block the stop signals except inside ppoll, so none is ever missed. */
static void
testsrv_signals(sigset_t *ret_waitmask)
{
	struct sigaction	sa;
	sigset_t		block;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = testsrv_on_signal;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGTERM, &sa, NULL) == -1 ||
	    sigaction(SIGINT, &sa, NULL) == -1)
		testsrv_die("sigaction");
	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&block);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGINT);
	if (sigprocmask(SIG_BLOCK, &block, ret_waitmask) == -1)
		testsrv_die("sigprocmask");
	sigdelset(ret_waitmask, SIGTERM);
	sigdelset(ret_waitmask, SIGINT);
}

/* Read the command line into s; exits with usage on anything wrong. */
static void
testsrv_options(struct testsrv *s, int argc, char *argv[])
{
	int	ch;

	s->secs = 120;
	while ((ch = getopt(argc, argv, "6g:i:p:s:t:")) != -1) {
		switch (ch) {
		case '6':
			s->v6 = true;
			break;
		case 'g':
			s->gate = optarg;
			break;
		case 'i':
			s->interim = (int)testsrv_number(optarg, 0, 8);
			break;
		case 'p':
			s->port = (unsigned)testsrv_number(optarg, 0, 65535);
			break;
		case 's':
			s->statusfile = optarg;
			break;
		case 't':
			s->secs = testsrv_number(optarg, 1, 86400);
			break;
		default:
			testsrv_usage();
		}
	}
	if (optind != argc - 1)
		testsrv_usage();
	s->mode = testsrv_parse_mode(argv[optind]);
}

int
main(int argc, char *argv[])
{
	static struct testsrv	s;
	sigset_t		waitmask;
	unsigned		bound;
	size_t			i;

	testsrv_options(&s, argc, argv);
	for (i = 0; i < TESTSRV_CONNS; i++)
		s.conns[i].fd = -1;
	testsrv_fill_junk();
	testsrv_signals(&waitmask);
	s.lfd = testsrv_listen(s.v6, s.port, &bound);
	printf("%u\n", bound);
	if (fflush(stdout) == EOF)
		testsrv_die("stdout");
	testsrv_serve(&s, testsrv_now_ms() + (uint64_t)s.secs * 1000,
	    &waitmask);
	return 0;
}
