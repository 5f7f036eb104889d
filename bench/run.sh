#!/usr/bin/env bash
# bench/run.sh — tend against its peers (tini-static, tini, dumb-init, catatonit), side by side
# in one run, interleaved and repeated.  Writes Markdown to stdout (and to FILE with -o).
#
# usage: bench/run.sh [-o FILE] [--tend PATH] [--quick] [--only LIST] [knobs...]
#   -o FILE            also write the report to FILE (e.g. bench/RESULTS.md)
#   --tend PATH        tend binary (default: build/tend relative to the repo root); if it is
#                      missing, tini-static stands in for the tend column (the report says so)
#   --quick            fewer repetitions (~1 minute instead of ~2-3)
#   --only LIST        comma list of metrics: size,startup,callgrind,signal,reap,idle,memory,shutdown,flood,drain
#   --startup-runs N   runs per init for startup overhead      (full 1000, quick 300)
#   --startup-secs N   stop startup rounds after N s, once 300 (quick 150) are done (full 60, quick 20)
#   --signals N        signals per init for forwarding latency (full 1000, quick 300);
#                      also per phase of the status-flood run (tend only)
#   --orphans N        orphans per reaping run                 (full/quick 10000)
#   --reap-reps N      reaping runs per init                   (full 5, quick 1)
#   --reap-secs N      stop reaping runs after N s, once 2 are done (full 45, quick 15)
#   --idle-secs N      idle window, seconds                    (10)
#   --shutdown-reps N  SIGTERM -> exit runs per init           (full 100, quick 30)
#   --shutdown-secs N  stop shutdown runs after N s, once 30 are done (full 20, quick 10)
#   --drain-host N     unrelated host processes for the drain metric (8000)
#   --drain-reps N     drains per host size                    (full 30, quick 10)
#   --no-nice          do not raise the priority of the run (default: renice -10, same for all inits)
#   --rt               run everything SCHED_FIFO 10 instead (steadier timings on a busy machine;
#                      starves other work on the machine while it runs)
# Needs root, gcc, valgrind, binutils, file; no network.  A hand-written section is appended
# from bench/notes.md when that file exists.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"

CMDLINE="bench/run.sh${*:+ $*}"
OUT=
TEND=$REPO_DIR/build/tend
QUICK=0
ONLY=size,startup,callgrind,signal,reap,idle,memory,shutdown,flood,drain
STARTUP_RUNS='' STARTUP_SECS='' NICE=1 RT=0 SIGNALS='' ORPHANS='' REAP_REPS='' REAP_SECS='' IDLE_SECS='' SHUTDOWN_REPS='' SHUTDOWN_SECS=''
DRAIN_HOST=8000 DRAIN_REPS=''
while (($#)); do
    case $1 in
        -o) OUT=$2; shift 2 ;;
        --tend) TEND=$2; shift 2 ;;
        --quick) QUICK=1; shift ;;
        --only) ONLY=$2; shift 2 ;;
        --startup-runs) STARTUP_RUNS=$2; shift 2 ;;
        --startup-secs) STARTUP_SECS=$2; shift 2 ;;
        --no-nice) NICE=0; shift ;;
        --rt) RT=1; shift ;;
        --signals) SIGNALS=$2; shift 2 ;;
        --orphans) ORPHANS=$2; shift 2 ;;
        --reap-reps) REAP_REPS=$2; shift 2 ;;
        --reap-secs) REAP_SECS=$2; shift 2 ;;
        --idle-secs) IDLE_SECS=$2; shift 2 ;;
        --shutdown-reps) SHUTDOWN_REPS=$2; shift 2 ;;
        --shutdown-secs) SHUTDOWN_SECS=$2; shift 2 ;;
        --drain-host) DRAIN_HOST=$2; shift 2 ;;
        --drain-reps) DRAIN_REPS=$2; shift 2 ;;
        -h|--help) sed -n '2,27p' "$0"; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
if ((QUICK)); then
    : "${STARTUP_RUNS:=300}" "${STARTUP_SECS:=20}" "${SIGNALS:=300}" "${ORPHANS:=10000}" "${REAP_REPS:=1}" "${REAP_SECS:=15}" "${IDLE_SECS:=10}" "${SHUTDOWN_REPS:=30}" "${SHUTDOWN_SECS:=10}" "${DRAIN_REPS:=10}"
