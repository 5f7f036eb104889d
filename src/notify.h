/* SPDX-License-Identifier: MIT */
/*
 * notify.h - readiness for systemd and podman (sd_notify): when
 * NOTIFY_SOCKET is set, tend sends READY=1 once the app is healthy (with
 * --health) or has started (without), STATUS= with each health change,
 * and STOPPING=1 when shutdown begins.
 *
 * Each message is one datagram sent with MSG_DONTWAIT on a non-blocking
 * socket: a listener that is slow, gone or full costs a lost message,
 * never a wait. Path and abstract ("@name") sockets are supported.
 * The app keeps NOTIFY_SOCKET in its environment.
 */
#ifndef TEND_NOTIFY_H
#define TEND_NOTIFY_H

#include <stdbool.h>
#include <sys/socket.h>
#include <sys/un.h>

struct notify {
	int			fd;	/* -1: NOTIFY_SOCKET unset or unusable */
	bool			ready;	/* READY=1 sent */
	bool			stopping; /* STOPPING=1 sent */
	socklen_t		len;
	struct sockaddr_un	addr;
};

/*
 * Open the socket for addr, NOTIFY_SOCKET's value (NULL if unset; fd -1
 * if there is nothing to do).
 */
void	notify_open(struct notify *n, const char *addr);

/* Send msg ("READY=1\nSTATUS=..."); failures are logged at debug only. */
void	notify_send(const struct notify *n, const char *msg);

#endif
