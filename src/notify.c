/* SPDX-License-Identifier: MIT */
/*
 * notify.c - the sd_notify datagrams of notify.h, and when tend sends them.
 */
#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>

#include "fmt.h"
#include "log.h"
#include "notify.h"
#include "sysabi.h"
#include "tend.h"

void
notify_open(struct notify *n, const char *s)
{
	size_t len;

	n->fd = -1;
	/* A path or an abstract name; vsock: and the like are not for us. */
	if (s == NULL || (s[0] != '/' && s[0] != '@'))
		return;
	len = strlen(s);
	if (len < 2 || len >= sizeof(n->addr.sun_path)) {
		log_warn("NOTIFY_SOCKET: bad address \"%.64s\"", s);
		return;
	}
	n->addr.sun_family = AF_UNIX;
	/* With its NUL, which a path's length counts and a name's does not. */
	memcpy(n->addr.sun_path, s, len + 1);
	n->len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len + 1);
	if (s[0] == '@') {
		n->addr.sun_path[0] = '\0';
		n->len--;
	}
	n->fd = sysabi_socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (n->fd < 0)
		log_warn("NOTIFY_SOCKET: socket: %m");
}

void
notify_send(const struct notify *n, const char *msg)
{
	if (n->fd < 0)
		return;
	if (sysabi_sendto(n->fd, msg, strlen(msg), MSG_DONTWAIT | MSG_NOSIGNAL,
	    (const struct sockaddr *)&n->addr, n->len) < 0)
		log_debug("NOTIFY_SOCKET: %m");
}

void
notify_started(struct tend *t)
{
	/* Called once, before the loop: nothing was sent yet. */
	t->notify.ready = t->health == NULL;
	notify_send(&t->notify, t->health ? "STATUS=starting" :
	    "READY=1\nSTATUS=running");
}

void
notify_health(struct tend *t, const char *state, bool healthy)
{
	char msg[48];

	(void)fmt_format(msg, sizeof(msg), "%sSTATUS=%s",
	    healthy && !t->notify.ready ? "READY=1\n" : "", state);
	t->notify.ready |= healthy;
	notify_send(&t->notify, msg);
}

void
notify_stopping(struct tend *t)
{
	if (t->shut.state != SHUT_RUNNING && !t->notify.stopping) {
		t->notify.stopping = true;
		notify_send(&t->notify, "STOPPING=1\nSTATUS=stopping");
	}
}
