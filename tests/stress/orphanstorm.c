/* SPDX-License-Identifier: MIT */
/*
 * orphanstorm N [BATCH] - make N orphans fast, for the zombie storm test.
 *
 * Orphans are made in batches: a short-lived middle process starts BATCH
 * children and exits, and they are reparented to the init (or subreaper)
 * above us. Half of each batch exits at once, so it is already a zombie
 * when reparented; the other half waits for the middle to be gone and
 * exits as a child of the init. Prints "made N" when every orphan has
 * exited (whether its new parent has reaped it is the test's question).
 *
 * fork() copies page tables, which costs about a millisecond on some
 * virtual machines; 100,000 orphans would take minutes. So every process
 * here is made with clone(CLONE_VM): it shares our memory, needs only a
 * small stack of its own, and runs nothing but a few system calls. The
 * kernel clears each one's tid word when it is gone (CLONE_CHILD_CLEARTID),
 * which is how we know a stack is free again.
 */
#include <errno.h>
#include <linux/futex.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define STACK_SIZE	(16 * 1024)
#define BATCH_MAX	2000

/* One batch: a middle process, its children, and their stacks. */
struct batch {
	char		*stacks;	/* (n + 1) stacks; the last is the middle's */
	volatile pid_t	 tid[BATCH_MAX + 1];
	int		 pipefd[2];	/* waiters block on [0] until EOF */
	int		 n;
};

static long
raw_read(int fd, void *buf, size_t n)
{
	return syscall(SYS_read, fd, buf, n);
}

/* An orphan-to-be. Odd ones wait for the middle's end of the pipe to close. */
static int
orphan_main(void *arg)
{
	struct batch *b = *(struct batch **)arg;
	long i = (long)((void **)arg)[1];
	char c;

	if (i % 2) {
		syscall(SYS_close, b->pipefd[1]);
		while (raw_read(b->pipefd[0], &c, 1) > 0)
			;
	}
	return 0;
}

/* Everything a child needs, in memory that stays put while it runs. */
static void *orphan_args[BATCH_MAX][2];

static int
middle_main(void *arg)
{
	struct batch *b = arg;
	int flags = CLONE_VM | CLONE_CHILD_CLEARTID | CLONE_PARENT_SETTID | SIGCHLD;
	long i;

	for (i = 0; i < b->n; i++) {
		orphan_args[i][0] = b;
		orphan_args[i][1] = (void *)i;
		if (clone(orphan_main, b->stacks + (i + 1) * STACK_SIZE, flags,
		    orphan_args[i], (pid_t *)&b->tid[i], NULL,
		    (pid_t *)&b->tid[i]) < 0)
			return 1;
	}
	/* Returning exits: our pipe end closes and the waiters go. */
	return 0;
}

/* Block until the kernel has cleared *tid (the process is gone). */
static void
wait_gone(volatile pid_t *tid)
{
	pid_t v;

	while ((v = *tid) != 0)
		syscall(SYS_futex, tid, FUTEX_WAIT, v, NULL, NULL, 0);
}

static int
run_batch(struct batch *b, int n)
{
	int st, i;
	pid_t mid;

	b->n = n;
	for (i = 0; i <= n; i++)
		b->tid[i] = 0;
	if (pipe(b->pipefd) < 0)
		return -1;
	mid = clone(middle_main, b->stacks + (BATCH_MAX + 1) * STACK_SIZE,
	    CLONE_VM | SIGCHLD, b);
	close(b->pipefd[1]);
	if (mid < 0) {
		close(b->pipefd[0]);
		return -1;
	}
	while (waitpid(mid, &st, 0) < 0 && errno == EINTR)
		;
	close(b->pipefd[0]);
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
		return -1;
	/* Every orphan gone: its stack may be used again. */
	for (i = 0; i < n; i++)
		wait_gone(&b->tid[i]);
	return 0;
}

int
main(int argc, char **argv)
{
	long want = argc > 1 ? atol(argv[1]) : 1000, made = 0;
	int batch = argc > 2 ? atoi(argv[2]) : 500, n;
	static struct batch b;

	if (batch < 1 || batch > BATCH_MAX) {
		fprintf(stderr, "orphanstorm: BATCH must be 1-%d\n", BATCH_MAX);
		return 2;
	}
	b.stacks = mmap(NULL, (size_t)(BATCH_MAX + 2) * STACK_SIZE,
	    PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK,
	    -1, 0);
	if (b.stacks == MAP_FAILED) {
		perror("orphanstorm: mmap");
		return 1;
	}
	while (made < want) {
		n = want - made < batch ? (int)(want - made) : batch;
		if (run_batch(&b, n) < 0) {
			perror("orphanstorm: clone");
			break;
		}
		made += n;
	}
	printf("made %ld\n", made);
	return made == want ? 0 : 1;
}
