/* SPDX-License-Identifier: MIT */
/*
 * wait.h - wait until probes pass: "tend wait PROBE..." and --wait-for.
 *
 * Every probe runs at once, each retried at the interval until it has
 * succeeded once; the wait ends when all have, or at the timeout. It is a
 * small poll loop of its own over the signalfd (read first) and the
 * probes' fds: signals and reaping work meanwhile, nothing blocks, and
 * with no probe due tend sleeps in the kernel. Each probe's progress is
 * logged (at the default verbosity) when its state changes, not per try.
 */
#ifndef TEND_WAIT_H
#define TEND_WAIT_H

#include "config.h"
#include "probe.h"

/*
 * Wait for cfg's wait_for probes, with signals from sigfd. Returns 0 when
 * all passed, timeout_code at the timeout (after one line naming the
 * probes still failing), 128+N for a stop signal N (TERM, INT, HUP,
 * QUIT), or EXIT_USAGE for a bad probe. With cfg->mode MODE_PROBE
 * ("tend probe"): cfg->probe, tried once without a wait timeout, its
 * verdict printed on stdout; 0 healthy, 1 not.
 */
int	wait_run(const struct tend_config *cfg, int sigfd,
	    const struct probe_env *env, int timeout_code);

/*
 * tend wait: 0 when all passed, 1 at the timeout, 2 for a bad probe.
 * Also tend probe (MODE_PROBE), with SIGCHLD alone read from a signalfd.
 */
int	wait_cmd(const struct tend_config *cfg);

#endif
