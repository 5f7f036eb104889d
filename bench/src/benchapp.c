/* benchapp: the application run under each init by bench/run.sh.
 *
 *   benchapp sig FIFO        install a SIGUSR1 handler that writes {seq, CLOCK_MONOTONIC ns}
 *                            to FIFO, announce readiness (seq 0), then pause() forever.
 *   benchapp orphans N FIFO  create N double-forked orphans (they are reparented to the
 *                            init and must be reaped by it), write "done" to FIFO, pause().
 *
 * Both block in pause(); the driver ends them with a signal.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct msg { uint64_t seq; int64_t t_ns; };

static int out_fd = -1;
static volatile uint64_t seq;

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void on_usr1(int sig)
{
    struct msg m;
    (void)sig;
    m.t_ns = now_ns();           /* first thing: the handler is running */
    m.seq = ++seq;
    (void)!write(out_fd, &m, sizeof m);
}

/* Create a child that exits immediately.  Process creation with a private copy of the
 * address space (fork) costs ~0.5 ms on some VMs, which would make 10,000 orphans take
 * minutes; the init does the same work to reap either kind, so the orphan shares the
 * memory (CLONE_VM, not a thread) and, on x86-64, exits without touching the stack. */
static void spawn_exiting_child(void)
{
#if defined(__x86_64__)
    long ret;
    register long r10 __asm__("r10") = 0;
    register long r8 __asm__("r8") = 0;
    __asm__ volatile("syscall\n\t"
                     "test %%rax, %%rax\n\t"
                     "jnz 1f\n\t"
                     "mov $60, %%eax\n\t"     /* child: SYS_exit(0) */
                     "xor %%edi, %%edi\n\t"
                     "syscall\n\t"
                     "1:\n\t"
                     : "=a"(ret)
                     : "a"((long)SYS_clone), "D"((long)(CLONE_VM | SIGCHLD)), "S"(0L), "d"(0L),
                       "r"(r10), "r"(r8)
                     : "rcx", "r11", "memory");
    (void)ret;
#else
    if (syscall(SYS_fork) == 0) _exit(0);
#endif
}

static int open_fifo(const char *path)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) _exit(111);
    return fd;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "sig") == 0) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_usr1;
        sa.sa_flags = SA_RESTART;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGUSR1, &sa, NULL);
        sigset_t all;
        sigemptyset(&all);
        sigprocmask(SIG_SETMASK, &all, NULL);
        out_fd = open_fifo(argv[2]);
        struct msg m = { 0, now_ns() };
        (void)!write(out_fd, &m, sizeof m);
        for (;;) pause();
    }
    if (argc == 4 && strcmp(argv[1], "orphans") == 0) {
        long n = strtol(argv[2], NULL, 10);
        for (long i = 0; i < n; i++) {
            /* intermediate child: vfork (borrows the app's memory), makes the orphan-to-be
             * and exits at once, so the orphan is reparented to the init */
            pid_t p = vfork();
            if (p < 0) { usleep(1000); i--; continue; }
            if (p == 0) {
                spawn_exiting_child();
                _exit(0);
            }
            while (waitpid(p, NULL, 0) < 0 && errno == EINTR) {}
        }
        out_fd = open_fifo(argv[3]);
        struct msg m = { (uint64_t)n, now_ns() };
        (void)!write(out_fd, &m, sizeof m);
        for (;;) pause();
    }
    return 2;
}
