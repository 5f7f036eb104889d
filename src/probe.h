/* SPDX-License-Identifier: MIT */
/*
 * probe.h - run one health probe without blocking, fed by a poll loop.
 *
 * TCP, HTTP and gRPC probes are non-blocking sockets: no fork, no thread;
 * a host name is resolved by resolve.c on a non-blocking socket first.
 * Exec probes run under a keeper process (keeper.h) that kills everything
 * they leave; their output comes back through a pipe. The loop polls probe_fd(), calls probe_on_io(),
 * tells it about the probe child's exit with probe_on_exit(), and calls
 * probe_on_timeout() at the deadline; probe_done() then holds the verdict.
 */
#ifndef TEND_PROBE_H
#define TEND_PROBE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "grpc.h"
#include "http.h"
#include "probespec.h"
#include "resolve.h"

struct user_ids;

enum probe_phase {
	PROBE_IDLE,
	PROBE_RESOLVING,	/* a host name: the resolver runs */
	PROBE_CONNECTING,
	PROBE_SENDING,
	PROBE_READING,
	PROBE_RUNNING,		/* exec: the command runs */
	PROBE_DONE,
};

struct probe_run {
	const struct probe_spec	*spec;
	enum probe_phase	 phase;
	int			 fd;		/* socket, or exec output pipe */
	pid_t			 pid;		/* exec: the command's keeper */
	bool			 reaped;	/* exec: the keeper has been reaped */
	uint64_t		 started;
	uint64_t		 deadline;
	char			 req[PROBESPEC_PATH_MAX + PROBESPEC_HOST_MAX + 128];
	size_t			 req_len, req_off;
	union {
		struct http_resp resp;
		struct grpc_call grpc;
	};
	struct resolve		 res;		/* addresses to try, in order */
	int			 ai;		/* the next one to try */
	char			 out[128];	/* exec: start of the output */
	size_t			 out_len;
	bool			 ok;		/* verdict, once PROBE_DONE */
	char			 why[200];	/* one line: "HTTP 200", "exit 1: ..." */
};

/* How an exec probe is started (the app's identity and directory). */
struct probe_env {
	const struct user_ids	*ids;
	char			**envp;		/* NULL: tend's own */
	const char		*workdir;
	bool			 workdir_soft;	/* tend's own start dir: / if denied */
	bool			 no_new_privs;	/* as the app: --no-new-privs */
};

/*
 * Start a probe at now that must finish by now + timeout. Never blocks:
 * an exec probe is fork()ed under a keeper (keeper.h) and not waited for. A failure to even start is
 * a finished, failed probe, so the caller need not special-case it.
 */
void	probe_start(struct probe_run *p, const struct probe_spec *spec,
	    const struct probe_env *env, uint64_t now, uint64_t timeout);

/* The fd to poll and its events; -1 when the probe waits for nothing. */
int	probe_fd(const struct probe_run *p, short *ret_events);

void	probe_on_io(struct probe_run *p, short revents);

/* The exec probe's child was reaped with this wait status. */
void	probe_on_exit(struct probe_run *p, int status);

/* The deadline passed: fail it, killing an exec probe's whole group. */
void	probe_on_timeout(struct probe_run *p);

/*
 * When the loop must next call probe_on_time(): the probe's deadline, or
 * earlier, the resolver's current try running out.
 */
uint64_t probe_deadline(const struct probe_run *p);

/*
 * Call at probe_deadline(): fails over or times the probe out. Before it,
 * or once the probe is done, it does nothing.
 */
void	probe_on_time(struct probe_run *p, uint64_t now);

static inline bool
probe_done(const struct probe_run *p)
{
	return p->phase == PROBE_DONE;
}

#endif
