/* SPDX-License-Identifier: MIT */
/*
 * errstr.h - strerror for the static tend, without libc's whole table.
 *
 * musl's strerror carries a message for every errno (about 2.2 KB); tend
 * can only meet a few dozen (exec, fork, sockets, files, signals, poll).
 * The static musl build defines strerror() as errstr() (TEND_OWN_LIBC), so
 * every strerror() in tend and musl calls errstr() instead: musl's own
 * text for those errnos, word for word, and "error N" for any other. Pure.
 */
#ifndef TEND_ERRSTR_H
#define TEND_ERRSTR_H

char	*errstr(int e);

#endif
