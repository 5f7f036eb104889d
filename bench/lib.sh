# bench/lib.sh — shared by bench/run.sh and bench/guard.sh (source it, don't run it).
# shellcheck shell=bash
# Needs: bash, coreutils, gcc, valgrind, binutils (strip), file.

BENCH_DIR=${BENCH_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)}
REPO_DIR=${REPO_DIR:-$(cd "$BENCH_DIR/.." && pwd)}
BUILD_DIR=${BENCH_BUILD_DIR:-$BENCH_DIR/.build}
DRV=$BUILD_DIR/benchdrv
APP=$BUILD_DIR/benchapp
FLOOD=$BUILD_DIR/flood
DRAIN=$BUILD_DIR/drainbench

die() { echo "bench: $*" >&2; exit 2; }
note() { echo "bench: $*" >&2; }

# Build the C helpers into $BUILD_DIR (only when a source is newer than its binary).
bench_build() {
    command -v gcc >/dev/null || die "gcc not found"
    mkdir -p "$BUILD_DIR"
    if [[ ! -x $DRV || $BENCH_DIR/src/benchdrv.c -nt $DRV ]]; then
        gcc -O2 -Wall -Wextra -o "$DRV" "$BENCH_DIR/src/benchdrv.c" || die "building benchdrv failed"
    fi
    if [[ ! -x $APP || $BENCH_DIR/src/benchapp.c -nt $APP ]]; then
        # static: the app starts fast and is the same under every init
        gcc -O2 -Wall -Wextra -static -o "$APP" "$BENCH_DIR/src/benchapp.c" 2>/dev/null ||
            gcc -O2 -Wall -Wextra -o "$APP" "$BENCH_DIR/src/benchapp.c" || die "building benchapp failed"
    fi
    if [[ ! -x $FLOOD || $BENCH_DIR/src/flood.c -nt $FLOOD ]]; then
        gcc -O2 -Wall -Wextra -o "$FLOOD" "$BENCH_DIR/src/flood.c" || die "building flood failed"
    fi
    if [[ ! -x $DRAIN || $BENCH_DIR/src/drainbench.c -nt $DRAIN ]]; then
        # static: it is also the app, and forks the host's processes cheaply
        gcc -O2 -Wall -Wextra -static -o "$DRAIN" "$BENCH_DIR/src/drainbench.c" 2>/dev/null ||
            gcc -O2 -Wall -Wextra -o "$DRAIN" "$BENCH_DIR/src/drainbench.c" || die "building drainbench failed"
    fi
}

need_root() {
    [[ $(id -u) == 0 ]] || die "must run as root (clone(CLONE_NEWPID) needs CAP_SYS_ADMIN)"
}

# Size in bytes of a stripped copy of $1 (equal to the file size if already stripped;
# strip refuses tend, which cmake/sstrip.sh leaves without section headers: its file size).
stripped_size() {
    local t
    t=$(mktemp /tmp/tendbench-strip.XXXXXXXX)
    if strip -o "$t" "$1" 2>/dev/null; then stat -c %s "$t"; else stat -c %s "$1"; fi
    rm -f "$t"
}

# Linkage summary from file(1): "static", "static-pie", "dynamic (PIE)", plus "stripped"/"not stripped".
linkage() {
    local f
    f=$(file -bL "$1")
    local l="?"
    case $f in
        *static-pie*) l="static-pie" ;;
        *statically\ linked*) l="static" ;;
        *dynamically\ linked*) l="dynamic"; [[ $f == *"pie executable"* ]] && l="dynamic, PIE" ;;
    esac
    case $f in
        *"not stripped"*) l="$l, not stripped" ;;
        *stripped*) l="$l, stripped" ;;
    esac
    echo "$l"
}

# Guest instruction count (callgrind Ir) of `INIT -- /bin/true`, the init run as PID 1 of a
# fresh PID namespace, counting the init process only (--trace-children=no; the forked child's
# own count is written nowhere and /bin/true runs natively).  The driver passes a fixed
# environment (PATH only), the init is copied to a path of fixed length, cwd is /.
# An init's count can still take two or three values from run to run (e.g. whether /bin/true
# has already exited when the init first waits), so it is run RUNS times (default 5).
# Prints "MIN MAX EXITCODE" (EXITCODE: the first non-zero one, else 0); MIN/MAX are "-" when
# valgrind produced nothing.
callgrind_instructions() {
    local init=$1 runs=${2:-5} t i rc n min=- max=- code=0
    command -v valgrind >/dev/null || die "valgrind not found"
    t=$(mktemp -d /tmp/tendbench-cg.XXXXXXXX)
    cp "$init" "$t/init"
    for ((i = 0; i < runs; i++)); do
        rm -f "$t"/cg.*
        rc=0
        (cd / && "$DRV" pid1 :: - "$(command -v valgrind)" --tool=callgrind --trace-children=no \
            --callgrind-out-file="$t/cg.%p" "$t/init" -- /bin/true) >/dev/null 2>"$t/log" || rc=$?
        ((code == 0)) && code=$rc
        n=
        # valgrind is PID 1 inside the namespace, so the init's profile is cg.1
        [[ -s $t/cg.1 ]] && n=$(sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$t/cg.1")
        if [[ -z $n ]]; then
            sed 's/^/    valgrind: /' "$t/log" | tail -n 20 >&2
            min=- max=-
            break
        fi
        [[ $min == - ]] || ((n < min)) && min=$n
        [[ $max == - ]] || ((n > max)) && max=$n
    done
    rm -rf "$t"
    echo "$min $max $code"
}
