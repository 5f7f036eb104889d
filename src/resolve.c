/* SPDX-License-Identifier: MIT */
/*
 * resolve.c - the resolver's sockets, files and clock; the messages and
 * the files' text are parsed by the pure dns.c and resolvconf.c.
 *
 * One query is in flight at a time, so one fd and one deadline: the
 * probe hands both to the loop, which never waits on a nameserver.
 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "resolve.h"
#include "sysabi.h"

#define NSEC		1000000000ULL
#define FILE_MAX	8192	/* of /etc/hosts and /etc/resolv.conf */

static const char servfail_why[] = "DNS server failure";

/* Both files are read into this one buffer, one after the other. */
static char filebuf[FILE_MAX];

static size_t
resolve_read_file(const char *path)
{
	size_t len = 0;
	ssize_t n;
	int fd = sysabi_open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);

	if (fd < 0)
		return 0;
	while (len < sizeof(filebuf) &&
	    (n = read(fd, filebuf + len, sizeof(filebuf) - len)) > 0)
		len += (size_t)n;
	(void)close(fd);
	return len;
}

socklen_t
resolve_sockaddr(struct sockaddr_storage *ss, int family,
    const unsigned char *addr, uint16_t port)
{
	struct sockaddr_in *in4 = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)ss;
	unsigned char *pb = (unsigned char *)&in4->sin_port;

	/*
	 * The family and the port sit at the same place in both; the port's
	 * bytes in network order, without a call to libc's htons().
	 */
	memset(ss, 0, sizeof(*ss));
	ss->ss_family = (sa_family_t)family;
	pb[0] = (unsigned char)(port >> 8);
	pb[1] = (unsigned char)port;
	if (family == AF_INET6) {
		memcpy(&in6->sin6_addr, addr, 16);
		return sizeof(*in6);
	}
	memcpy(&in4->sin_addr, addr, 4);
	return sizeof(*in4);
}

static void
resolve_close(struct resolve *r)
{
	if (r->fd >= 0)
		(void)close(r->fd);
	r->fd = -1;
}

static void
resolve_end(struct resolve *r, enum resolve_state st, const char *why)
{
	resolve_close(r);
	if (r->naddr > 0)
		st = RESOLVE_OK;
	r->state = st;
	r->why = why;
}

static uint16_t
resolve_random_id(const struct resolve *r)
{
	uint16_t id = (uint16_t)(be16(r->q + 2) + 40503);

	/*
	 * Non-blocking: only before the kernel's pool is ready (early boot,
	 * never in a container) does it fail, and the id then steps on from
	 * the last query's.
	 */
	(void)syscall(SYS_getrandom, &id, sizeof(id), 1 /* GRND_NONBLOCK */);
	return id;
}

