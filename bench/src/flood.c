/* flood: signal forwarding and reaping while clients flood tend's status socket.
 *
 *   flood TEND CLIENTS SIGNALS   (driver; prints two lines, "noflood k=v..." and "flood k=v...")
 *   flood app FIFO               (the app tend runs; internal)
 *
 * The driver starts TEND as PID 1 of a fresh PID namespace with a health probe (so the status
 * socket exists) and this program as the app. The app's SIGUSR1 handler writes CLOCK_MONOTONIC
 * to FIFO first thing; after each signal the app also makes one orphan, which tend must reap.
 * CLIENTS processes connect to the status socket, read the answer and reconnect, as fast as
 * they can. The driver sends SIGUSR1 to tend in blocks of 50, alternating flood off (clients
 * stopped) and on, SIGNALS per phase, 1 ms apart, and measures each signal from kill() to the
 * handler. Before each signal it counts tend's zombie children (the orphan made ~1 ms earlier
 * may still be on its way) and, if there is one, counts again 10 ms later: a zombie still there
 * is one that waits. Figures per phase: latency median/p99/max, signals lost (no answer in
 * 2 s), samples with a zombie, samples where it waited 10 ms, the most zombies seen waiting,
 * and the status answers per second.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define BLOCK 50

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void die(const char *what) { perror(what); exit(2); }

/* ---------------------------------------------------------------- the app */
static int app_fd = -1;
static volatile sig_atomic_t app_got;

static void app_usr1(int sig)
{
    int64_t t = now_ns();
    (void)sig;
    (void)!write(app_fd, &t, sizeof(t));
    app_got = 1;
}

static int app(const char *fifo)
{
    struct sigaction sa;
    int64_t zero = 0;
    pid_t mid;

    if ((app_fd = open(fifo, O_WRONLY)) < 0) die(fifo);
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = app_usr1;
    sigaction(SIGUSR1, &sa, NULL);
    (void)!write(app_fd, &zero, sizeof(zero));
    for (;;) {
        pause();
        if (!app_got) continue;
        app_got = 0;
        /* one orphan: the middle child exits at once, the orphan right after */
        if ((mid = fork()) == 0) {
            if (fork() == 0) _exit(0);
            _exit(0);
        }
        if (mid > 0) waitpid(mid, NULL, 0);
    }
}

/* ---------------------------------------------------------------- the flood */
static void flooder(const struct sockaddr_un *sun, socklen_t len, volatile uint64_t *answers)
{
    char buf[512];
    int fd;

    prctl(PR_SET_PDEATHSIG, SIGKILL);
    for (;;) {
        if ((fd = socket(AF_UNIX, SOCK_STREAM, 0)) < 0) _exit(1);
        if (connect(fd, (const struct sockaddr *)sun, len) == 0) {
            if (read(fd, buf, sizeof(buf)) > 0) __atomic_add_fetch(answers, 1, __ATOMIC_RELAXED);
        } else {
            usleep(1000);
        }
        close(fd);
    }
}

/* ---------------------------------------------------------------- the driver */
static int zombies_of(pid_t pid)
{
    char path[64], buf[4096], st[256], *p, *e;
    int fd, n = 0;
    ssize_t r;

    snprintf(path, sizeof(path), "/proc/%d/task/%d/children", pid, pid);
    if ((fd = open(path, O_RDONLY)) < 0) return -1;
    r = read(fd, buf, sizeof(buf) - 1);
    close(fd);
    if (r <= 0) return 0;
    buf[r] = '\0';
    for (p = buf; *p; p = e) {
        long c = strtol(p, &e, 10);
        if (e == p) break;
        snprintf(path, sizeof(path), "/proc/%ld/stat", c);
        if ((fd = open(path, O_RDONLY)) < 0) continue;
        r = read(fd, st, sizeof(st) - 1);
        close(fd);
        if (r <= 0) continue;
        st[r] = '\0';
        if ((p = strrchr(st, ')')) && p[1] == ' ' && p[2] == 'Z') n++;
    }
    return n;
}

static int cmp64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

struct phase {
    const char *name;
    int64_t *lat;
    int n, lost, zsamples, zwaits, zmax;
    int64_t on_ns;
    uint64_t answers;
};

static void report(struct phase *ph)
{
    int64_t *l = ph->lat;
    int n = ph->n;
    qsort(l, (size_t)n, sizeof(*l), cmp64);
    printf("%s n=%d median_ns=%lld p99_ns=%lld max_ns=%lld lost=%d zombie_samples=%d zombie_waits=%d zombies_max=%d answers_per_s=%llu\n",
           ph->name, n, n ? (long long)l[n / 2] : -1, n ? (long long)l[(n * 99) / 100] : -1,
           n ? (long long)l[n - 1] : -1, ph->lost, ph->zsamples, ph->zwaits, ph->zmax,
           ph->on_ns > 0 ? (unsigned long long)(ph->answers * 1000000000ULL / (uint64_t)ph->on_ns) : 0ULL);
}

