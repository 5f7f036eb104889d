/* benchdrv: the measuring driver of bench/run.sh and bench/guard.sh.
 *
 * Every init under test is started by clone(CLONE_NEWPID) + execve, so it is
 * PID 1 of a fresh PID namespace (no new mount namespace, /proc not remounted;
 * identical for every column).  The driver is the init's parent, so it can
 * signal it from the ancestor namespace, wait for it, and read its /proc entry
 * and its CPU clock.  Children get a fixed environment (PATH only) and
 * /dev/null as stdin/stdout; stderr is inherited.
 *
 * usage: benchdrv MODE [key=value ...] [:: LABEL CMD ARGS ...]...
 *
 *   pid1                 :: - CMD...   run CMD once as PID 1, exit with its status
 *   startup runs= warmup=                wall time clone -> waitpid, interleaved
 *   signal  n= gap_us= dir=              SIGUSR1 -> app handler latency ({FIFO})
 *   reap    n= reps= dir=                init CPU per reaped orphan ({N}, {FIFO})
 *   idle    secs= settle_ms= comm=       ctx switches / CPU / RSS / Pss ({PORT})
 *   shutdown reps= comm=                 SIGTERM -> init exit
 *
 * Tokens {FIFO}, {N}, {PORT} inside arguments are substituted per run.
 * Results are printed one line per LABEL as "LABEL key=value ...".
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAXCFG 16

typedef struct {
    const char *label;
    char **argv;        /* NULL-terminated template */
    pid_t pid;          /* running init, or 0 */
    int fd;             /* FIFO read end, or -1 */
    char fifo[512];
    int dead;
} cfg_t;

static cfg_t cfg[MAXCFG];
static int ncfg;
static char *child_env[] = { "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", NULL };

/* ------------------------------------------------------------------ utils */

