#!/usr/bin/env bash
# Start-up time and memory of the packaged service: starts it on a new database, then again on the same
# database, and prints one table row per start:
#   - "started in": the time Quarkus reports in its log;
#   - ready after: wall-clock time from launching java to the first 200 of /q/health/ready;
#   - RSS: the resident set size (VmRSS) SETTLE seconds after ready, before any other request.
# Not a test. Build first:
#   ./mvnw package -DskipTests                                   # H2 (target/quarkus-app)
#   ./mvnw package -DskipTests -Dquarkus.profile=postgresql && cp -a target/quarkus-app target/bench-postgresql
#
#   src/bench/startup.sh              # H2: a new file database in a temporary directory
#   src/bench/startup.sh postgresql   # PostgreSQL: a new database (dropped at the end) on 127.0.0.1:5432
#   src/bench/startup.sh h2 postgresql
#
# Settings (environment): APP_DIR (H2 build, default target/quarkus-app), PG_APP_DIR (PostgreSQL build,
# default target/bench-postgresql), RUNS (starts per database, default 3: the first on a new database),
# SETTLE (seconds, default 5), JAVA_OPTS (e.g. -Xmx128m; none by default), DEMO (true: demo tickets and
# users at the first start, as in the README; default true), PORT (default 8091).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
APP_DIR=${APP_DIR:-$ROOT/target/quarkus-app}
PG_APP_DIR=${PG_APP_DIR:-$ROOT/target/bench-postgresql}
RUNS=${RUNS:-3}
SETTLE=${SETTLE:-5}
DEMO=${DEMO:-true}
PORT=${PORT:-8091}
databases=("$@")
[ ${#databases[@]} -gt 0 ] || databases=(h2)

work=$(mktemp -d)
app_pid=
pg_db=
cleanup() {
    if [ -n "$app_pid" ]; then
        kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
    fi
    if [ -n "$pg_db" ]; then
        psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $pg_db" postgres > /dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }

# start DB LABEL: one start, measured, then stopped; prints a table row.
start() {
    local db=$1 label=$2 jar env=() began ready rss started
    case "$db" in
        # The default URL shape (relative ./data, WRITE_DELAY=0), in the temporary directory.
        h2) jar=$APP_DIR/quarkus-run.jar ;;
        postgresql) jar=$PG_APP_DIR/quarkus-run.jar
            env=(QUARKUS_PROFILE=postgresql QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$pg_db") ;;
    esac
    [ -f "$jar" ] || { echo "No $jar: build it first (see the top of $0)"; exit 1; }
    # Without demo users somebody must be able to sign in, or the service refuses to start.
    [ "$DEMO" = true ] || env+=(COMMUNITYDESK_ADMIN_PASSWORD=startup-bench-password)
    began=$(now_ms)
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of JVM options
    (cd "$work" && exec env ${env[@]+"${env[@]}"} COMMUNITYDESK_DEMO_ENABLED="$DEMO" \
        QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$PORT" \
        java ${JAVA_OPTS:-} -jar "$jar" > "$work/app.log" 2>&1) &
    app_pid=$!
    ready=
    for _ in $(seq 1 1200); do
        if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" 2>/dev/null; then
            ready=$(( $(now_ms) - began ))
            break
        fi
        kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log"; exit 1; }
        sleep 0.1
    done
    [ -n "$ready" ] || { echo "Not ready after 120 s"; tail -20 "$work/app.log"; exit 1; }
    sleep "$SETTLE"
    rss=$(awk '/VmRSS/ { printf "%d MB", $2 / 1024 }' "/proc/$app_pid/status")
    started=$(grep -o 'started in [0-9.]*s' "$work/app.log" | head -1 | cut -d' ' -f3)
    kill "$app_pid" && wait "$app_pid" 2>/dev/null || true
    app_pid=
    printf '| %-10s | %-34s | %10s | %11s | %10s |\n' "$db" "$label" "$started" \
        "$(awk -v ms="$ready" 'BEGIN { printf "%.1fs", ms / 1000 }')" "$rss"
}

echo "Measured $(date -u +%FT%TZ): java $(java -version 2>&1 | head -1 | cut -d'"' -f2), ${JAVA_OPTS:-default heap}," \
    "demo data $DEMO, RSS $SETTLE s after ready"
echo "Load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '| %-10s | %-34s | %10s | %11s | %10s |\n' "Database" "Run" "Started in" "Ready after" "RSS"
printf '| %-10s | %-34s | %10s | %11s | %10s |\n' "---" "---" "---:" "---:" "---:"
for db in "${databases[@]}"; do
    case "$db" in
        h2) rm -rf "$work/data" ;;
        postgresql)
            pg_db=communitydesk_startup_$$
            psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $pg_db" postgres > /dev/null
            psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $pg_db" postgres > /dev/null ;;
        *) echo "h2 or postgresql, not $db"; exit 1 ;;
    esac
    for run in $(seq 1 "$RUNS"); do
        if [ "$run" = 1 ]; then
            start "$db" "new database (migrations, demo data)"
        else
            start "$db" "same database again"
        fi
    done
    if [ "$db" = postgresql ]; then
        psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $pg_db" postgres > /dev/null
        pg_db=
    fi
done
echo
echo "Load after: $(cut -d' ' -f1-3 /proc/loadavg)"
