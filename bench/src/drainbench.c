/* drainbench: how long a subreaper init takes to drain one leftover daemon, with and without
 * many unrelated processes on the host.
 *
 *   drainbench run HOST REPS :: LABEL INIT [ARGS...] [:: LABEL INIT ...]
 *       For HOST = 0 and then HOST = the given number: with that many unrelated sleeping
 *       processes alive (children of one holder process, not of the init), run each init
 *       REPS times, interleaved, NOT as PID 1 (so it is a child subreaper in the driver's own
 *       PID namespace and sees every host process in /proc) as
 *           INIT ARGS... -- drainbench app
 *       The app leaves one daemon (fork, setsid, fork; it dies of SIGTERM at once), writes
 *       CLOCK_MONOTONIC to stdout and exits. The drain time is from that moment to the init's
 *       exit (waitid WNOWAIT, before it is reaped), and the init's CPU clock is read then.
 *       Prints one line per init and HOST: "LABEL host=N n= median_ns= min_ns= p90_ns=
 *       max_ns= cpu_median_ns= fails=".
 *   drainbench app           the app above.
 *
 * The holder forks HOST children that pause() with PR_SET_PDEATHSIG(SIGKILL); at the end the
 * driver TERMs the holder, which KILLs and reaps every one of them, so nothing is left.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_INITS 8
#define MAX_REPS 1000

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void die(const char *what)
{
    fprintf(stderr, "drainbench: %s: %s\n", what, strerror(errno));
    exit(2);
}

/* ---------------------------------------------------------------- the app */
static int app(void)
{
    int p[2], null;
    pid_t mid;
    char c;

    if (pipe(p) < 0 || (mid = fork()) < 0)
        return 1;
    if (mid == 0) {
        setsid();
        if (fork() != 0)
            _exit(0);
        null = open("/dev/null", O_RDWR);
        dup2(null, 0); dup2(null, 1); dup2(null, 2);
        signal(SIGTERM, SIG_DFL);
        (void)!write(p[1], "r", 1);
        close(p[1]); close(p[0]);
        for (;;)
            pause();
    }
    close(p[1]);
    waitpid(mid, NULL, 0);
    if (read(p[0], &c, 1) != 1)
        return 1;
    printf("%lld\n", (long long)now_ns());
    fflush(stdout);
    return 0;
}

/* ---------------------------------------------------------------- the holder */
static pid_t holder_pid = -1;

/* Fork a holder with n sleeping children; returns once all are up. */
static void holder_start(long n)
{
    int p[2];
    pid_t *kids;
    sigset_t set;
    long i;
    int sig;
    char c;

    if (n <= 0)
        return;
    if (pipe(p) < 0)
        die("pipe");
    if ((holder_pid = fork()) < 0)
        die("fork holder");
    if (holder_pid > 0) {
        close(p[1]);
        if (read(p[0], &c, 1) != 1) {
            fprintf(stderr, "drainbench: the holder could not start %ld processes\n", n);
            exit(2);
        }
        close(p[0]);
        return;
    }
    close(p[0]);
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigprocmask(SIG_BLOCK, &set, NULL);
    kids = calloc((size_t)n, sizeof(*kids));
    if (kids == NULL)
        _exit(1);
    for (i = 0; i < n; i++) {
        pid_t k = fork();
        if (k < 0)
            break;
        if (k == 0) {
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (getppid() == 1)
                _exit(0);
            for (;;)
                pause();
        }
        kids[i] = k;
    }
    if (i == n)
        (void)!write(p[1], "r", 1);
    close(p[1]);
    if (i == n)
        sigwait(&set, &sig);
    for (long j = 0; j < i; j++)
        kill(kids[j], SIGKILL);
    for (long j = 0; j < i; j++)
        waitpid(kids[j], NULL, 0);
    _exit(0);
}

static void holder_stop(void)
{
    if (holder_pid <= 0)
        return;
    kill(holder_pid, SIGTERM);
    waitpid(holder_pid, NULL, 0);
    holder_pid = -1;
}

/* ---------------------------------------------------------------- one drain */
struct init { const char *label; char **argv; int64_t lat[MAX_REPS], cpu[MAX_REPS]; int n, fails; };

static char *self_exe;