int main(int argc, char **argv)
{
    char dir[] = "/tmp/tendflood.XXXXXX", fifo[64], self[4096], ns[64];
    struct sockaddr_un sun;
    struct phase ph[2] = { { .name = "noflood" }, { .name = "flood" } };
    volatile uint64_t *answers;
    struct pollfd pfd;
    socklen_t len;
    pid_t tend, pg = 0, c;
    int64_t t, t1, on0 = 0;
    int clients, signals, fd, i, k, z, st;
    ssize_t r;

    if (argc == 3 && strcmp(argv[1], "app") == 0) return app(argv[2]);
    if (argc != 4) { fprintf(stderr, "usage: flood TEND CLIENTS SIGNALS\n"); return 2; }
    clients = atoi(argv[2]);
    signals = (atoi(argv[3]) + BLOCK - 1) / BLOCK * BLOCK;
    if ((r = readlink("/proc/self/exe", self, sizeof(self) - 1)) < 0) die("readlink");
    self[r] = '\0';
    if (!mkdtemp(dir)) die("mkdtemp");
    snprintf(fifo, sizeof(fifo), "%s/fifo", dir);
    if (mkfifo(fifo, 0600) < 0) die("mkfifo");
    if ((fd = open(fifo, O_RDONLY | O_NONBLOCK)) < 0) die(fifo);

    tend = (pid_t)syscall(SYS_clone, CLONE_NEWPID | SIGCHLD, 0, 0, 0, 0);
    if (tend < 0) die("clone(CLONE_NEWPID)");
    if (tend == 0) {
        int dn = open("/dev/null", O_WRONLY);
        dup2(dn, 2);
        execl(argv[1], "tend", "--health", "tcp://127.0.0.1:1", "--health-interval", "1s",
              "--", self, "app", fifo, (char *)NULL);
        _exit(127);
    }
    pfd.fd = fd;
    pfd.events = POLLIN;
    if (poll(&pfd, 1, 5000) <= 0 || read(fd, &t, sizeof(t)) != sizeof(t)) {
        fprintf(stderr, "flood: the app did not start\n");
        kill(tend, SIGKILL);
        return 2;
    }
    /* the status socket's name: tend's PID namespace */
    snprintf(self, sizeof(self), "/proc/%d/ns/pid", tend);
    if ((r = readlink(self, ns, sizeof(ns) - 1)) < 0) die(self);
    ns[r] = '\0';
    memset(&sun, 0, sizeof(sun));
    sun.sun_family = AF_UNIX;
    k = snprintf(sun.sun_path + 1, sizeof(sun.sun_path) - 1, "tend-status-%s", ns);
    len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + (size_t)k);

    answers = mmap(NULL, sizeof(*answers), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (answers == MAP_FAILED) die("mmap");
    for (i = 0; i < clients; i++) {
        if ((c = fork()) < 0) die("fork");
        if (c == 0) {
            setpgid(0, pg);
            raise(SIGSTOP);
            flooder(&sun, len, answers);
        }
        if (pg == 0) pg = c;
        setpgid(c, pg);
    }
    for (k = 0; k < 2; k++)
        if (!(ph[k].lat = calloc((size_t)signals, sizeof(int64_t)))) die("calloc");
    for (i = 0; i < 2 * signals; i++) {
        struct phase *p = &ph[(i / BLOCK) % 2];
        if (i % BLOCK == 0) {
            /* switch the flood on (odd blocks) or off, and let it settle */
            if (pg) kill(-pg, p == &ph[1] ? SIGCONT : SIGSTOP);
            usleep(50000);
            if (p == &ph[1]) { on0 = now_ns(); __atomic_store_n(answers, 0, __ATOMIC_RELAXED); }
        }
        if (p->n >= signals) continue;
        z = zombies_of(tend);
        if (z > 0) {
            /* one may be on its way (exited, not yet reaped): is it still there 10 ms on? */
            p->zsamples++;
            usleep(10000);
            if ((z = zombies_of(tend)) > 0) p->zwaits++;
            if (z > p->zmax) p->zmax = z;
        }
        t = now_ns();
        kill(tend, SIGUSR1);
        if (poll(&pfd, 1, 2000) > 0 && read(fd, &t1, sizeof(t1)) == sizeof(t1))
            p->lat[p->n++] = t1 - t;
        else
            p->lost++;
        if (p == &ph[1] && (i + 1) % BLOCK == 0) {
            ph[1].answers += __atomic_load_n(answers, __ATOMIC_RELAXED);
            ph[1].on_ns += now_ns() - on0;
        }
        usleep(1000);
    }
    if (pg) kill(-pg, SIGKILL);
    while (pg && waitpid(-pg, NULL, 0) > 0)
        ;
    kill(tend, SIGTERM);
    waitpid(tend, &st, 0);
    unlink(fifo);
    rmdir(dir);
    report(&ph[0]);
    report(&ph[1]);
    return 0;
}
