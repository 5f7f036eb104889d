/* SPDX-License-Identifier: MIT */
/*
 * prestop.h - --pre-stop exec:CMD ARGS: a command run on the stop signal
 * before it is forwarded (nginx -s quit, deregistering from a load
 * balancer), as the app's user, with its environment, directory and
 * no_new_privs. Its output goes to tend's stderr, and one line logs how it
 * ended. The app gets the stop signal when the command has exited, or
 * when --pre-stop-timeout passes (the command's group is then KILLed), or
 * at a second TERM or an INT, which cut it short like a --pre-stop delay.
 */
#ifndef TEND_PRESTOP_H
#define TEND_PRESTOP_H

#include <stdbool.h>
#include <sys/types.h>

struct tend;

/* Parse the command, before the app starts. Returns 0 or EXIT_USAGE. */
int	prestop_setup(struct tend *t);

/* The shutdown machine entered pre-stop: start the command. */
void	prestop_start(struct tend *t);

/* The stop signal is being forwarded: KILL the command if it still runs. */
void	prestop_cancel(struct tend *t);

/* True if pid was the command (reaped now); then the stop goes on. */
bool	prestop_on_reap(struct tend *t, pid_t pid, int status);

#endif