else
    : "${STARTUP_RUNS:=1000}" "${STARTUP_SECS:=60}" "${SIGNALS:=1000}" "${ORPHANS:=10000}" "${REAP_REPS:=5}" "${REAP_SECS:=45}" "${IDLE_SECS:=10}" "${SHUTDOWN_REPS:=100}" "${SHUTDOWN_SECS:=20}" "${DRAIN_REPS:=30}"
fi

need_root
bench_build
PRIO="default priority"
if ((RT)); then
    chrt -f -p 10 $$ >/dev/null || die "chrt -f failed"
    PRIO="SCHED_FIFO 10 (--rt; inherited by every init alike)"
elif ((NICE)) && renice -n -10 -p $$ >/dev/null 2>&1; then
    PRIO="nice -10 (inherited by every init alike)"
fi
LOAD0=$(cut -d" " -f1-3 /proc/loadavg)
T0=$(date +%s)
WORK=$(mktemp -d /tmp/tendbench.XXXXXXXX)
trap 'rm -rf "$WORK"' EXIT
LOG=$WORK/stderr.log      # the inits' own stderr
SECTIONS=$WORK/sections.md
SUMMARY=$WORK/summary.md
: >"$SECTIONS"
: >"$SUMMARY"

# ---------------------------------------------------------------- the columns
REF=tini-static                         # every ratio is "init / tini-static"
LABELS=(tend tini-static tini dumb-init catatonit)
declare -A BIN SHOW
STANDIN=
if [[ -x $TEND ]]; then
    # measure a private copy: the build may replace build/tend during the run
    TEND_SRC=$(readlink -f "$TEND")
    mkdir -p "$WORK/bin"
    cp "$TEND_SRC" "$WORK/bin/tend"
    BIN[tend]=$WORK/bin/tend
else
    STANDIN=$(command -v tini-static || true)
    [[ -n $STANDIN ]] || die "no tend at $TEND and no tini-static to stand in"
    note "no tend binary at $TEND: tini-static stands in for the tend column"
    BIN[tend]=$STANDIN
fi
for l in tini-static tini dumb-init catatonit; do
    BIN[$l]=$(command -v "$l" || true)
    [[ -n ${BIN[$l]} ]] || note "$l not installed: its column will be empty"
done
SHOW=([tend]=${TEND_SRC:-$STANDIN})
for l in tini-static tini dumb-init catatonit; do SHOW[$l]=${BIN[$l]}; done
PRESENT=()
for l in "${LABELS[@]}"; do [[ -n ${BIN[$l]} ]] && PRESENT+=("$l"); done
[[ -n ${BIN[$REF]} ]] || die "tini-static is the reference and must be installed"

# ---------------------------------------------------------------- helpers
# value of KEY for LABEL in a driver output file ("LABEL k=v k=v ...")
get() { awk -v l="$2" -v k="$3" '$1 == l { for (i = 2; i <= NF; i++) { n = index($i, "="); if (substr($i, 1, n - 1) == k) { print substr($i, n + 1); exit } } }' "$1"; }
isnum() { [[ ${1:-} =~ ^-?[0-9]+([.][0-9]+)?$ ]]; }
us() { isnum "${1:-}" && awk -v v="$1" 'BEGIN { printf "%.1f µs", v / 1000 }' || echo "—"; }
ms() { isnum "${1:-}" && awk -v v="$1" 'BEGIN { printf "%.2f ms", v / 1e6 }' || echo "—"; }
kb() { isnum "${1:-}" && awk -v v="$1" 'BEGIN { printf "%.1f KB", v / 1024 }' || echo "—"; }
# ratio A B -> "0.423x"
ratio() { isnum "${1:-}" && isnum "${2:-}" && awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) { print "—"; exit } r = a / b; printf (r < 10 ? "%.3fx" : "%.1fx"), r }' || echo "—"; }
# check VALUE OP LIMIT -> yes/no ("—" if VALUE is not a number)
check() { isnum "${1:-}" && awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN { ok = (op == "<=") ? v <= l : (op == "==") ? v == l : 0; print ok ? "yes" : "**no**" }' || echo "—"; }
rawratio() { isnum "${1:-}" && isnum "${2:-}" && awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) { print "x"; exit } printf "%.4f", a / b }' || echo "x"; }