static void die(const char *m)
{
    fprintf(stderr, "benchdrv: %s: %s\n", m, strerror(errno));
    exit(2);
}

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void sleep_ns(int64_t ns)
{
    struct timespec ts = { ns / 1000000000LL, ns % 1000000000LL };
    while (nanosleep(&ts, &ts) < 0 && errno == EINTR) {}
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

/* sorts v in place */
static int64_t pct(int64_t *v, int n, double p)
{
    if (n <= 0) return -1;
    qsort(v, n, sizeof *v, cmp_i64);
    if (p == 50.0)
        return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    int i = (int)(p / 100.0 * n + 0.999999) - 1;
    if (i < 0) i = 0;
    if (i >= n) i = n - 1;
    return v[i];
}

static long opt(int argc, char **argv, const char *key, long def)
{
    size_t k = strlen(key);
    for (int i = 2; i < argc && strcmp(argv[i], "::"); i++)
        if (!strncmp(argv[i], key, k) && argv[i][k] == '=')
            return strtol(argv[i] + k + 1, NULL, 10);
    return def;
}

static const char *opts(int argc, char **argv, const char *key, const char *def)
{
    size_t k = strlen(key);
    for (int i = 2; i < argc && strcmp(argv[i], "::"); i++)
        if (!strncmp(argv[i], key, k) && argv[i][k] == '=')
            return argv[i] + k + 1;
    return def;
}

static void parse_cfgs(int argc, char **argv)
{
    int i = 2;
    while (i < argc && strcmp(argv[i], "::")) i++;
    while (i < argc) {           /* argv[i] == "::" */
        i++;
        if (i + 1 >= argc || ncfg == MAXCFG) { fprintf(stderr, "benchdrv: bad config list\n"); exit(2); }
        cfg_t *c = &cfg[ncfg++];
        c->label = argv[i++];
        int start = i;
        while (i < argc && strcmp(argv[i], "::")) i++;
        int n = i - start;
        c->argv = calloc(n + 1, sizeof(char *));
        for (int j = 0; j < n; j++) c->argv[j] = argv[start + j];
        c->fd = -1;
    }
    if (!ncfg) { fprintf(stderr, "benchdrv: no command given\n"); exit(2); }
}

static char *subst1(const char *s, const char *tok, const char *val)
{
    const char *p = strstr(s, tok);
    if (!p) return strdup(s);
    size_t a = p - s, t = strlen(tok), v = strlen(val);
    char *r = malloc(strlen(s) - t + v + 1);
    memcpy(r, s, a);
    memcpy(r + a, val, v);
    strcpy(r + a + v, p + t);
    return r;
}

/* argv with {FIFO} {N} {PORT} substituted; leaks a little per run (bounded) */
static char **build_argv(cfg_t *c, const char *n, const char *port)
{
    int k = 0;
    while (c->argv[k]) k++;
    char **v = calloc(k + 1, sizeof(char *));
    for (int j = 0; j < k; j++) {
        char *a = subst1(c->argv[j], "{FIFO}", c->fifo);
        char *b = subst1(a, "{N}", n ? n : "0");
        free(a);
        a = subst1(b, "{PORT}", port ? port : "0");
        free(b);
        v[j] = a;
    }
    return v;
}

static void free_argv(char **v)
{
    for (int j = 0; v[j]; j++) free(v[j]);
    free(v);
}

/* ------------------------------------------------------------ spawning */

static char clone_stack[256 * 1024] __attribute__((aligned(64)));

static int child_fn(void *p)
{
    char **argv = p;
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    int fd = open("/dev/null", O_RDWR);
    if (fd >= 0) {
        dup2(fd, 0);
        dup2(fd, 1);
        if (fd > 2) close(fd);
    }
    execve(argv[0], argv, child_env);
    _exit(127);
}

static pid_t spawn_pid1(char **argv)
{
    pid_t p = clone(child_fn, clone_stack + sizeof clone_stack, CLONE_NEWPID | SIGCHLD, argv);
    if (p < 0) die("clone(CLONE_NEWPID)");
    return p;
}

static int wait_status(pid_t p)
{
    int st;
    while (waitpid(p, &st, 0) < 0)
        if (errno != EINTR) return -1;
    return st;
}

static int status_code(int st)
{
    if (st < 0) return -1;
    if (WIFEXITED(st)) return WEXITSTATUS(st);
    if (WIFSIGNALED(st)) return 128 + WTERMSIG(st);
    return -1;
}

/* terminate an init: SIGTERM, then SIGKILL after 3 s */
static int stop_init(pid_t p)
{
    int st;
    kill(p, SIGTERM);
    for (int i = 0; i < 3000; i++) {
        pid_t r = waitpid(p, &st, WNOHANG);
        if (r == p) return st;
        sleep_ns(1000000);
    }
    kill(p, SIGKILL);
    return wait_status(p);
}

/* ---------------------------------------------------------------- /proc */

static ssize_t read_file(const char *path, char *buf, size_t sz)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    size_t n = 0;
    for (;;) {
        ssize_t r = read(fd, buf + n, sz - 1 - n);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        n += r;
        if (n == sz - 1) break;
    }
    close(fd);
    buf[n] = 0;
    return n;
}

/* children of pid (single-threaded init: its main thread's children) */
static int children(pid_t pid, pid_t *out, int max)
{
    static char buf[1 << 20];
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/task/%d/children", pid, pid);
    if (read_file(path, buf, sizeof buf) < 0) return -1;
    int n = 0;
    char *s = buf, *e;
    while (n < max) {
        long v = strtol(s, &e, 10);
        if (e == s) break;
        out[n++] = v;
        s = e;
    }
    return n;
}

/* state char and comm of pid; 0 if gone */
static char proc_state(pid_t pid, char *comm, size_t csz)
{
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", pid);
    if (read_file(path, buf, sizeof buf) <= 0) return 0;
    char *l = strchr(buf, '('), *r = strrchr(buf, ')');
    if (!l || !r || r[1] != ' ') return 0;
    if (comm) {
        size_t k = r - l - 1;
        if (k >= csz) k = csz - 1;
        memcpy(comm, l + 1, k);
        comm[k] = 0;
    }
    return r[2];
}

static long status_field(pid_t pid, const char *file, const char *key)
{
    char path[64], buf[8192];
    snprintf(path, sizeof path, "/proc/%d/%s", pid, file);
    if (read_file(path, buf, sizeof buf) <= 0) return -1;
    size_t k = strlen(key);
    for (char *l = buf; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL)
        if (!strncmp(l, key, k) && l[k] == ':')
            return strtol(l + k + 1, NULL, 10);
    return -1;
}

