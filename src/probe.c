/* SPDX-License-Identifier: MIT */
/*
 * probe.c - the system half of a health probe: sockets, pipes, children.
 *
 * Each probe ends in exactly one place, probe_finish(), which closes the
 * fd and, for exec probes, SIGKILLs the probe's process group, so a probe
 * that forked a grandchild and hung leaves nothing behind: the killed
 * processes are reparented to tend and reaped by its loop like any orphan.
 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "deadline.h"
#include "fmt.h"
#include "keeper.h"
#include "parse.h"
#include "probe.h"
#include "spawn.h"
#include "sysabi.h"
#include "tend.h"

/*
 * gRPC probes and host names are built in with -DTEND_NET_PROBES=ON
 * (PROBESPEC_SUPPORTED): without them these are constant false, and the
 * compiler drops the resolver, gRPC and HPACK code altogether.
 */
#define PROBE_GRPC_ON	((PROBESPEC_SUPPORTED & PROBESPEC_GRPC) != 0)
#define PROBE_NAMES_ON	((PROBESPEC_SUPPORTED & PROBESPEC_NAMES) != 0)

static void __attribute__((format(printf, 3, 4)))
probe_finish(struct probe_run *p, bool ok, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	(void)fmt_vformat(p->why, sizeof(p->why), fmt, ap);
	va_end(ap);
	p->ok = ok;
	p->phase = PROBE_DONE;
	if (p->fd >= 0)
		(void)close(p->fd);
	p->fd = -1;
	if (PROBE_NAMES_ON)
		resolve_stop(&p->res);
	/* A keeper still running cleans up after its probe, then leaves. */
	if (p->pid > 0 && !p->reaped)
		keeper_stop(p->pid);
}