section() { printf '\n## %s\n\n' "$1" >>"$SECTIONS"; }
para() { printf '%s\n\n' "$*" >>"$SECTIONS"; }
row() { local s; s=$(printf ' %s |' "$@"); echo "|$s" >>"$SECTIONS"; }
# summary ROW: metric | tend | tini-static | ratio | target | met
summary() { local s; s=$(printf ' %s |' "$@"); echo "|$s" >>"$SUMMARY"; }
tgt() { [[ $1 == tend ]] && echo "$2" || echo "—"; }
run_drv() { "$DRV" "$@" 2>>"$LOG"; }
cmds() { # cmds SUFFIX... -> ":: label bin -- SUFFIX..." for every present init
    local l
    for l in "${PRESENT[@]}"; do printf '%s\0' :: "$l" "${BIN[$l]}" -- "$@"; done
}
want() { [[ ,$ONLY, == *,$1,* ]]; }
progress() { note "[$(($(date +%s) - T0))s] $*"; }

# ================================================================ metrics
# Each metric is one function: it measures, appends a Markdown section to $SECTIONS and a line
# to $SUMMARY.  To add a metric, write metric_NAME and add NAME to ONLY's default.

metric_size() {
    progress "size and linkage"
    section "Size and linkage"
    para "Stripped size is the size of \`strip -o\` of the binary (equal to the file size when it is already stripped). Dynamic binaries also need the shared libc, which is not counted."
    row "init" "path" "file size" "stripped size" "linkage (file)" "ratio to tini-static (stripped)" "target" "met"
    row "---" "---" "---:" "---:" "---" "---:" "---" "---"
    local l ref s d
    ref=$(stripped_size "${BIN[$REF]}")
    for l in "${PRESENT[@]}"; do
        s=$(stripped_size "${BIN[$l]}")
        d=$(stat -c %s "${BIN[$l]}")
        row "$l" "\`${SHOW[$l]}\`" "$d B" "$s B ($(kb "$s"))" "$(linkage "${BIN[$l]}")" "$(ratio "$s" "$ref")" \
            "$(tgt "$l" "≤ 56 KiB")" "$(tgt "$l" "$(check "$s" "<=" 57344)")"
        [[ $l == tend ]] && SIZE_TEND=$s
    done
    summary "static stripped size" "$(kb "${SIZE_TEND:-}")" "$(kb "$ref")" "$(ratio "${SIZE_TEND:-}" "$ref")" "≤ 56 KiB" "$(check "${SIZE_TEND:-}" "<=" 57344)"
}

metric_startup() {
    progress "startup overhead as PID 1 ($STARTUP_RUNS runs per init, interleaved)"
    local f=$WORK/startup.txt l args=()
    mapfile -d '' args < <(cmds /bin/true)
    run_drv startup runs="$STARTUP_RUNS" min_runs=$(( QUICK ? 150 : 300 )) max_secs="$STARTUP_SECS" warmup=20 :: none /bin/true "${args[@]}" >"$f"
    local base_med base_min
    base_med=$(get "$f" none median_ns)
    base_min=$(get "$f" none min_ns)
    section "Startup overhead as PID 1"
    para "Wall time of \`INIT -- /bin/true\` started by the C driver with clone(CLONE_NEWPID) + execve, so the init is PID 1 of a fresh PID namespace (no mount namespace, /proc not remounted — identical for every column), until waitpid returns; minus the same for \`/bin/true\` alone as PID 1 (\"none\": median $(us "$base_med"), min $(us "$base_min")). $(get "$f" none n) runs per column (asked: $STARTUP_RUNS, at most ${STARTUP_SECS} s once $(( QUICK ? 150 : 300 )) are done) after 20 warm-up rounds, interleaved round-robin with the order rotated each round."
    row "init" "median wall" "min wall" "p90 wall" "overhead (median − none)" "overhead (min − none)" "ratio to tini-static (median overhead)" "target" "met" "failed runs"
    row "---" "---:" "---:" "---:" "---:" "---:" "---:" "---" "---" "---:"
    local ref_o o om r
    ref_o=$(( $(get "$f" $REF median_ns) - base_med ))
    for l in "${PRESENT[@]}"; do
        o=$(( $(get "$f" "$l" median_ns) - base_med ))
        om=$(( $(get "$f" "$l" min_ns) - base_min ))
        r=$(rawratio "$o" "$ref_o")
        row "$l" "$(us "$(get "$f" "$l" median_ns)")" "$(us "$(get "$f" "$l" min_ns)")" "$(us "$(get "$f" "$l" p90_ns)")" \
            "$(us "$o")" "$(us "$om")" "$(ratio "$o" "$ref_o")" "$(tgt "$l" "≤ 0.45x")" "$(tgt "$l" "$(check "$r" "<=" 0.45)")" "$(get "$f" "$l" fails)"
        [[ $l == tend ]] && { STARTUP_TEND=$o; STARTUP_R=$r; }
    done
    summary "startup overhead as PID 1, median" "$(us "$STARTUP_TEND")" "$(us "$ref_o")" "$(ratio "$STARTUP_TEND" "$ref_o")" "≤ 0.45x" "$(check "$STARTUP_R" "<=" 0.45)"
}