/* CPU time (user+system) of the init process itself, in ns; children not included */
static int64_t cpu_ns(pid_t pid)
{
    clockid_t cid;
    struct timespec ts;
    if (clock_getcpuclockid(pid, &cid) == 0 && clock_gettime(cid, &ts) == 0)
        return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
    return -1;
}

/* wait until the init has a child with the given comm in sleeping state */
/* has the init exited (zombie, not reaped yet)? */
static int init_exited(pid_t p)
{
    siginfo_t si;
    memset(&si, 0, sizeof si);
    return waitid(P_PID, p, &si, WEXITED | WNOHANG | WNOWAIT) == 0 && si.si_pid == p;
}

/* accept and close connections on the health listener until deadline */
static void serve_until(int ls, int64_t deadline, long *accepts)
{
    for (;;) {
        int64_t left = deadline - now_ns();
        if (left <= 0) return;
        struct pollfd pf = { ls, POLLIN, 0 };
        if (poll(&pf, 1, (int)(left / 1000000) + 1) > 0) {
            int a;
            while ((a = accept4(ls, NULL, NULL, SOCK_CLOEXEC)) >= 0) {
                (*accepts)++;
                close(a);
            }
        }
    }
}

static int wait_child_comm(pid_t init, const char *comm, int64_t timeout_ns)
{
    int64_t end = now_ns() + timeout_ns;
    pid_t kids[64];
    char c[64];
    while (now_ns() < end) {
        int n = children(init, kids, 64);
        if (n < 0) return -1;              /* init gone */
        for (int i = 0; i < n; i++)
            if (proc_state(kids[i], c, sizeof c) == 'S' && !strcmp(c, comm))
                return kids[i];
        if (init_exited(init)) return -1;
        sleep_ns(100000);
    }
    return -1;
}

static void make_fifo(cfg_t *c, const char *dir, int idx)
{
    snprintf(c->fifo, sizeof c->fifo, "%s/fifo.%d", dir, idx);
    unlink(c->fifo);
    if (mkfifo(c->fifo, 0600) < 0) die("mkfifo");
    /* O_RDWR: never blocks, never sees EOF while the app comes and goes */
    c->fd = open(c->fifo, O_RDWR | O_CLOEXEC);
    if (c->fd < 0) die("open fifo");
}

struct msg { uint64_t seq; int64_t t_ns; };

/* read one message; 0 ok, -1 timeout */
static int read_msg(int fd, struct msg *m, int timeout_ms)
{
    struct pollfd p = { fd, POLLIN, 0 };
    if (poll(&p, 1, timeout_ms) <= 0) return -1;
    size_t got = 0;
    while (got < sizeof *m) {
        ssize_t r = read(fd, (char *)m + got, sizeof *m - got);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return -1;
        got += r;
    }
    return 0;
}

/* ---------------------------------------------------------------- modes */

static int mode_pid1(void)
{
    pid_t p = spawn_pid1(cfg[0].argv);
    return status_code(wait_status(p));
}

static int mode_startup(int argc, char **argv)
{
    int runs = opt(argc, argv, "runs", 500), warm = opt(argc, argv, "warmup", 20);
    /* stop early (after a full round) once max_secs have passed and min_runs are done */
    int min_runs = opt(argc, argv, "min_runs", runs);
    int64_t max_ns = opt(argc, argv, "max_secs", 0) * 1000000000LL;
    int64_t *t[MAXCFG];
    int fails[MAXCFG] = { 0 }, done = 0;
    for (int i = 0; i < ncfg; i++) t[i] = calloc(runs, sizeof(int64_t));
    int64_t start = now_ns();
    for (int r = -warm; r < runs; r++) {
        for (int k = 0; k < ncfg; k++) {
            int i = (k + (r < 0 ? 0 : r)) % ncfg;     /* rotate the order each round */
            int64_t t0 = now_ns();
            pid_t p = spawn_pid1(cfg[i].argv);
            int st = wait_status(p);
            int64_t t1 = now_ns();
            if (r < 0) continue;
            t[i][r] = t1 - t0;
            if (status_code(st) != 0) fails[i]++;
        }
        if (r >= 0) done = r + 1;
        if (max_ns && done >= min_runs && now_ns() - start > max_ns) break;
    }
    for (int i = 0; i < ncfg; i++) {
        int64_t med = pct(t[i], done, 50), mn = t[i][0], p90 = pct(t[i], done, 90);
        printf("%s n=%d median_ns=%lld min_ns=%lld p90_ns=%lld fails=%d\n", cfg[i].label, done,
               (long long)med, (long long)mn, (long long)p90, fails[i]);
    }
    return 0;
}

