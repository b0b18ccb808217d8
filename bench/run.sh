#!/usr/bin/env bash
# The exam-day benchmark of examgate, and its soak, as one command. See bench/README.md.
#
#   bench/run.sh [exam-day|soak] [--no-build] [--quick] [--<load-client option> <value> ...]
#
# Builds examgate, starts it on a free port of 127.0.0.1 (embedded PostgreSQL in a fresh temporary
# directory, or SPRING_DATASOURCE_URL when set), seeds it, runs the load client, prints each number
# against its budget and then key=value lines, and stops everything it started. It reports, it does
# not judge: the exit status is 0 whatever the budgets say (non-zero only if the bench could not run).
# The soak runs a steady mix for SOAK_SECONDS (600) and reports the server's memory before and after.
set -uo pipefail

usage() {
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
    cat <<'EOF'

Options:
  --no-build        use the existing target/examgate.jar
  --quick           small numbers for trying the bench out (not for budgets); the soak: 60 s
  --xmx SIZE        the server's -Xmx (default: jvm.options's)
  --jfr             record the server with Java Flight Recorder (profile settings) into server.jfr
  --jvm OPTION      one more option for the server's JVM (repeatable), e.g. --jvm -XX:+UseSerialGC
  --<name> <value>  passed to bench/LoadClient.java, e.g. --students 4000 --burst 3000
                    --verify-seconds 30 --notify-seconds 15 (see bench/README.md)
Environment:
  SPRING_DATASOURCE_URL/_USERNAME/_PASSWORD   run against an external PostgreSQL
  BENCH_MAVEN_ARGS                            extra arguments for ./mvnw (e.g. -o)
  BENCH_OUT_DIR                               where logs and artifacts are kept
                                              (default bench/out/<date-time>)
  SOAK_SECONDS                                length of the soak (default 600; --soak-seconds too)
EOF
}

SCENARIO=exam-day
BUILD=1
QUICK=0
XMX=""
JFR=0
EXTRA_JVM=()
CLIENT_ARGS=()
while [ $# -gt 0 ]; do
    case "$1" in
        exam-day|soak) SCENARIO="$1"; shift ;;
        --no-build) BUILD=0; shift ;;
        --quick) QUICK=1; shift ;;
        --xmx) XMX="$2"; shift 2 ;;
        --jfr) JFR=1; shift ;;
        --jvm) EXTRA_JVM+=("$2"); shift 2 ;;
        -h|--help) usage; exit 0 ;;
        --*)
            if [ $# -lt 2 ]; then echo "run.sh: $1 needs a value" >&2; exit 64; fi
            CLIENT_ARGS+=("$1" "$2"); shift 2 ;;
        *) echo "run.sh: unknown scenario '$1' (known: exam-day, soak)" >&2; exit 64 ;;
    esac
done
# The scenario's own settings first, so that options given on the command line win.
if [ "$SCENARIO" = soak ]; then
    SOAK_SECONDS="${SOAK_SECONDS:-$([ "$QUICK" = 1 ] && echo 60 || echo 600)}"
    SCENARIO_ARGS=(--scenario soak --soak-seconds "$SOAK_SECONDS")
    if [ "$QUICK" = 1 ]; then
        SCENARIO_ARGS+=(--soak-students 500 --code-students 100 --soak-warmup-seconds 10 --soak-sample-seconds 20)
    fi
elif [ "$QUICK" = 1 ]; then
    SCENARIO_ARGS=(--students 500 --burst 300 --code-students 100 --hash-seconds 3 --verify-seconds 5
        --recheck 200 --recheck-seconds 2 --code-seconds 3 --notify-seconds 3 --warmup-students 50 --warmup-seconds 6)
else
    SCENARIO_ARGS=()
fi
CLIENT_ARGS=("${SCENARIO_ARGS[@]}" "${CLIENT_ARGS[@]}")

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT" || exit 1
# Thousands of connections at once during the burst, on both sides.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || ulimit -n 16384 2>/dev/null || true

WORK="$(mktemp -d "${TMPDIR:-/tmp}/examgate-bench.XXXXXX")"
OUT_DIR="${BENCH_OUT_DIR:-$ROOT/bench/out/$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$OUT_DIR"
SERVER_PID=""
SAMPLER_PID=""

