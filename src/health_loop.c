/* SPDX-License-Identifier: MIT */
/* health_loop.c - placeholder until the probe loop lands: health off. */
#include "deadline.h"
#include "health_loop.h"
#include "tend.h"

int health_loop_setup(struct tend *t) { (void)t; return 0; }
bool health_loop_on_reap(struct tend *t, pid_t pid, int status) { (void)t; (void)pid; (void)status; return false; }
int health_loop_probe_fd(struct tend *t, short *ev) { (void)t; *ev = 0; return -1; }
int health_loop_control_fd(struct tend *t) { (void)t; return -1; }
uint64_t health_loop_deadline(struct tend *t) { (void)t; return DEADLINE_NEVER; }
void health_loop_on_probe_io(struct tend *t, short r) { (void)t; (void)r; }
void health_loop_on_control(struct tend *t) { (void)t; }
void health_loop_on_time(struct tend *t, uint64_t now) { (void)t; (void)now; }