/* Open a socket to the current nameserver and start the query on it. */
static int
resolve_open(struct resolve *r, uint64_t now)
{
	const struct resolv_addr *ns = &r->rc.ns[r->ns];
	struct sockaddr_storage ss;
	socklen_t sl = resolve_sockaddr(&ss, ns->family, ns->addr, 53);

	resolve_close(r);
	r->try_deadline = now + (uint64_t)r->rc.timeout * NSEC;
	r->fd = sysabi_socket(ns->family, (r->tcp ? SOCK_STREAM : SOCK_DGRAM) |
	    SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	r->len = 0;
	r->sent = !r->tcp;
	if (r->fd < 0 || (sysabi_connect(r->fd, (struct sockaddr *)&ss, sl) < 0 &&
	    errno != EINPROGRESS))
		return -1;
	if (!r->tcp && sysabi_send(r->fd, r->q + 2, r->qlen, 0) < 0)
		return -1;
	return 0;
}

enum { STEP_ASK, STEP_NEXT_NAME, STEP_NEXT_SERVER, STEP_TCP };

/*
 * Move on, in a loop rather than by recursion: ask the current name
 * (STEP_ASK) from the server that answered last, or the next search
 * candidate (STEP_NEXT_NAME), or the current question from the next
 * server after a failure that why describes (STEP_NEXT_SERVER), or
 * again over TCP from the same server after a truncated answer
 * (STEP_TCP). Ends with a socket open and a try deadline set, or with
 * the resolution finished: one place that opens sockets.
 */
static void
resolve_go(struct resolve *r, uint64_t now, int step, const char *why)
{
	enum resolve_state	st;
	int			c;

	for (;;) {
		if (step == STEP_NEXT_NAME) {
			while ((c = resolv_candidate(&r->rc, r->name, ++r->cand,
			    r->qname, sizeof(r->qname))) < 0)
				;
			if (c == 0) {
				st = r->servfail ? RESOLVE_ERROR : RESOLVE_NOHOST;
				why = r->servfail ? servfail_why :
				    "no such host";
				break;
			}
			r->type = DNS_TYPE_A;
			step = STEP_ASK;
		}
		if (step == STEP_ASK) {
			r->qlen = dns_build_query(r->q + 2, sizeof(r->q) - 2,
			    resolve_random_id(r), r->qname, r->type);
			if (r->qlen == 0) {
				step = STEP_NEXT_NAME;
				continue;
			}
			r->q[0] = (uint8_t)(r->qlen >> 8);
			r->q[1] = (uint8_t)r->qlen;
			r->round = 0;
		} else if (step == STEP_NEXT_SERVER) {
			if (++r->ns >= r->rc.nns)
				r->ns = 0;
			if (++r->round >= r->rc.nns * r->rc.attempts) {
				/* As glibc: a failing server ends only this name. */
				st = RESOLVE_TIMEOUT;
				if (why != servfail_why)
					break;
				r->servfail = true;
				step = STEP_NEXT_NAME;
				continue;
			}
		}
		r->tcp = step == STEP_TCP;
		if (resolve_open(r, now) == 0)
			return;
		/* A server that cannot be asked over TCP is a failing one. */
		why = r->tcp ? servfail_why : "DNS: no nameserver reachable";
		step = STEP_NEXT_SERVER;
	}
	resolve_end(r, st, why);
}

void
resolve_start(struct resolve *r, const char *name, uint64_t now)
{
	size_t n;

	memset(r, 0, sizeof(*r));
	r->fd = -1;
	r->name = name;
	r->cand = -1;
	n = resolve_read_file("/etc/hosts");
	r->naddr = hosts_lookup(filebuf, n, name, 0, r->addr, RESOLVE_ADDR_MAX);
	if (r->naddr > 0) {
		r->state = RESOLVE_OK;
		return;
	}
	n = resolve_read_file("/etc/resolv.conf");
	resolv_conf_parse(filebuf, n, &r->rc);
	resolve_go(r, now, STEP_NEXT_NAME, NULL);
}

int
resolve_fd(const struct resolve *r, short *ret_events)
{
	*ret_events = r->sent ? POLLIN : POLLOUT;
	return r->state == RESOLVE_MORE ? r->fd : -1;
}

uint64_t
resolve_deadline(const struct resolve *r)
{
	return r->state == RESOLVE_MORE ? r->try_deadline : UINT64_MAX;
}

void
resolve_on_time(struct resolve *r, uint64_t now)
{
	if (r->state == RESOLVE_MORE && now >= r->try_deadline)
		resolve_go(r, now, STEP_NEXT_SERVER, "DNS timeout");
}

void
resolve_stop(struct resolve *r)
{
	resolve_close(r);
}

/* A whole answer is in buf[0..len): judge it. */
static void
resolve_on_answer(struct resolve *r, const uint8_t *msg, size_t n, uint64_t now)
{
	int st = dns_parse_answer(msg, n, r->q + 2, r->qlen, r->addr, &r->naddr);
	int step = STEP_NEXT_SERVER;	/* a failure, or a bad answer */

	if (st == DNS_MISMATCH)
		return;		/* not ours: keep waiting */
	if (st == DNS_TRUNCATED) {
		if (!r->tcp)
			step = STEP_TCP;
	} else if (st == DNS_OK || st == DNS_NXDOMAIN) {
		/*
		 * The name exists or not; either way the server spoke for it.
		 * The addresses are in r->addr already.
		 */
		if (r->type == DNS_TYPE_A && st == DNS_OK) {
			r->type = DNS_TYPE_AAAA;
			step = STEP_ASK;
		} else if (r->naddr > 0) {
			resolve_end(r, RESOLVE_OK, "");
			return;
		} else
			step = STEP_NEXT_NAME;
	}
	/* why is read only for STEP_NEXT_SERVER. */
	resolve_go(r, now, step, servfail_why);
}

/*
 * The socket is ready. Over TCP the query goes out once the connection is
 * up (all of it: a few hundred bytes into an empty socket buffer), then
 * the answer is gathered behind its 2-byte length; over UDP one datagram
 * is one answer.
 */
void
resolve_on_io(struct resolve *r, short revents, uint64_t now)
{
	ssize_t n;
	size_t need, skip;

	if (r->state != RESOLVE_MORE || r->fd < 0)
		return;
	if (!r->sent) {
		if (!(revents & (POLLOUT | POLLERR | POLLHUP)))
			return;
		/* A refused connection fails here too. */
		if (sysabi_send(r->fd, r->q, r->qlen + 2, MSG_NOSIGNAL) !=
		    (ssize_t)r->qlen + 2) {
			resolve_go(r, now, STEP_NEXT_SERVER, "DNS timeout");
			return;
		}
		r->sent = true;
		return;
	}
	n = sysabi_recv(r->fd, r->buf + r->len, sizeof(r->buf) - r->len, 0);
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (!r->tcp) {
		/* An error is ICMP port unreachable: nobody serves DNS there. */
		if (n < 0) {
			resolve_go(r, now, STEP_NEXT_SERVER, "DNS timeout");
			return;
		}
		/* The datagram is the answer. */
		skip = 0;
		need = (size_t)n;
	} else {
		if (n <= 0) {
			resolve_go(r, now, STEP_NEXT_SERVER, servfail_why);
			return;
		}
		r->len += (size_t)n;
		if (r->len < 2)
			return;
		need = 2 + (size_t)be16(r->buf);
		if (need > sizeof(r->buf)) {
			resolve_go(r, now, STEP_NEXT_SERVER, "DNS answer too large");
			return;
		}
		if (r->len < need)
			return;
		/* The answer is behind its 2-byte length. */
		skip = 2;
		need -= 2;
	}
	resolve_on_answer(r, r->buf + skip, need, now);
}