metric_callgrind() {
    progress "callgrind instructions"
    section "Instructions for \`INIT -- /bin/true\` (callgrind)"
    para "\`valgrind --tool=callgrind --trace-children=no\` run as PID 1 of a fresh PID namespace by the driver (fixed environment \`PATH\` only, init copied to a fixed-length path, cwd /). Counts the init process only: its startup, fork, wait and exit — not /bin/true. 5 runs for tend, 3 for the others; the count is the minimum (it can differ between runs, e.g. when /bin/true has already exited by the time the init first waits, so the maximum is shown too). Dynamic binaries include the dynamic loader's work."
    row "init" "instructions (Ir, min)" "max" "exit code" "ratio to tini-static" "target" "met"
    row "---" "---:" "---:" "---:" "---:" "---" "---"
    local l n mx rc ref
    declare -A IR
    for l in "${PRESENT[@]}"; do
        read -r n mx rc < <(callgrind_instructions "${BIN[$l]}" "$( [[ $l == tend ]] && echo 5 || echo 3)")
        IR[$l]="$n $mx $rc"
    done
    ref=${IR[$REF]%% *}
    for l in "${PRESENT[@]}"; do
        read -r n mx rc <<<"${IR[$l]}"
        row "$l" "$n" "$mx" "$rc" "$(ratio "$n" "$ref")" "$(tgt "$l" "≤ 0.25x")" "$(tgt "$l" "$(check "$(rawratio "$n" "$ref")" "<=" 0.25)")"
    done
    n=${IR[tend]%% *}
    summary "callgrind instructions, -- /bin/true" "$n" "$ref" "$(ratio "$n" "$ref")" "≤ 0.25x" "$(check "$(rawratio "$n" "$ref")" "<=" 0.25)"
}

metric_signal() {
    progress "signal forwarding latency ($SIGNALS signals per init)"
    local f=$WORK/signal.txt l args=()
    mapfile -d '' args < <(cmds "$APP" sig '{FIFO}')
    run_drv signal n="$SIGNALS" gap_us=1000 dir="$WORK" "${args[@]}" >"$f"
    section "Signal forwarding latency"
    para "All inits run at once, each as PID 1 of its own PID namespace with the app \`benchapp sig\`, whose SIGUSR1 handler reads CLOCK_MONOTONIC first thing and writes it to a FIFO. The driver reads CLOCK_MONOTONIC, sends \`kill(init, SIGUSR1)\` from the parent namespace and waits for the reply; the inits are served round-robin, $SIGNALS signals each, 1 ms apart."
    row "init" "median" "p99" "min" "lost" "ratio to tini-static (median)" "target" "met"
    row "---" "---:" "---:" "---:" "---:" "---:" "---" "---"
    local ref m
    ref=$(get "$f" $REF median_ns)
    for l in "${PRESENT[@]}"; do
        m=$(get "$f" "$l" median_ns)
        row "$l" "$(us "$m")" "$(us "$(get "$f" "$l" p99_ns)")" "$(us "$(get "$f" "$l" min_ns)")" "$(get "$f" "$l" lost)" \
            "$(ratio "$m" "$ref")" "$(tgt "$l" "≤ 1.0x")" "$(tgt "$l" "$(check "$(rawratio "$m" "$ref")" "<=" 1.0)")"
    done
    m=$(get "$f" tend median_ns)
    summary "signal forwarding latency, median" "$(us "$m")" "$(us "$ref")" "$(ratio "$m" "$ref")" "≤ 1.0x" "$(check "$(rawratio "$m" "$ref")" "<=" 1.0)"
}

