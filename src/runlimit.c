/* SPDX-License-Identifier: MIT */
/*
 * runlimit.c - the --deadline timer of runlimit.h.
 */
#include <signal.h>
#include <sys/time.h>
#include <unistd.h>

#include "exitcode.h"
#include "log.h"
#include "runlimit.h"
#include "tend.h"

void
runlimit_arm(struct tend *t)
{
	uint64_t d = t->cfg.deadline;
	struct itimerval it = { { 0, 0 }, { (time_t)(d / 1000000000ULL),
	    (suseconds_t)(d % 1000000000ULL / 1000) } };

	/*
	 * d is whole milliseconds (parse_duration() has no smaller unit), so
	 * a set deadline never becomes the all-zero "no timer".
	 */
	/*
	 * libc's setitimer(), not the system call: where time_t is 64-bit on
	 * a 32-bit ABI (i386, armhf), the kernel's setitimer takes 32-bit
	 * fields and libc converts. A valid value cannot fail.
	 */
	if (d)
		(void)setitimer(ITIMER_REAL, &it, NULL);
}

bool
runlimit_on_signal(struct tend *t, const struct signalfd_siginfo *si)
{
	if (si->ssi_signo != SIGALRM || si->ssi_code != SI_KERNEL ||
	    t->cfg.deadline == 0)
		return false;
	if (t->shut.state == SHUT_RUNNING) {
		log_warn("deadline reached after %llu ms: stopping the app",
		    (unsigned long long)(t->cfg.deadline / 1000000));
		t->exit_code = EXIT_DEADLINE;
		/* t->stop_sig is SIGTERM rewritten already (main_setup). */
		tend_request(t, SEV_STOP);
	}
	return true;
}