static int mode_signal(int argc, char **argv)
{
    int n = opt(argc, argv, "n", 1000);
    long gap = opt(argc, argv, "gap_us", 1000);
    const char *dir = opts(argc, argv, "dir", "/tmp");
    int64_t *lat[MAXCFG];
    int cnt[MAXCFG] = { 0 }, lost[MAXCFG] = { 0 };
    uint64_t expect[MAXCFG] = { 0 };
    for (int i = 0; i < ncfg; i++) {
        lat[i] = calloc(n, sizeof(int64_t));
        make_fifo(&cfg[i], dir, i);
        char **v = build_argv(&cfg[i], NULL, NULL);
        cfg[i].pid = spawn_pid1(v);
        free_argv(v);
    }
    for (int i = 0; i < ncfg; i++) {
        struct msg m;
        if (read_msg(cfg[i].fd, &m, 5000) < 0) { cfg[i].dead = 1; continue; }
    }
    for (int r = 0; r < n; r++) {
        for (int k = 0; k < ncfg; k++) {
            int i = (k + r) % ncfg;
            if (cfg[i].dead) continue;
            struct msg m;
            expect[i]++;
            int64_t t0 = now_ns();
            kill(cfg[i].pid, SIGUSR1);
            for (;;) {
                if (read_msg(cfg[i].fd, &m, 1000) < 0) { lost[i]++; break; }
                if (m.seq < expect[i]) continue;     /* stale reply of a lost one */
                if (m.seq > expect[i]) { lost[i]++; expect[i] = m.seq; break; }
                lat[i][cnt[i]++] = m.t_ns - t0;
                break;
            }
            if (gap > 0) sleep_ns(gap * 1000);
        }
    }
    for (int i = 0; i < ncfg; i++) {
        if (cfg[i].pid) stop_init(cfg[i].pid);
        close(cfg[i].fd);
        unlink(cfg[i].fifo);
        if (cfg[i].dead || !cnt[i]) { printf("%s fail=1\n", cfg[i].label); continue; }
        int c = cnt[i];
        int64_t med = pct(lat[i], c, 50), p99 = pct(lat[i], c, 99), mn = lat[i][0];
        printf("%s n=%d median_ns=%lld min_ns=%lld p99_ns=%lld lost=%d\n", cfg[i].label, c,
               (long long)med, (long long)mn, (long long)p99, lost[i]);
    }
    return 0;
}

/* one reaping run; returns init CPU ns, or -1; *zombies = zombies left */
static int64_t reap_run(cfg_t *c, long n, int *zombies, int *rc)
{
    char nbuf[32];
    snprintf(nbuf, sizeof nbuf, "%ld", n);
    char **v = build_argv(c, nbuf, NULL);
    pid_t p = spawn_pid1(v);
    free_argv(v);
    struct msg m;
    *zombies = -1;
    if (read_msg(c->fd, &m, 120000) < 0) { stop_init(p); return -1; }
    /* the app has created all orphans; let the init reap them (at most 2 s) */
    static pid_t kids[1 << 17];
    int64_t end = now_ns() + 2000000000LL;
    int z;
    for (;;) {
        int k = children(p, kids, 1 << 17);
        z = 0;
        for (int i = 0; i < k; i++)
            if (proc_state(kids[i], NULL, 0) == 'Z') z++;
        if (z == 0 || now_ns() > end) break;
        sleep_ns(2000000);
    }
    *zombies = z;
    /* end the app (SIGKILL to every live child; zombies ignore it) */
    int k = children(p, kids, 1 << 17);
    for (int i = 0; i < k; i++) kill(kids[i], SIGKILL);
    /* wait for the init to exit without reaping it, so its CPU clock is still readable */
    siginfo_t si;
    int64_t cpu = -1;
    memset(&si, 0, sizeof si);
    for (int i = 0; i < 5000; i++) {
        if (waitid(P_PID, p, &si, WEXITED | WNOHANG | WNOWAIT) == 0 && si.si_pid == p) break;
        sleep_ns(1000000);
    }
    if (si.si_pid == p) cpu = cpu_ns(p);
    *rc = status_code(stop_init(p));
    return cpu;
}

