/* SPDX-License-Identifier: MIT */
/*
 * runlimit.h - --deadline: after that long, stop the app as a stop signal
 * would (pre-stop, forward, drain) and exit EXIT_DEADLINE (124, as
 * timeout(1)).
 *
 * The timer is the kernel's (setitimer ITIMER_REAL): its SIGALRM comes
 * through the signalfd like any signal, marked SI_KERNEL, so the loop
 * keeps no timer of its own and a SIGALRM that someone sends is still
 * forwarded to the app.
 */
#ifndef TEND_RUNLIMIT_H
#define TEND_RUNLIMIT_H

#include <stdbool.h>
#include <sys/signalfd.h>

struct tend;

/* Start the --deadline timer, if there is one, once the app runs. */
void	runlimit_arm(struct tend *t);

/* True if si is the deadline's SIGALRM (then the stop has been begun). */
bool	runlimit_on_signal(struct tend *t, const struct signalfd_siginfo *si);

#endif