metric_reap() {
    progress "reaping ($ORPHANS orphans x $REAP_REPS runs per init)"
    local f=$WORK/reap.txt l args=()
    mapfile -d '' args < <(cmds "$APP" orphans '{N}' '{FIFO}')
    run_drv reap n="$ORPHANS" reps="$REAP_REPS" min_reps=$(( REAP_REPS < 2 ? REAP_REPS : 2 )) max_secs="$REAP_SECS" dir="$WORK" "${args[@]}" >"$f"
    section "Reaping"
    para "The app \`benchapp orphans N\` creates N double-forked orphans (an intermediate child creates the orphan-to-be and exits at once, so the orphan is reparented to the init, which must reap it), reports \"done\" and pauses. The driver then waits (≤ 2 s) until the init has no zombie children left and counts those still there, kills the app, waits for the init to exit *without reaping it* (waitid WNOWAIT) and reads the init's own CPU clock (clock_getcpuclockid: user+system of the init process only, not its children). CPU per orphan = (median CPU with N=$ORPHANS − median CPU with N=0) / N, over $(get "$f" $REF reps) run(s) per init (asked: $REAP_REPS, at most ${REAP_SECS} s once 2 are done), interleaved."
    row "init" "CPU per reaped orphan (median)" "CPU per orphan (min)" "init CPU, N=0 (median)" "init CPU, N=$ORPHANS (median)" "zombies left (max)" "ratio to tini-static (median)" "target" "met"
    row "---" "---:" "---:" "---:" "---:" "---:" "---:" "---" "---"
    local ref m z
    ref=$(get "$f" $REF per_orphan_median_ns)
    for l in "${PRESENT[@]}"; do
        m=$(get "$f" "$l" per_orphan_median_ns)
        z=$(get "$f" "$l" zombies_left_max)
        [[ $(get "$f" "$l" fails) == 0 ]] || m=failed
        row "$l" "$(us "$m")" "$(us "$(get "$f" "$l" per_orphan_min_ns)")" "$(ms "$(get "$f" "$l" cpu0_median_ns)")" "$(ms "$(get "$f" "$l" cpuN_median_ns)")" "$z" \
            "$(ratio "$m" "$ref")" "$(tgt "$l" "≤ 0.9x, 0 zombies")" "$(tgt "$l" "$(check "$(rawratio "$m" "$ref")" "<=" 0.9) / $(check "$z" "==" 0)")"
    done
    m=$(get "$f" tend per_orphan_median_ns)
    z=$(get "$f" tend zombies_left_max)
    summary "init CPU per reaped orphan" "$(us "$m")" "$(us "$ref")" "$(ratio "$m" "$ref")" "≤ 0.9x" "$(check "$(rawratio "$m" "$ref")" "<=" 0.9)"
    summary "zombies left after $ORPHANS orphans" "$z" "$(get "$f" $REF zombies_left_max)" "—" "0" "$(check "$z" "==" 0)"
}

# idle and memory share one measurement (all inits at once, so the window is spent once)
IDLE_DONE=0
measure_idle() {
    ((IDLE_DONE)) && return 0
    progress "idle window of ${IDLE_SECS}s (all inits at once)"
    local args=()
    mapfile -d '' args < <(cmds /bin/sleep 1000)
    run_drv idle secs="$IDLE_SECS" settle_ms=500 comm=sleep "${args[@]}" \
        :: tend+health "${BIN[tend]}" --health 'tcp://127.0.0.1:{PORT}' --health-interval 1s -- /bin/sleep 1000 >"$WORK/idle.txt"
    IDLE_DONE=1
}

metric_idle() {
    measure_idle
    local f=$WORK/idle.txt l w c hw hc probes
    section "Idle: wake-ups and CPU in ${IDLE_SECS} s"
    probes=$(sed -n 's/^# health_accepts_in_window=//p' "$f")
    para "Each init runs \`-- /bin/sleep 1000\` as PID 1 of its own PID namespace; all run at the same time. After the app is asleep and 0.5 s more, the driver reads voluntary + nonvoluntary context switches (/proc/PID/status) and the init's CPU clock, waits ${IDLE_SECS} s, and reads them again. \"Health every 1 s\" is \`tend --health tcp://127.0.0.1:PORT --health-interval 1s -- /bin/sleep 1000\` against a listener in the driver (tend only; \"n/a\" if tend rejects the option; the listener accepted ${probes:-0} connections in the window)."
    row "init" "wake-ups (ctx switches), health off" "CPU, health off" "wake-ups, health every 1 s" "CPU, health every 1 s" "target" "met"
    row "---" "---:" "---:" "---:" "---:" "---" "---"
    for l in "${PRESENT[@]}"; do
        if [[ $(get "$f" "$l" alive) == 1 ]]; then w=$(get "$f" "$l" ctxsw); c=$(us "$(get "$f" "$l" cpu_ns)"); else w="died"; c="—"; fi
        hw="—" hc="—"
        if [[ $l == tend ]]; then
            if [[ $(get "$f" tend+health alive) == 1 ]]; then hw=$(get "$f" tend+health ctxsw); hc=$(us "$(get "$f" tend+health cpu_ns)"); else hw="n/a"; hc="n/a"; fi
            IDLE_W=$w IDLE_HW=$hw
        fi
        row "$l" "$w" "$c" "$hw" "$hc" "$(tgt "$l" "0 / ≤ 12")" "$(tgt "$l" "$(check "$w" "==" 0) / $(check "$hw" "<=" 12)")"
    done
    summary "idle wake-ups in ${IDLE_SECS} s, health off" "$IDLE_W" "$(get "$f" $REF ctxsw)" "—" "0" "$(check "$IDLE_W" "==" 0)"
    summary "idle wake-ups in ${IDLE_SECS} s, health every 1 s" "$IDLE_HW" "—" "—" "≤ 12" "$(check "$IDLE_HW" "<=" 12)"
}