static int mode_reap(int argc, char **argv)
{
    long n = opt(argc, argv, "n", 10000);
    int reps = opt(argc, argv, "reps", 3);
    const char *dir = opts(argc, argv, "dir", "/tmp");
    int64_t *c0[MAXCFG], *cn[MAXCFG];
    int zmax[MAXCFG] = { 0 }, fails[MAXCFG] = { 0 };
    for (int i = 0; i < ncfg; i++) {
        c0[i] = calloc(reps, sizeof(int64_t));
        cn[i] = calloc(reps, sizeof(int64_t));
        make_fifo(&cfg[i], dir, i);
    }
    /* stop early (after a full round) once max_secs have passed and min_reps are done */
    int min_reps = opt(argc, argv, "min_reps", reps), done = 0;
    int64_t max_ns = opt(argc, argv, "max_secs", 0) * 1000000000LL, start = now_ns();
    for (int r = 0; r < reps; r++) {
        for (int k = 0; k < ncfg; k++) {
            int i = (k + r) % ncfg, z, rc;
            c0[i][r] = reap_run(&cfg[i], 0, &z, &rc);
            cn[i][r] = reap_run(&cfg[i], n, &z, &rc);
            if (cn[i][r] < 0 || c0[i][r] < 0) fails[i]++;
            if (z > zmax[i] || z < 0) zmax[i] = z < 0 ? 999999 : z;
        }
        done = r + 1;
        if (max_ns && done >= min_reps && now_ns() - start > max_ns) break;
    }
    reps = done;
    for (int i = 0; i < ncfg; i++) {
        close(cfg[i].fd);
        unlink(cfg[i].fifo);
        int64_t m0 = pct(c0[i], reps, 50), mn = pct(cn[i], reps, 50);
        int64_t min0 = c0[i][0], minn = cn[i][0];
        printf("%s n=%ld reps=%d cpu0_median_ns=%lld cpuN_median_ns=%lld per_orphan_median_ns=%lld "
               "per_orphan_min_ns=%lld zombies_left_max=%d fails=%d\n",
               cfg[i].label, n, reps, (long long)m0, (long long)mn, (long long)((mn - m0) / n),
               (long long)((minn - min0) / n), zmax[i], fails[i]);
    }
    return 0;
}

static int mode_idle(int argc, char **argv)
{
    long secs = opt(argc, argv, "secs", 10), settle = opt(argc, argv, "settle_ms", 500);
    const char *comm = opts(argc, argv, "comm", "sleep");
    int ls = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = 0 };
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t sl = sizeof sa;
    if (ls < 0 || bind(ls, (void *)&sa, sizeof sa) < 0 || listen(ls, 128) < 0 ||
        getsockname(ls, (void *)&sa, &sl) < 0)
        die("listen");
    char port[16];
    snprintf(port, sizeof port, "%d", ntohs(sa.sin_port));
    long accepts = 0;

    for (int i = 0; i < ncfg; i++) {
        char **v = build_argv(&cfg[i], NULL, port);
        cfg[i].pid = spawn_pid1(v);
        free_argv(v);
    }
    for (int i = 0; i < ncfg; i++)
        if (wait_child_comm(cfg[i].pid, comm, 5000000000LL) < 0) cfg[i].dead = 1;

    serve_until(ls, now_ns() + settle * 1000000LL, &accepts);
    long v0[MAXCFG], n0[MAXCFG];
    int64_t cpu0[MAXCFG];
    for (int i = 0; i < ncfg; i++) {
        v0[i] = status_field(cfg[i].pid, "status", "voluntary_ctxt_switches");
        n0[i] = status_field(cfg[i].pid, "status", "nonvoluntary_ctxt_switches");
        cpu0[i] = cpu_ns(cfg[i].pid);
    }
    long acc0 = accepts;
    int64_t t0 = now_ns();
    serve_until(ls, t0 + secs * 1000000000LL, &accepts);
    int64_t t1 = now_ns();
    for (int i = 0; i < ncfg; i++) {
        pid_t p = cfg[i].pid;
        long v1 = status_field(p, "status", "voluntary_ctxt_switches");
        long n1 = status_field(p, "status", "nonvoluntary_ctxt_switches");
        int64_t cpu1 = cpu_ns(p);
        long rss = status_field(p, "status", "VmRSS");
        long pss = status_field(p, "smaps_rollup", "Pss");
        int alive = !cfg[i].dead && !init_exited(p) && v1 >= 0;
        if (!alive) { printf("%s alive=0\n", cfg[i].label); continue; }
        printf("%s alive=1 secs=%.3f ctxsw=%ld voluntary=%ld nonvoluntary=%ld cpu_ns=%lld "
               "rss_kb=%ld pss_kb=%ld\n",
               cfg[i].label, (t1 - t0) / 1e9, (v1 - v0[i]) + (n1 - n0[i]), v1 - v0[i], n1 - n0[i],
               (long long)(cpu1 - cpu0[i]), rss, pss);
    }
    printf("# health_accepts_in_window=%ld\n", accepts - acc0);
    for (int i = 0; i < ncfg; i++) stop_init(cfg[i].pid);
    close(ls);
    return 0;
}