say() { printf '[run %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

# Only the embedded PostgreSQL of this run: its postmaster names this run's data directory.
stop_leftover_postgres() {
    local pids=() p
    for p in /proc/[0-9]*; do
        if tr '\0' ' ' 2>/dev/null < "$p/cmdline" | grep -qF -- "$WORK/db"; then
            pids+=("${p#/proc/}")
        fi
    done
    [ ${#pids[@]} -eq 0 ] && return 0
    say "stopping leftover embedded PostgreSQL: ${pids[*]}"
    kill -INT "${pids[@]}" 2>/dev/null
    for _ in $(seq 1 50); do
        local alive=0
        for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
        [ $alive -eq 0 ] && return 0
        sleep 0.1
    done
    kill -KILL "${pids[@]}" 2>/dev/null
}

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [ -n "$SAMPLER_PID" ]; then
        kill "$SAMPLER_PID" 2>/dev/null
        wait "$SAMPLER_PID" 2>/dev/null
    fi
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        say "stopping examgate (pid $SERVER_PID)"
        kill -TERM "$SERVER_PID" 2>/dev/null
        for _ in $(seq 1 400); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$SERVER_PID" 2>/dev/null
        wait "$SERVER_PID" 2>/dev/null
    fi
    stop_leftover_postgres
    cp "$WORK"/*.log "$WORK"/*.txt "$WORK"/*.csv "$WORK"/*.jfr "$OUT_DIR"/ 2>/dev/null
    rm -rf "$WORK"
    exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- 1. build and start ------------------------------------------------------------------------
if [ "$BUILD" = 1 ]; then
    say "building examgate (log: $OUT_DIR/build.log)"
    # shellcheck disable=SC2086
    if ! ./mvnw -q -B ${BENCH_MAVEN_ARGS:-} -DskipTests package > "$WORK/build.log" 2>&1; then
        tail -30 "$WORK/build.log"
        echo "run.sh: the build failed" >&2
        exit 1
    fi
fi
JAR="$ROOT/target/examgate.jar"
[ -f "$JAR" ] || { echo "run.sh: $JAR is missing (drop --no-build)" >&2; exit 1; }

free_port() {
    local port
    for _ in $(seq 1 100); do
        port=$(( 20000 + RANDOM % 40000 ))
        if [ -z "$(ss -Htln "sport = :$port" 2>/dev/null)" ]; then echo "$port"; return 0; fi
    done
    return 1
}
PORT="$(free_port)" || { echo "run.sh: no free port" >&2; exit 1; }
BASE="http://127.0.0.1:$PORT"

CLIENT_ID="bench-client"
CLIENT_SECRET="bench-webhook-secret-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
ADMIN_USER="bench-admin"
ADMIN_PASSWORD="bench-admin-password-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"

SERVER_ENV=(
    SERVER_PORT="$PORT"
    SERVER_ADDRESS=127.0.0.1
    EXAMGATE_WEBHOOK_CLIENT_ID="$CLIENT_ID"
    EXAMGATE_WEBHOOK_CLIENT_SECRET="$CLIENT_SECRET"
    EXAMGATE_ADMIN_USERNAME="$ADMIN_USER"
    EXAMGATE_ADMIN_PASSWORD="$ADMIN_PASSWORD"
    EXAMGATE_PUBLIC_BASE_URL="$BASE"
    EXAMGATE_JOURNAL_DIR="$WORK/journal"
    LOGGING_LEVEL_ORG_EXAMGATE_VERIFICATION=WARN
)
DB_ARGS=()
if [ -n "${SPRING_DATASOURCE_URL:-}" ]; then
    DB_DESC="external PostgreSQL (SPRING_DATASOURCE_URL)"
else
    DB_ARGS=(--db-dir "$WORK/db")
    DB_DESC="embedded PostgreSQL in a fresh directory"
    SERVER_ENV+=(EXAMGATE_EMBEDDED_DB_DIR="$WORK/db")
fi

# The JVM options examgate ships with (jvm.options), then this run's own.
JVM_ARGS=("@$ROOT/jvm.options")
[ -n "$XMX" ] && JVM_ARGS+=(-Xmx"$XMX")
JVM_ARGS+=("${EXTRA_JVM[@]}")
XMX_IN_USE="${XMX:-$(sed -n 's/^-Xmx//p' "$ROOT/jvm.options" | tail -1)}"
say "starting examgate on $BASE with jvm.options ${XMX:+and -Xmx$XMX }, $DB_DESC (log: $OUT_DIR/server.log)"
LAUNCHED_NS=$(date +%s%N)
if [ "$JFR" = 1 ]; then
    JVM_ARGS+=(-XX:StartFlightRecording=settings=profile,filename="$WORK/server.jfr",dumponexit=true)
fi
env "${SERVER_ENV[@]}" java "${JVM_ARGS[@]}" -jar "$JAR" > "$WORK/server.log" 2>&1 &
SERVER_PID=$!

READY_S=""
for _ in $(seq 1 1200); do   # at most 120 s
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        tail -40 "$WORK/server.log"
        echo "run.sh: examgate exited during start-up" >&2
        exit 1
    fi
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$BASE/actuator/health" 2>/dev/null)
    if [ "$code" = 200 ]; then
        READY_S=$(awk -v a="$LAUNCHED_NS" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
        break
    fi
    sleep 0.1
done
[ -n "$READY_S" ] || { tail -40 "$WORK/server.log"; echo "run.sh: examgate not ready after 120 s" >&2; exit 1; }
say "ready in $READY_S s"

# Peak resident memory of the server process: VmRSS every 200 ms while it runs (at most 2 hours
# beyond the soak).
(
    max=0
    for _ in $(seq 1 $(( (7200 + ${SOAK_SECONDS:-0}) * 5 ))); do
        rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$SERVER_PID/status" 2>/dev/null) || break
        [ -z "$rss" ] && break
        if [ "$rss" -gt "$max" ]; then max=$rss; echo "$max" > "$WORK/rss_max_kb"; fi
        echo "$(date +%H:%M:%S.%N | cut -c1-12) $rss" >> "$WORK/rss.log"
        sleep 0.2
    done
) &
SAMPLER_PID=$!

# ---- 2./3. seed and load, from a JVM of its own ------------------------------------------------
CP_DIR="$WORK/cp"
mkdir -p "$CP_DIR"
unzip -q -j -o "$JAR" 'BOOT-INF/lib/spring-security-crypto-*.jar' 'BOOT-INF/lib/commons-logging-*.jar' \
    -d "$CP_DIR" || { echo "run.sh: cannot extract the encoder from $JAR" >&2; exit 1; }
CLIENT_CP="$(ls "$CP_DIR"/*.jar | paste -sd: -)"

say "running the $SCENARIO scenario (client log: $OUT_DIR/client.log)"
java -Xmx1g -cp "$CLIENT_CP" "$ROOT/bench/LoadClient.java" \
    --base "$BASE" --client-id "$CLIENT_ID" --client-secret "$CLIENT_SECRET" \
    --admin-user "$ADMIN_USER" --admin-password "$ADMIN_PASSWORD" \
    --hash-threads "$(nproc)" --server-pid "$SERVER_PID" "${DB_ARGS[@]}" \
    --out "$WORK/results.txt" --artifacts "$WORK" "${CLIENT_ARGS[@]}" 2>&1 | tee "$WORK/client.log"
CLIENT_STATUS=${PIPESTATUS[0]}

RSS_KB=$(cat "$WORK/rss_max_kb" 2>/dev/null || echo 0)
HWM_KB=$(awk '/^VmHWM:/ { print $2 }' "/proc/$SERVER_PID/status" 2>/dev/null || echo 0)
{
    echo "rss_mb=$(( RSS_KB / 1024 ))"
    echo "rss_hwm_mb=$(( ${HWM_KB:-0} / 1024 ))"
    echo "ready_s=$READY_S"
    echo "server_xmx=$XMX_IN_USE"
    echo "cores=$(nproc)"
} >> "$WORK/results.txt"

# ---- 4. the report -----------------------------------------------------------------------------
echo
echo "== examgate $SCENARIO: each number against its budget (CONTRACT.md section 5) =="
awk -F= -v scenario="$SCENARIO" '
    { v[$1] = $2 }
    function check(label, key, op, limit, unit,    val, ok) {
        if (!(key in v)) { printf "  %-44s %12s  %-12s %s\n", label, "n/a", "", "MISSING"; return }
        val = v[key] + 0
        ok = (op == ">=" && val >= limit) || (op == ">" && val > limit) || (op == "<" && val < limit) ||
             (op == "<=" && val <= limit) || (op == "==" && val == limit)
        printf "  %-44s %12s  %-12s %s\n", label, v[key] unit, op " " limit unit, ok ? "PASS" : "FAIL"
    }
    function info(label, key, unit) {
        if (key in v) printf "  %-44s %12s\n", label, v[key] unit
    }
    function soak() {
        info("soak length", "soak_seconds", " s")
        info("requests (verify, recheck, code, notify, admin)", "soak_requests", "")
        check("  5xx", "soak_5xx", "==", 0, "")
        check("  connection errors / timeouts", "soak_errors", "==", 0, "")
        check("  unexpected answers", "soak_unexpected", "==", 0, "")
        info("heap after full GC, start", "heap_after_gc_start_mb", " MB")
        info("heap after full GC, end", "heap_after_gc_end_mb", " MB")
        info("  growth", "heap_growth_mb", " MB")
        info("  trend over the samples", "heap_trend_mb_per_hour", " MB/h")
        info("metaspace, start / end", "metaspace_start_mb", " MB")
        info("", "metaspace_end_mb", " MB")
        info("resident memory, start / end", "rss_start_mb", " MB")
        info("", "rss_end_mb", " MB")
        info("threads, start / end", "threads_start", "")
        info("", "threads_end", "")
        check("server peak resident memory", "rss_mb", "<", 512, " MiB")
        if ("bench_incomplete" in v) print "  THE SOAK STOPPED EARLY: see client.log"
        if ("soak_cpu_other_pct" in v)
            printf "  CPU share of the machine: server %s%%, db %s%%, client %s%%, other %s%%\n", v["soak_cpu_server_pct"], \
                v["soak_cpu_db_pct"], v["soak_cpu_client_pct"], v["soak_cpu_other_pct"]
    }
    END {
        if (scenario == "soak") { soak(); exit }
        info("raw hash rate (bcrypt-10, all cores)", "hash_rate", "/s")
        check("sustained verify rate / hash rate", "verify_ratio", ">=", 0.90, "")
        info("  the same, less the load client'"'"'s CPU share", "verify_ratio_ex_client", "")
        info("  sustained verify rate", "verify_rate", "/s")
        info("burst sent (within 1 s)", "burst_sent", "")
        info("  verified", "burst_ok", "")
        info("  busy", "burst_busy", "")
        check("  timeouts", "burst_timeouts", "==", 0, "")
        check("  5xx", "burst_5xx", "==", 0, "")
        check("  connection errors / unanswered / 4xx", "burst_errors", "==", 0, "")
        check("  unavailable (database not reached)", "burst_unavailable", "==", 0, "")
        check("  busy answer p99", "burst_busy_p99_ms", "<", 100, " ms")
        check("  goodput / hash rate", "burst_goodput_ratio", ">=", 0.90, "")
        info("  the same, less the load client'"'"'s CPU share", "burst_goodput_ratio_ex_client", "")
        info("  verified p99", "burst_ok_p99_ms", " ms")
        info("  slowest answer", "burst_max_ms", " ms")
        check("notification p99 during the burst", "notify_during_burst_p99_ms", "<", 50, " ms")
        check("  non-200 during the burst", "notify_during_burst_non200", "==", 0, "")
        check("recheck (remembered credential) p99", "recheck_p99_ms", "<", 10, " ms")
        info("  at a steady rate of", "recheck_rate_asked", "/s")
        info("  as fast as 16 connections go: rate", "recheck_saturated_rate", "/s")
        info("  ... and p99", "recheck_saturated_p99_ms", " ms")
        check("  password hashes spent on rechecks", "recheck_hashes", "==", 0, "")
        check("access-code verifications", "code_rate", ">", 2000, "/s")
        check("notifications", "notify_rate", ">", 1500, "/s")
        check("  notification p99", "notify_p99_ms", "<", 50, " ms")
        check("  non-200 notifications", "notify_non200", "==", 0, "")
        check("  wrong received/duplicate status", "notify_unexpected_status", "==", 0, "")
        check("server peak resident memory", "rss_mb", "<", 512, " MiB")
        check("ready after launch (fresh embedded db)", "ready_s", "<=", 15, " s")
        if ("bench_incomplete" in v) print "  THE BENCH STOPPED EARLY: see client.log"
        split("hash verify burst recheck code notify", phases, " ")
        if ("hash_cpu_other_pct" in v) {
            print "  CPU share of the machine by scenario:"
            printf "    %-8s %8s %10s %8s %8s %8s %8s\n", "", "server", "(hash pool)", "(jit)", "db", "client", "other"
            for (i = 1; i <= 6; i++) {
                p = phases[i]
                if ((p "_cpu_other_pct") in v)
                    printf "    %-8s %7s%% %9s%% %7s%% %7s%% %7s%% %7s%%\n", p, v[p "_cpu_server_pct"], \
                        ((p "_cpu_hashpool_pct") in v) ? v[p "_cpu_hashpool_pct"] : "-", \
                        ((p "_cpu_jit_pct") in v) ? v[p "_cpu_jit_pct"] : "-", \
                        ((p "_cpu_db_pct") in v) ? v[p "_cpu_db_pct"] : "-", v[p "_cpu_client_pct"], v[p "_cpu_other_pct"]
            }
            print "    (\"other\" is work that is not the bench: well above a few % makes the numbers noise)"
        }
    }' "$WORK/results.txt"
echo "  logs and artifacts: $OUT_DIR"
echo
cat "$WORK/results.txt"

if [ "$CLIENT_STATUS" -ne 0 ]; then
    echo "run.sh: the load client stopped early (status $CLIENT_STATUS)" >&2
    exit "$CLIENT_STATUS"
fi
exit 0