metric_memory() {
    measure_idle
    local f=$WORK/idle.txt l ref r
    section "Memory of the idle init"
    para "VmRSS from /proc/PID/status and Pss from /proc/PID/smaps_rollup of each idle init (same run as the idle window, read at its end). Pss of dynamic binaries shares libc pages with other processes."
    row "init" "VmRSS" "Pss" "ratio to tini-static (VmRSS)" "target" "met"
    row "---" "---:" "---:" "---:" "---" "---"
    ref=$(get "$f" $REF rss_kb)
    for l in "${PRESENT[@]}"; do
        r=$(get "$f" "$l" rss_kb)
        row "$l" "${r:-—} kB" "$(get "$f" "$l" pss_kb) kB" "$(ratio "$r" "$ref")" "$(tgt "$l" "≤ 0.1x")" "$(tgt "$l" "$(check "$(rawratio "$r" "$ref")" "<=" 0.1)")"
    done
    r=$(get "$f" tend rss_kb)
    summary "VmRSS idle" "${r:-—} kB" "$ref kB" "$(ratio "$r" "$ref")" "≤ 0.1x" "$(check "$(rawratio "$r" "$ref")" "<=" 0.1)"
}

metric_shutdown() {
    progress "SIGTERM -> exit ($SHUTDOWN_REPS runs per init)"
    local f=$WORK/shutdown.txt l args=() ref m
    mapfile -d '' args < <(cmds /bin/sleep 1000)
    run_drv shutdown reps="$SHUTDOWN_REPS" min_runs=$(( SHUTDOWN_REPS < 30 ? SHUTDOWN_REPS : 30 )) max_secs="$SHUTDOWN_SECS" comm=sleep "${args[@]}" >"$f"
    section "Shutdown: SIGTERM → exit"
    para "The init runs \`-- /bin/sleep 1000\` as PID 1 of a fresh PID namespace; once sleep is asleep, the driver sends SIGTERM to the init and measures until waitpid returns (sleep dies of the forwarded SIGTERM; the kernel lets PID 1 be reaped only when nothing else is left in its namespace). $(get "$f" $REF n) runs per init (asked: $SHUTDOWN_REPS, at most ${SHUTDOWN_SECS} s once 30 are done), interleaved."
    row "init" "median" "min" "p99" "exit code" "failed runs" "ratio to tini-static (median)" "target" "met"
    row "---" "---:" "---:" "---:" "---:" "---:" "---:" "---" "---"
    ref=$(get "$f" $REF median_ns)
    for l in "${PRESENT[@]}"; do
        m=$(get "$f" "$l" median_ns)
        row "$l" "$(us "$m")" "$(us "$(get "$f" "$l" min_ns)")" "$(us "$(get "$f" "$l" p99_ns)")" "$(get "$f" "$l" exit)" "$(get "$f" "$l" fails)" \
            "$(ratio "$m" "$ref")" "$(tgt "$l" "≤ 1.0x")" "$(tgt "$l" "$(check "$(rawratio "$m" "$ref")" "<=" 1.0)")"
    done
    m=$(get "$f" tend median_ns)
    summary "SIGTERM → exit, nothing left" "$(us "$m")" "$(us "$ref")" "$(ratio "$m" "$ref")" "≤ 1.0x" "$(check "$(rawratio "$m" "$ref")" "<=" 1.0)"
}