static int mode_shutdown(int argc, char **argv)
{
    int reps = opt(argc, argv, "reps", 100);
    const char *comm = opts(argc, argv, "comm", "sleep");
    int64_t *t[MAXCFG];
    int cnt[MAXCFG] = { 0 }, fails[MAXCFG] = { 0 }, last_rc[MAXCFG] = { 0 };
    for (int i = 0; i < ncfg; i++) t[i] = calloc(reps, sizeof(int64_t));
    /* stop early (after a full round) once max_secs have passed and min_runs are done */
    int min_runs = opt(argc, argv, "min_runs", reps);
    int64_t max_ns = opt(argc, argv, "max_secs", 0) * 1000000000LL, start = now_ns();
    for (int r = 0; r < reps; r++) {
        for (int k = 0; k < ncfg; k++) {
            int i = (k + r) % ncfg;
            pid_t p = spawn_pid1(cfg[i].argv);
            if (wait_child_comm(p, comm, 5000000000LL) < 0) {
                fails[i]++;
                stop_init(p);
                continue;
            }
            int64_t t0 = now_ns();
            kill(p, SIGTERM);
            int st = -1, done = 0;
            alarm(5);                           /* blocking wait, bounded by SIGALRM */
            if (waitpid(p, &st, 0) == p) done = 1;
            int64_t t1 = now_ns();
            alarm(0);
            if (!done) { fails[i]++; st = stop_init(p); continue; }
            t[i][cnt[i]++] = t1 - t0;
            last_rc[i] = status_code(st);
        }
        if (max_ns && r + 1 >= min_runs && now_ns() - start > max_ns) break;
    }
    for (int i = 0; i < ncfg; i++) {
        int c = cnt[i];
        if (!c) { printf("%s fail=1\n", cfg[i].label); continue; }
        int64_t med = pct(t[i], c, 50), p99 = pct(t[i], c, 99), mn = t[i][0];
        printf("%s n=%d median_ns=%lld min_ns=%lld p99_ns=%lld exit=%d fails=%d\n", cfg[i].label, c,
               (long long)med, (long long)mn, (long long)p99, last_rc[i], fails[i]);
    }
    return 0;
}

static void on_alarm(int s) { (void)s; }

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: benchdrv pid1|startup|signal|reap|idle|shutdown [k=v...] :: LABEL CMD...\n");
        return 2;
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;           /* no SA_RESTART: interrupts a blocking waitpid */
    sigaction(SIGALRM, &sa, NULL);
    parse_cfgs(argc, argv);
    const char *m = argv[1];
    if (!strcmp(m, "pid1")) return mode_pid1();
    if (!strcmp(m, "startup")) return mode_startup(argc, argv);
    if (!strcmp(m, "signal")) return mode_signal(argc, argv);
    if (!strcmp(m, "reap")) return mode_reap(argc, argv);
    if (!strcmp(m, "idle")) return mode_idle(argc, argv);
    if (!strcmp(m, "shutdown")) return mode_shutdown(argc, argv);
    fprintf(stderr, "benchdrv: unknown mode %s\n", m);
    return 2;
}