/* Run init once; stores drain latency and init CPU, or counts a failure. */
static void drain_once(struct init *in)
{
    char *argv[64], buf[64];
    int out[2], null, i, k = 0;
    int64_t t_app, t_exit;
    struct timespec cpu = { 0, 0 };
    clockid_t cid;
    struct pollfd pfd;
    siginfo_t si;
    ssize_t got = 0, r;
    pid_t pid;

    for (i = 0; in->argv[i] && k < 60; i++)
        argv[k++] = in->argv[i];
    argv[k++] = "--";
    argv[k++] = self_exe;
    argv[k++] = "app";
    argv[k] = NULL;
    if (pipe2(out, O_CLOEXEC) < 0)
        die("pipe");
    if ((pid = fork()) < 0)
        die("fork");
    if (pid == 0) {
        null = open("/dev/null", O_RDWR);
        dup2(out[1], 1);
        dup2(null, 2);
        execv(argv[0], argv);
        _exit(127);
    }
    close(out[1]);
    pfd = (struct pollfd){ out[0], POLLIN, 0 };
    while (got < (ssize_t)sizeof(buf) - 1 && poll(&pfd, 1, 10000) > 0 &&
           (r = read(out[0], buf + got, sizeof(buf) - 1 - (size_t)got)) > 0) {
        got += r;
        if (memchr(buf, '\n', (size_t)got))
            break;
    }
    buf[got] = '\0';
    close(out[0]);
    t_app = strtoll(buf, NULL, 10);
    if (clock_getcpuclockid(pid, &cid) != 0)
        cid = -1;
    if (waitid(P_PID, (id_t)pid, &si, WEXITED | WNOWAIT) < 0)
        die("waitid");
    t_exit = now_ns();
    if (cid != (clockid_t)-1)
        clock_gettime(cid, &cpu);
    waitpid(pid, NULL, 0);
    if (t_app <= 0 || si.si_code != CLD_EXITED || si.si_status != 0) {
        in->fails++;
        return;
    }
    in->lat[in->n] = t_exit - t_app;
    in->cpu[in->n++] = (int64_t)cpu.tv_sec * 1000000000LL + cpu.tv_nsec;
}

static int cmp64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

static int64_t pct(int64_t *v, int n, int p)
{
    if (n == 0)
        return -1;
    qsort(v, (size_t)n, sizeof(*v), cmp64);
    return v[(size_t)((n - 1) * p / 100)];
}

static void report(struct init *in, int ninit, long host)
{
    for (int i = 0; i < ninit; i++) {
        struct init *x = &in[i];
        int64_t med = pct(x->lat, x->n, 50), p90 = pct(x->lat, x->n, 90);
        printf("%s host=%ld n=%d median_ns=%lld min_ns=%lld p90_ns=%lld max_ns=%lld cpu_median_ns=%lld fails=%d\n",
               x->label, host, x->n, (long long)med, (long long)pct(x->lat, x->n, 0), (long long)p90,
               (long long)pct(x->lat, x->n, 100), (long long)pct(x->cpu, x->n, 50), x->fails);
        x->n = x->fails = 0;
    }
    fflush(stdout);
}

int main(int argc, char **argv)
{
    static struct init inits[MAX_INITS];
    int ninit = 0, reps, i, r;
    long host, hosts[2];

    if (argc == 2 && strcmp(argv[1], "app") == 0)
        return app();
    if (argc < 6 || strcmp(argv[1], "run") != 0 || strcmp(argv[4], "::") != 0) {
        fprintf(stderr, "usage: drainbench run HOST REPS :: LABEL INIT [ARGS...] [:: ...]\n");
        return 2;
    }
    self_exe = realpath("/proc/self/exe", NULL);
    host = atol(argv[2]);
    reps = atoi(argv[3]);
    if (reps < 1 || reps > MAX_REPS || host < 0)
        return 2;
    for (i = 4; i < argc; i++) {
        if (strcmp(argv[i], "::") == 0) {
            if (ninit == MAX_INITS || i + 2 >= argc)
                return 2;
            inits[ninit].label = argv[i + 1];
            inits[ninit].argv = &argv[i + 2];
            ninit++;
            argv[i] = NULL;
            i++;
        }
    }
    hosts[0] = 0;
    hosts[1] = host;
    for (int h = 0; h < 2; h++) {
        holder_start(hosts[h]);
        for (r = 0; r < reps; r++)
            for (i = 0; i < ninit; i++)
                drain_once(&inits[(r + i) % ninit]);
        holder_stop();
        report(inits, ninit, hosts[h]);
    }
    return 0;
}