metric_flood() {
    progress "signal forwarding under a status-socket flood (tend only, $SIGNALS signals per phase)"
    local f=$WORK/flood.txt ph m
    "$FLOOD" "${BIN[tend]}" 64 "$SIGNALS" >"$f" 2>>"$LOG" || true
    section "Signal forwarding and reaping under a flood of \`tend status\` clients"
    para "tend only: \`tend --health tcp://127.0.0.1:1 --health-interval 1s -- flood app FIFO\` as PID 1 of a fresh PID namespace (the probe only makes the status socket exist). 64 processes connect to its status socket, read the answer and reconnect as fast as they can. The driver \`bench/.build/flood\` sends SIGUSR1 to tend, $SIGNALS per phase, 1 ms apart, in blocks of 50 that alternate between the flood stopped (SIGSTOP to the 64 clients) and running, so both phases see the same machine; latency is from kill() to the app's handler. After each signal the app makes one orphan for tend to reap; before the next signal the driver counts tend's zombie children, and when it finds one, counts again 10 ms later: a zombie still there waited."
    row "phase" "median" "p99" "max" "lost" "samples with a zombie" "zombie still there 10 ms later" "status answers/s" "target" "met"
    row "---" "---:" "---:" "---:" "---:" "---:" "---:" "---:" "---" "---"
    for ph in noflood flood; do
        m=$(get "$f" $ph p99_ns)
        row "$([[ $ph == flood ]] && echo "64 clients flooding" || echo "no flood")" "$(us "$(get "$f" $ph median_ns)")" "$(us "$m")" "$(us "$(get "$f" $ph max_ns)")" \
            "$(get "$f" $ph lost)" "$(get "$f" $ph zombie_samples)" "$(get "$f" $ph zombie_waits)" "$(get "$f" $ph answers_per_s)" \
            "p99 ≤ 10 ms, 0 waiting" "$(check "$m" "<=" 10000000) / $(check "$(get "$f" $ph zombie_waits)" "==" 0)"
    done
    m=$(get "$f" flood p99_ns)
    summary "signal forwarding p99, 64-client status flood" "$(us "$m")" "—" "—" "≤ 10 ms" "$(check "$m" "<=" 10000000)"
    summary "zombies waiting 10 ms, status flood" "$(get "$f" flood zombie_waits)" "—" "—" "0" "$(check "$(get "$f" flood zombie_waits)" "==" 0)"
}

metric_drain() {
    progress "subreaper drain with 0 and $DRAIN_HOST unrelated host processes ($DRAIN_REPS runs each)"
    local f=$WORK/drain.txt g h m0 m r t met rt=()
    # A few seconds at SCHED_FIFO (as --rt does for the whole run): sub-millisecond drains
    # are otherwise timed by whatever else the machine runs.
    ((RT)) || ! command -v chrt >/dev/null || rt=(chrt -f 10)
    "${rt[@]}" "$DRAIN" run "$DRAIN_HOST" "$DRAIN_REPS" :: tend "${BIN[tend]}" >"$f" 2>>"$LOG"
    section "Subreaper drain: one leftover daemon, with unrelated processes on the host"
    para "tend runs *not* as PID 1 (a child subreaper in the driver's own PID namespace, so /proc shows it every process of the host) with an app that leaves one daemon (fork, setsid, fork; it dies of SIGTERM at once), writes CLOCK_MONOTONIC and exits. Drain time is from that moment to tend's exit (waitid WNOWAIT): reaping the app, finding and TERMing the daemon, reaping it. First with no extra processes, then with $DRAIN_HOST unrelated sleeping processes (children of one holder process, not of tend; all KILLed and reaped afterwards). $DRAIN_REPS runs each, at SCHED_FIFO 10 (chrt) so that other work on the machine does not time them; tend CPU is its whole run (start, exec, drain). tend only: tini -s, dumb-init and catatonit do not signal a subreaper's leftover descendants at all (they exit and leave the daemon running), so there is nothing of theirs to time."
    row "init" "host processes" "median" "min" "p90" "max" "tend CPU (median)" "ratio to 0 host processes (median)" "target" "met" "failed runs"
    row "---" "---:" "---:" "---:" "---:" "---:" "---:" "---:" "---" "---" "---:"
    grep ' host=0 ' "$f" >"$f.0" || true
    grep -v ' host=0 ' "$f" >"$f.N" || true
    m0=$(get "$f.0" tend median_ns)
    for h in 0 "$DRAIN_HOST"; do
        g=$f.0
        [[ $h == 0 ]] || g=$f.N
        m=$(get "$g" tend median_ns)
        r=$(rawratio "$m" "$m0")
        t="≤ 1.5x" met=$(check "$r" "<=" 1.5)
        [[ $h == 0 ]] && t="—" met="—"
        row tend "$h" "$(ms "$m")" "$(ms "$(get "$g" tend min_ns)")" "$(ms "$(get "$g" tend p90_ns)")" "$(ms "$(get "$g" tend max_ns)")" \
            "$(ms "$(get "$g" tend cpu_median_ns)")" "$(ratio "$m" "$m0")" "$t" "$met" "$(get "$g" tend fails)"
    done
    summary "subreaper drain, $DRAIN_HOST host processes vs none (median)" "$(ms "$m") vs $(ms "$m0")" "—" "$(ratio "$m" "$m0")" "≤ 1.5x" "$(check "$r" "<=" 1.5)"
}

