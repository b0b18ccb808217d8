#!/usr/bin/env bash
# Measures the student CSV import: generates a CSV of ROWS students without passwords (100,000 by
# default), starts the built jar on loopback with a fresh embedded PostgreSQL in a temporary
# directory, uploads the file, polls the job until DONE and prints the elapsed seconds and rows per
# second; then imports the same file again and prints how many rows were unchanged. Stops the server
# and deletes the directory on exit, and gives up after TIMEOUT seconds per import.
#
#   ./mvnw -q -B package -DskipTests && bench/import.sh
#
# Settings (environment): ROWS (100000), PASSWORDS (0; 1 adds a plain password to every row, which
# measures bcrypt hashing instead: use a few thousand rows), PORT (18080), TIMEOUT (600),
# JAVA_OPTS (-Xmx512m).
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${ROWS:-100000}
PASSWORDS=${PASSWORDS:-0}
PORT=${PORT:-18080}
TIMEOUT=${TIMEOUT:-600}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
JAR=target/examgate.jar
BASE="http://127.0.0.1:$PORT"
ADMIN="bench:bench-admin-password-$RANDOM$RANDOM"

[[ -f $JAR ]] || { echo "No $JAR: build it first with ./mvnw -q -B package -DskipTests" >&2; exit 1; }
if curl -s -o /dev/null "$BASE/actuator/health"; then
    echo "Port $PORT is in use: set PORT to a free one" >&2
    exit 1
fi

WORK=$(mktemp -d)
SERVER=
cleanup() {
    if [[ -n $SERVER ]] && kill -0 "$SERVER" 2>/dev/null; then
        kill "$SERVER"
        for _ in $(seq 1 60); do kill -0 "$SERVER" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$SERVER" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Generating $ROWS rows$( (( PASSWORDS )) && echo ' with plain passwords')"
awk -v rows="$ROWS" -v passwords="$PASSWORDS" 'BEGIN {
    printf "studentNumber,matricNumber,email,fullName,about,status,faculty,level%s\n", passwords ? ",password" : ""
    for (i = 1; i <= rows; i++) {
        printf "B%07d,M/%07d,b%07d@bench.example,Bench Student %d,\"Year %d, cohort %d\",ACTIVE,Faculty %d,%d", \
            i, i, i, i, i % 5 + 1, i % 40, i % 12, (i % 4 + 1) * 100
        printf "%s\n", passwords ? ",bench password " i : ""
    }
}' > "$WORK/students.csv"
echo "File: $(du -h "$WORK/students.csv" | cut -f1)"

echo "Starting $JAR on $BASE"
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
    --examgate.embedded-db.dir="$WORK/postgres" --examgate.journal.dir="$WORK/journal" \
    --examgate.admin.username="${ADMIN%%:*}" --examgate.admin.password="${ADMIN#*:}" \
    --examgate.webhook.client-id=bench --examgate.webhook.client-secret="bench-webhook-secret-$RANDOM$RANDOM" \
    > "$WORK/server.log" 2>&1 &
SERVER=$!
for i in $(seq 1 120); do
    curl -s "$BASE/actuator/health" | grep -q '"UP"' && break
    kill -0 "$SERVER" 2>/dev/null || { echo "The server stopped:" >&2; tail -30 "$WORK/server.log" >&2; exit 1; }
    [[ $i == 120 ]] && { echo "The server did not start within 60 s" >&2; exit 1; }
    sleep 0.5
done

echo "Server idle RSS: $(( $(ps -o rss= -p "$SERVER") / 1024 )) MiB"

# CPU seconds used so far by the server and its PostgreSQL (the postmaster, which pg_ctl detaches from
# the server, and its backends): unlike elapsed time, this does not depend on what else the machine does.
cpu_seconds() {
    local pids postmaster
    postmaster=$(pgrep -f -- "-D $WORK/postgres" | head -1)
    pids=$(ps -e -o pid=,ppid= | awk -v a="$SERVER" -v b="${postmaster:-0}" '
        { parent[$1] = $2 }
        END { for (p in parent) { q = p; while (q in parent && q != a && q != b) q = parent[q]; if (q == a || q == b) print p } }')
    # shellcheck disable=SC2086
    awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); t += $12 + $13 } END { printf "%.1f", t / hz }' \
        $(for p in $pids; do [[ -r /proc/$p/stat ]] && echo "/proc/$p/stat"; done)
}

field() { sed -n "s/.*\"$1\":\([^,}]*\).*/\1/p" | head -1 | tr -d '"'; }

# Uploads the file, polls until the job ends; prints "seconds job-json".
run_import() {
    local started location job phase rss max_rss=0 deadline
    started=$(date +%s.%N)
    location=$(curl -s -u "$ADMIN" -D - -o /dev/null -H 'Content-Type: text/csv' \
        --data-binary @"$WORK/students.csv" "$BASE/api/v1/students/import" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
    [[ -n $location ]] || { echo "The upload was not accepted" >&2; exit 1; }
    deadline=$(( $(date +%s) + TIMEOUT ))
    while true; do
        job=$(curl -s -u "$ADMIN" "$BASE$location")
        phase=$(field phase <<< "$job")
        rss=$(ps -o rss= -p "$SERVER" | tr -d ' ')
        (( rss > max_rss )) && max_rss=$rss
        [[ $phase == DONE || $phase == FAILED ]] && break
        (( $(date +%s) < deadline )) || { echo "Gave up after $TIMEOUT s: $job" >&2; exit 1; }
        sleep 0.2
    done
    [[ $phase == DONE ]] || { echo "The import failed: $job" >&2; exit 1; }
    echo "$(echo "$(date +%s.%N) - $started" | bc -l) $(( max_rss / 1024 )) $job"
}

echo "Importing"
cpu=$(cpu_seconds)
read -r seconds rss job <<< "$(run_import)"
cpu=$(echo "$(cpu_seconds) - $cpu" | bc -l)
printf 'First import: %d rows in %.1f s = %.0f rows/s (created %s, rejected %s), %.1f CPU s, server RSS at most %d MiB\n' \
    "$ROWS" "$seconds" "$(echo "$ROWS / $seconds" | bc -l)" "$(field created <<< "$job")" \
    "$(field rejected <<< "$job")" "$cpu" "$rss"

echo "Importing the same file again"
cpu=$(cpu_seconds)
read -r seconds rss job <<< "$(run_import)"
cpu=$(echo "$(cpu_seconds) - $cpu" | bc -l)
printf 'Re-import: %.1f s = %.0f rows/s, unchanged %s of %d (created %s, updated %s), %.1f CPU s, server RSS at most %d MiB\n' \
    "$seconds" "$(echo "$ROWS / $seconds" | bc -l)" "$(field unchanged <<< "$job")" "$ROWS" \
    "$(field created <<< "$job")" "$(field updated <<< "$job")" "$cpu" "$rss"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