/* Connect to the next address; out of them, fail with the last error. */
static void
probe_connect(struct probe_run *p)
{
	struct sockaddr_storage ss;
	const struct resolv_addr *a;
	socklen_t len;
	int err = errno;	/* no address left: the last one's error */

	while (p->ai < p->res.naddr) {
		a = &p->res.addr[p->ai++];
		len = resolve_sockaddr(&ss, a->family, a->addr, p->spec->port);
		if (p->fd >= 0)
			(void)close(p->fd);
		p->fd = sysabi_socket(a->family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
		p->phase = PROBE_CONNECTING;
		if (p->fd >= 0 && (sysabi_connect(p->fd, &ss, len) == 0 ||
		    errno == EINPROGRESS))
			return;
		err = errno;
	}
	errno = err;
	probe_finish(p, false, "connect: %m");
}

/* The resolver may have finished: connect, or fail with its reason. */
static void
probe_after_resolve(struct probe_run *p)
{
	if (p->res.state == RESOLVE_MORE)
		return;
	if (p->res.state == RESOLVE_OK)
		probe_connect(p);
	else
		probe_finish(p, false, "%s", p->res.why);
}

/*
 * The command runs under a keeper (keeper.c), so tend never waits for it.
 * Its stdout and stderr are a pipe whose write end blocks, as a command's
 * output normally does; tend's read end does not.
 */
static void
probe_start_exec(struct probe_run *p, const struct probe_env *env)
{
	struct spawn_req req = {
		.argv = p->spec->argv, .tty_fd = -1, .null_stdin = true,
		.workdir = env->workdir, .workdir_soft = env->workdir_soft,
		.ids = env->ids, .envp = env->envp,
		.no_new_privs = env->no_new_privs,
	};
	int pfd[2];
	pid_t pid;

	/* The system calls: musl's fcntl() and pipe2() are 600 B of cases and
	 * fallbacks for kernels before 2.6.27 that tend does not need. */
	if (syscall(SYS_pipe2, pfd, O_CLOEXEC) < 0 ||
	    syscall(SYS_fcntl, pfd[0], F_SETFL, O_NONBLOCK) < 0) {
		probe_finish(p, false, "pipe: %m");
		return;
	}
	req.out_fd = pfd[1];
	pid = keeper_start(&req);
	(void)close(pfd[1]);
	p->fd = pfd[0];
	if (pid < 0) {
		probe_finish(p, false, "fork: %m");
		return;
	}
	p->pid = pid;
	p->phase = PROBE_RUNNING;
}

void
probe_start(struct probe_run *p, const struct probe_spec *spec,
    const struct probe_env *env, uint64_t now, uint64_t timeout)
{
	memset(p, 0, sizeof(*p));
	p->spec = spec;
	p->fd = -1;
	p->res.fd = -1;
	p->started = now;
	p->deadline = now + timeout;
	/* Zeroed, p->resp is ready (http.h). */
	if (spec->kind == PROBE_HTTP) {
		p->req_len = http_build_request(p->req, sizeof(p->req), spec->host,
		    spec->path);
	} else if (PROBE_GRPC_ON && spec->kind == PROBE_GRPC) {
		grpc_init(&p->grpc);
		p->req_len = grpc_build_request((uint8_t *)p->req, sizeof(p->req),
		    spec->host, spec->path);
	}
	if (spec->kind != PROBE_EXEC && spec->kind != PROBE_TCP && p->req_len == 0) {
		probe_finish(p, false, "request does not fit");
		return;
	}
	if (spec->kind == PROBE_EXEC) {
		probe_start_exec(p, env);
	} else if (PROBE_NAMES_ON && spec->family == 0) {
		p->phase = PROBE_RESOLVING;
		resolve_start(&p->res, spec->name, now);
		probe_after_resolve(p);
	} else {
		p->res.naddr = 1;
		p->res.addr[0].family = spec->family;
		memcpy(p->res.addr[0].addr, spec->addr, 16);
		probe_connect(p);
	}
}

uint64_t
probe_deadline(const struct probe_run *p)
{
	return PROBE_NAMES_ON && p->phase == PROBE_RESOLVING ?
	    deadline_min(p->deadline, resolve_deadline(&p->res)) : p->deadline;
}

void
probe_on_time(struct probe_run *p, uint64_t now)
{
	if (now >= p->deadline) {
		probe_on_timeout(p);
	} else if (PROBE_NAMES_ON && p->phase == PROBE_RESOLVING) {
		resolve_on_time(&p->res, now);
		probe_after_resolve(p);
	}
}

/* What each phase waits for on p->fd; 0: nothing (resolving: its own fd). */
static const unsigned char probe_events[] = {
	[PROBE_CONNECTING] = POLLOUT, [PROBE_SENDING] = POLLOUT,
	[PROBE_READING] = POLLIN, [PROBE_RUNNING] = POLLIN, [PROBE_DONE] = 0,
};

int
probe_fd(const struct probe_run *p, short *ret_events)
{
	if (PROBE_NAMES_ON && p->phase == PROBE_RESOLVING)
		return resolve_fd(&p->res, ret_events);
	*ret_events = probe_events[p->phase];
	return *ret_events ? p->fd : -1;
}

static void
probe_on_connected(struct probe_run *p)
{
	int err = 0;
	socklen_t len = sizeof(err);

	if (sysabi_getsockopt(p->fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0)
		err = errno;
	if (err != 0) {
		/* Refused here: the name's next address may answer. */
		errno = err;
		probe_connect(p);
		return;
	}
	if (p->spec->kind == PROBE_TCP)
		probe_finish(p, true, "connected");
	else
		p->phase = PROBE_SENDING;
}

static void
probe_on_writable(struct probe_run *p)
{
	ssize_t n = sysabi_send(p->fd, p->req + p->req_off, p->req_len - p->req_off,
	    MSG_NOSIGNAL);

	if (n < 0) {
		if (errno != EAGAIN && errno != EINTR)
			probe_finish(p, false, "send: %m");
		return;
	}
	p->req_off += (size_t)n;
	if (p->req_off == p->req_len)
		p->phase = PROBE_READING;
}

static void
probe_on_grpc_bytes(struct probe_run *p, const char *buf, ssize_t n)
{
	enum grpc_verdict v = n == 0 ? grpc_eof(&p->grpc) :
	    grpc_feed(&p->grpc, (const uint8_t *)buf, (size_t)n);

	/* A few bytes of acknowledgements: a full buffer just drops them. */
	if (p->grpc.out_len)
		(void)!sysabi_send(p->fd, p->grpc.out, p->grpc.out_len,
		    MSG_NOSIGNAL | MSG_DONTWAIT);
	grpc_sent(&p->grpc);
	if (v != GRPC_MORE)
		probe_finish(p, v == GRPC_HEALTHY, "%s", v == GRPC_HEALTHY ?
		    "SERVING" : p->grpc.why);
}

static void
probe_on_readable(struct probe_run *p)
{
	char buf[1024];
	ssize_t n = sysabi_recv(p->fd, buf, sizeof(buf), 0);

	if (n < 0) {
		if (errno != EAGAIN && errno != EINTR)
			probe_finish(p, false, "recv: %m");
		return;
	}
	if (PROBE_GRPC_ON && p->spec->kind == PROBE_GRPC) {
		probe_on_grpc_bytes(p, buf, n);
		return;
	}
	if (n == 0) {
		probe_finish(p, false, "connection closed before a status line");
		return;
	}
	switch (http_resp_feed(&p->resp, buf, (size_t)n)) {
	case HTTP_DONE:
		probe_finish(p, http_status_healthy(p->resp.status), "HTTP %d",
		    p->resp.status);
		break;
	case HTTP_BAD:
		probe_finish(p, false, "bad HTTP response: %s", p->resp.why);
		break;
	default:
		break;
	}
}

/*
 * Keep the start of an exec probe's output; drain and drop the rest, at
 * most EXEC_DRAIN_MAX bytes per wake-up so a probe that writes without end
 * cannot hold the loop: poll brings tend back for more.
 */
#define EXEC_DRAIN_MAX	65536

static void
probe_on_exec_output(struct probe_run *p)
{
	char buf[2048];
	size_t keep, total = 0;
	ssize_t n;

	while (total < EXEC_DRAIN_MAX && (n = read(p->fd, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return;		/* EAGAIN: all read for now */
		}
		total += (size_t)n;
		keep = sizeof(p->out) - 1 - p->out_len;
		if ((size_t)n < keep)
			keep = (size_t)n;
		memcpy(p->out + p->out_len, buf, keep);
		p->out_len += keep;
	}
	if (total < EXEC_DRAIN_MAX) {
		/* EOF: wait for the exit status alone. */
		(void)close(p->fd);
		p->fd = -1;
	}
}

void
probe_on_io(struct probe_run *p, short revents)
{
	if (PROBE_NAMES_ON && p->phase == PROBE_RESOLVING) {
		resolve_on_io(&p->res, revents, clock_now());
		probe_after_resolve(p);
		return;
	}
	/*
	 * poll(2) reports only what probe_fd() asked for, an error or a
	 * hangup; a probe finished since (by a reap) is in none of these.
	 */
	if (p->phase == PROBE_CONNECTING)
		probe_on_connected(p);
	else if (p->phase == PROBE_SENDING)
		probe_on_writable(p);
	else if (p->phase == PROBE_READING)
		probe_on_readable(p);
	else if (p->phase == PROBE_RUNNING)
		probe_on_exec_output(p);
}

/* Not split: two callers would each carry its first lines. */
__attribute__((noinline)) void
probe_on_exit(struct probe_run *p, int status)
{
	size_t len;

	p->reaped = true;
	if (p->phase != PROBE_RUNNING)
		return;
	if (p->fd >= 0)
		probe_on_exec_output(p);
	p->out[p->out_len] = '\0';
	/* Its first line only. */
	len = strcspn(p->out, "\r\n");
	p->out[len] = '\0';
	probe_finish(p, status == 0, "%s %d%s%s", WIFEXITED(status) ? "exit" :
	    "killed by signal", WIFEXITED(status) ? WEXITSTATUS(status) :
	    WTERMSIG(status), len ? ": " : "", p->out);
}

void
probe_on_timeout(struct probe_run *p)
{
	char dur[32];

	if (p->phase == PROBE_DONE || p->phase == PROBE_IDLE)
		return;
	/* One call: the first format leaves the duration unread. */
	probe_finish(p, false, p->phase == PROBE_RESOLVING ? "DNS timeout" :
	    "timed out after %s",
	    parse_format_duration(p->deadline - p->started, dur, sizeof(dur)));
}