# ================================================================ run
IFS=, read -r -a METRICS <<<"$ONLY"
for m in "${METRICS[@]}"; do
    declare -F "metric_$m" >/dev/null || die "unknown metric '$m'"
    "metric_$m"
done
ELAPSED=$(($(date +%s) - T0))
LOAD1=$(cut -d" " -f1-3 /proc/loadavg)
progress "done"

perf_state() {
    command -v perf >/dev/null || { echo "not installed"; return; }
    if perf stat -x, -e instructions:u true 2>&1 >/dev/null | grep -q '^[0-9]'; then echo "hardware counters available (not used)"
    else echo "hardware counters not supported here, so instruction counts come from callgrind"; fi
}

# " (Debian PACKAGE VERSION)" for a file installed by dpkg, else nothing
pkg_of() {
    local p
    p=$(dpkg -S "$1" 2>/dev/null | head -n1 | cut -d: -f1) || return 0
    [[ -n $p ]] || return 0
    # shellcheck disable=SC2016  # dpkg-query's own ${field} syntax
    dpkg-query -W -f=' (Debian ${Package} ${Version})' "$p" 2>/dev/null || true
}

report() {
    echo "# tend benchmark results"
    echo
    echo "Generated by \`$CMDLINE\` — do not edit by hand; a hand-written section is appended from \`bench/notes.md\`."
    echo
    echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
    echo "- kernel: $(uname -sr); load average at start $LOAD0, at end $LOAD1 (other work on the machine adds noise to the timings, not to sizes or instruction counts)"
    echo "- priority: $PRIO"
    echo "- run time: ${ELAPSED} s ($( ((QUICK)) && echo quick || echo full): startup $STARTUP_RUNS runs, $SIGNALS signals, $ORPHANS orphans × $REAP_REPS, idle ${IDLE_SECS} s, shutdown $SHUTDOWN_REPS runs per init, drain $DRAIN_REPS runs × 2)"
    echo "- valgrind: $(valgrind --version 2>/dev/null || echo none); perf: $(perf_state)"
    if [[ -n $STANDIN ]]; then
        echo "- **tend column: STAND-IN — no binary at \`$TEND\`, so \`$STANDIN\` was measured in its place**"
    else
        echo "- tend: \`$TEND_SRC\` ($(stat -c %s "${BIN[tend]}") bytes, sha256 $(sha256sum "${BIN[tend]}" | cut -c1-12), copied at the start of the run)"
    fi
    local l
    for l in tini-static tini dumb-init catatonit; do
        [[ -n ${BIN[$l]} ]] || continue
        printf -- "- %s: \`%s\`%s\n" "$l" "${BIN[$l]}" "$(pkg_of "${BIN[$l]}")"
    done
    echo
    echo "Ratios are *init / tini-static* (lower is better). Every init runs as PID 1 of a fresh PID namespace created by \`bench/.build/benchdrv\` (clone(CLONE_NEWPID) + execve, no \`--mount-proc\`), the same way for every column."
    echo
    echo "## Summary: tend against its targets"
    echo
    echo "| metric | tend | tini-static | ratio | target for tend | met |"
    echo "| --- | ---: | ---: | ---: | --- | --- |"
    cat "$SUMMARY"
    cat "$SECTIONS"
    echo
    if [[ -s $BENCH_DIR/notes.md ]]; then
        # shellcheck disable=SC1003  # sed: append a final newline if missing
        sed -e '$a\' "$BENCH_DIR/notes.md"
    else
        echo "## How tend gets there"
        echo
        echo "_To be written by hand in \`bench/notes.md\`; run.sh appends that file here._"
    fi
}

if [[ -n $OUT ]]; then
    report | tee "$OUT"
else
    report
fi
