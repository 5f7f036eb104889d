/* SPDX-License-Identifier: MIT */
/*
 * tend.h - the one struct that owns tend's run-time state.
 *
 * It lives on main()'s stack and is passed by pointer, so every handler
 * says what it touches and a test could build one by hand.
 */
#ifndef TEND_TEND_H
#define TEND_TEND_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "config.h"
#include "notify.h"
#include "oom.h"
#include "shutdown.h"

struct tend_health;
struct user_ids;

struct tend {
	struct tend_config	 cfg;
	pid_t			 self;
	bool			 is_pid1;
	int			 sigfd;
	int			 tty_fd;	/* >= 0: the app owns this terminal */
	bool			 tty_reclaimed;	/* we took it back to stop ourselves */

	pid_t			 app_pid;	/* 0 once reaped, or in pause mode */
	int			 app_status;	/* wait status, once reaped */
	bool			 app_reaped;
	struct oom_watch	 oom;		/* why a SIGKILL came */
	int			 exit_code;	/* >= 0: overrides the app's code */
	int			 stop_sig;	/* what a stop request forwards: SIGTERM
						 * rewritten, set once by main_setup() */

	struct shutdown		 shut;
	struct shut_durations	 durs;
	uint64_t		 drain_started;
	int			 drain_count;	/* processes signalled by the drain */
	bool			 need_reap;	/* check for dead children next turn */
	unsigned		 requests;	/* bit ev: a module asks for SEV ev */

	struct notify		 notify;	/* NOTIFY_SOCKET (sd_notify) */
	struct tend_health	*health;	/* NULL without --health */
	const struct user_ids	*ids;		/* --user, for exec probes too */
	char			**envp;		/* the app's environment; NULL: tend's */
};

/* CLOCK_MONOTONIC in ns. (clock.c) */
uint64_t clock_now(void);

/* The poll loop; returns when shutdown is done. (loop.c) */
void	loop_run(struct tend *t);

/* Forward sig to the app (its group with -g); logs failures. (loop.c) */
void	loop_forward(struct tend *t, int sig);

/*
 * A module (health, pre-stop, run-time limit) asks for a shutdown event;
 * the loop feeds it to the shutdown machine before it next waits. Modules
 * never call into the loop: it calls them.
 */
static inline void
tend_request(struct tend *t, int ev)
{
	t->requests |= 1u << ev;
}

/* Feed the shutdown machine and carry out what it says. (loop.c) */
void	loop_shutdown_event(struct tend *t, int ev);

/* sd_notify: READY=1 now if there is no --health to wait for. (notify.c) */
void	notify_started(struct tend *t);

/* sd_notify: the health changed to state; READY=1 first if healthy. */
void	notify_health(struct tend *t, const char *state, bool healthy);

/* sd_notify: STOPPING=1, once, when shutdown has begun. */
void	notify_stopping(struct tend *t);

#endif
