#!/usr/bin/env bash
# Latency of the dashboard and the ticket queue on a big database (src/bench/load-tickets.sh), one
# client, requests one after the other: WARMUP requests first, then RUNS measured ones per row
# (curl's time_total), reported as median and 90th percentile in milliseconds. Not a test.
#
#   src/bench/dashboard-queue.sh                    # measure the service already running at BASE
#   src/bench/dashboard-queue.sh --start h2         # start the packaged app on the bench H2 file, measure, stop it
#   src/bench/dashboard-queue.sh --start postgresql # the same on the database communitydesk_bench
#
# The service must have demo users (COMMUNITYDESK_DEMO_ENABLED=true; the loader creates them with the
# schema). Settings (environment): BASE (default http://127.0.0.1:8090), WARMUP (30), RUNS (100),
# ADMIN and SUPERVISOR (user:password), ROWS (a regular expression: only the rows whose label matches,
# e.g. ROWS='q=' for the text searches), CALLS_EVERY (seconds: log a call with POST /api/tickets that
# often while measuring, as a hotline does, so that today is always being written to), and for --start:
# BENCH_APP_DIR, BENCH_H2_FILE, BENCH_PG_DB, BENCH_JAVA_OPTS (e.g. -Xmx1g; none by default).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PORT=${BENCH_PORT:-8090}
BASE=${BASE:-http://127.0.0.1:$PORT}
WARMUP=${WARMUP:-30}
RUNS=${RUNS:-100}
ADMIN=${ADMIN:-admin:communitydesk-demo}
SUPERVISOR=${SUPERVISOR:-yingbin.supervisor:communitydesk-demo}

work=$(mktemp -d)
app_pid=
writer_pid=
cleanup() {
    if [ -n "$writer_pid" ]; then kill "$writer_pid" 2>/dev/null || true; fi
    if [ -n "$app_pid" ]; then
        kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# Optionally start the packaged app against the bench database, with demo users, on 127.0.0.1 only.
if [ "${1:-}" = --start ]; then
    db=${2:?--start h2 or --start postgresql}
    app=()
    case "$db" in
        # QUERY_CACHE_SIZE=0: H2 would answer a repeated query from its result cache, which any change to
        # a ticket empties; measured with it, the same request 100 times takes 0 ms in the database.
        h2) app=(QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:file:${BENCH_H2_FILE:-$ROOT/data/bench/communitydesk};WRITE_DELAY=0;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=0")
            jar=${BENCH_APP_DIR:-$ROOT/target/bench-h2}/quarkus-run.jar ;;
        postgresql) app=(QUARKUS_PROFILE=postgresql
                QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/${BENCH_PG_DB:-communitydesk_bench}")
            jar=${BENCH_APP_DIR:-$ROOT/target/bench-postgresql}/quarkus-run.jar ;;
        *) echo "--start h2 or --start postgresql"; exit 1 ;;
    esac
    # shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of JVM options
    env "${app[@]}" COMMUNITYDESK_DEMO_ENABLED=true QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$PORT" \
        java ${BENCH_JAVA_OPTS:-} -jar "$jar" > "$work/app.log" 2>&1 &
    app_pid=$!
    for _ in $(seq 1 180); do
        curl -fsS -o /dev/null "$BASE/q/health/ready" 2>/dev/null && break
        kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log"; exit 1; }
        sleep 1
    done
    echo "Started $jar ($db), pid $app_pid: $(grep -o 'started in [0-9.]*s' "$work/app.log" || true)"
    # The dashboard reads the days the figures job has stored (README, Dashboard figures); after a load the job
    # first works through every day, newest first. Wait until it computes fewer than 10 days in 45 s (it keeps
    # computing a day now and then: today's figures change by the clock).
    last=-100
    for _ in $(seq 1 480); do
        sleep 45
        now=$(curl -fsS "$BASE/q/metrics" | grep '^communitydesk_job_rows_total{' | grep 'job="figures"' \
            | awk '{ printf "%d", $2 }' | head -1 || true)
        [ -n "$now" ] && [ $((now - last)) -lt 10 ] && break
        last=${now:--100}
    done
    echo "Figures job: ${now:-0} days computed since the start"
    if [ "$db" = postgresql ]; then
        # The backfill deleted a mark per ticket row written (tens of millions after a load). A default PostgreSQL
        # vacuums that away by itself; where autovacuum is off (this project's CI machines), the planner reads the
        # dead index entries on every read of the marks (half a second each at 10,000,000 tickets).
        psql -X -q -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -d "${BENCH_PG_DB:-communitydesk_bench}" -c \
            "VACUUM ANALYZE ticket_figures_stale, ticket_figures_pending, ticket_figures_day, ticket_figures, ticket_figures_site, ticket_figures_unit"
        echo "Vacuumed the figures' tables (autovacuum: $(psql -X -At -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" \
            -d "${BENCH_PG_DB:-communitydesk_bench}" -c 'SHOW autovacuum'))"
    fi
fi

curl -fsS -o /dev/null -u "$ADMIN" "$BASE/api/me" || { echo "Cannot sign in at $BASE as ${ADMIN%%:*}"; exit 1; }
# The pages use form login: the session cookie from /j_security_check (refreshed as we go).
login() {
    curl -fsS -o /dev/null -c "$work/$1.jar" -d "j_username=${2%%:*}" --data-urlencode "j_password=${2#*:}" \
        "$BASE/j_security_check"
}
login admin "$ADMIN"
login supervisor "$SUPERVISOR"

if [ -n "${CALLS_EVERY:-}" ]; then
    (
        while true; do
            curl -fsS -o /dev/null -u "$ADMIN" -H 'Content-Type: application/json' -d '{"categoryCode":"sewer-blockage",
              "description":"宏安小区 2 号楼下水堵塞","channel":"PHONE","reporter":{"name":"基准测试","phone":"13900000000"},
              "location":{"communityCode":"beixinyuan","siteCode":"hongan","addressDetail":"2号楼"}}' \
                "$BASE/api/tickets" || echo "A call could not be logged" >&2
            sleep "$CALLS_EVERY"
        done
    ) &
    writer_pid=$!
    echo "Logging a call every $CALLS_EVERY s while measuring"
fi

# curl options that sign in: Basic for /api, the cookie for pages.
as() {
    case "$1" in
        admin-api) echo "-u $ADMIN" ;;
        supervisor-api) echo "-u $SUPERVISOR" ;;
        admin-page) echo "-b $work/admin.jar -c $work/admin.jar" ;;
        supervisor-page) echo "-b $work/supervisor.jar -c $work/supervisor.jar" ;;
    esac
}

ms() { awk '{ printf "%.1f", $1 * 1000 }'; }

# A path's @PERIOD30@ or @PERIOD365@ becomes from=…&to=… for a random period of that many days within the
# three years the loader spreads its tickets over, new for every request. @SIZE@ becomes a page size from 20 to
# 99, another for each of 80 requests in turn: a list asked again within seconds is answered from the pages kept
# for 10 s (common.RecentAnswers), and @SIZE@ measures the search itself.
expand() {
    local path=$1 days back from to n
    if [[ "$path" == *"@SIZE@"* ]]; then
        n=$(( $(cat "$work/size-seq" 2>/dev/null || echo 0) + 1 ))
        echo "$n" > "$work/size-seq"
        path=${path//"@SIZE@"/"$((20 + n % 80))"}
    fi
    for days in 30 365; do
        if [[ "$path" == *"@PERIOD$days@"* ]]; then
            back=$(( (RANDOM * 32768 + RANDOM) % (3 * 365 - days + 1) ))
            to=$(date -d "-$back days" +%F)
            from=$(date -d "$to -$((days - 1)) days" +%F)
            path=${path//"@PERIOD$days@"/"from=$from&to=$to"}
        fi
    done
    echo "$path"
}

# measure LABEL WHO PATH: WARMUP + RUNS sequential GETs; prints a table row.
measure() {
    local label=$1 who=$2 path=$3 code
    if [ -n "${ROWS:-}" ] && ! grep -qE "$ROWS" <<< "$label"; then
        return
    fi
    # shellcheck disable=SC2046 # as() returns several curl options on purpose
    code=$(curl -s -o "$work/body" -w '%{http_code}' $(as "$who") "$BASE$(expand "$path")")
    if [ "$code" = 404 ] && [[ "$path" != /api/* ]]; then
        printf '| %-58s | %9s | %9s | %s |\n' "$label" "-" "-" "skipped: 404, the page is not in this build"
        return
    fi
    if [ "$code" != 200 ]; then
        printf '| %-58s | %9s | %9s | %s |\n' "$label" "-" "-" "HTTP $code: $(head -c 200 "$work/body")"
        return
    fi
    local detail
    detail=$(case "$path" in
        /api/tickets*) jq -r '"total \(.total)"' "$work/body" ;;
        /api/stats*) jq -r '"reported \(.reported), backlog \(.backlog.total), overdue \(.overdue.total)"' "$work/body" ;;
        *) echo "$(wc -c < "$work/body") bytes" ;;
    esac)
    for _ in $(seq 1 "$WARMUP"); do
        # shellcheck disable=SC2046
        curl -s -o /dev/null $(as "$who") "$BASE$(expand "$path")"
    done
    : > "$work/times"
    for _ in $(seq 1 "$RUNS"); do
        # shellcheck disable=SC2046
        curl -s -o /dev/null -w '%{http_code} %{time_total}\n' $(as "$who") "$BASE$(expand "$path")" >> "$work/times"
    done
    if grep -qv '^200 ' "$work/times"; then
        detail="$detail; NOT 200: $(grep -v '^200 ' "$work/times" | cut -d' ' -f1 | sort | uniq -c | tr '\n' ' ')"
    fi
    # Median of an even count: the mean of the middle two; 90th percentile: nearest rank.
    local median p90
    median=$(cut -d' ' -f2 "$work/times" | sort -n | awk '{ t[NR] = $1 } END { print (NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2) }' | ms)
    p90=$(cut -d' ' -f2 "$work/times" | sort -n | awk '{ t[NR] = $1 } END { i = int(NR * 0.9 + 0.999999); print t[i] }' | ms)
    printf '| %-58s | %9s | %9s | %s |\n' "$label" "$median" "$p90" "$detail"
}

q=$(jq -rn --arg q '污水井' '$q | @uri')
# A term in one loaded ticket's description (load-tickets-chunk.sql numbers them), and one in none: the rare
# searches, which cannot stop after a page of matches.
q_one=$(jq -rn --arg q '数据 123456）' '$q | @uri')
q_none=$(jq -rn --arg q '井盖被盗' '$q | @uri')
echo "Measured $(date -u +%FT%TZ) at $BASE: $WARMUP warm-up + $RUNS measured requests per row, one at a time"
echo "Load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '| %-58s | %9s | %9s | %s |\n' "Request (signed in as)" "median ms" "p90 ms" "answer"
printf '| %-58s | %9s | %9s | %s |\n' "---" "---:" "---:" "---"
measure "GET /api/stats/summary (admin: all 6 communities)" admin-api "/api/stats/summary"
measure "GET /api/stats/summary (supervisor of 迎宾街道: 3 communities)" supervisor-api "/api/stats/summary"
measure "GET /dashboard (admin, page)" admin-page "/dashboard"
measure "GET /api/stats/summary, random 30-day periods (admin)" admin-api "/api/stats/summary?@PERIOD30@"
measure "GET /api/stats/summary, random 30-day periods (supervisor)" supervisor-api "/api/stats/summary?@PERIOD30@"
measure "GET /dashboard, random 30-day periods (admin, page)" admin-page "/dashboard?@PERIOD30@"
measure "GET /dashboard, random 30-day periods (supervisor, page)" supervisor-page "/dashboard?@PERIOD30@"
measure "GET /api/stats/summary, random 365-day periods (admin)" admin-api "/api/stats/summary?@PERIOD365@"
measure "GET /api/stats/ranking, random 30-day periods (admin)" admin-api "/api/stats/ranking?@PERIOD30@"
measure "GET /api/stats/ranking, random 30-day periods (supervisor)" supervisor-api "/api/stats/ranking?@PERIOD30@"
measure "GET /api/tickets?size=20 (admin)" admin-api "/api/tickets?size=20"
measure "GET /api/tickets?size=20 (supervisor)" supervisor-api "/api/tickets?size=20"
measure "GET /api/tickets?size=20&status=DISPATCHED (admin)" admin-api "/api/tickets?size=20&status=DISPATCHED"
measure "GET /api/tickets?size=20&overdue=true (admin)" admin-api "/api/tickets?size=20&overdue=true"
measure "GET /api/tickets?size=20&community=beixinyuan (admin)" admin-api "/api/tickets?size=20&community=beixinyuan"
measure "GET /api/tickets?size=20&q=污水井 (admin)" admin-api "/api/tickets?size=20&q=$q"
measure "GET /api/tickets?size=20-99&q=污水井 (admin; never kept)" admin-api "/api/tickets?size=@SIZE@&q=$q"
measure "GET /api/tickets?size=20-99&q=数据 123456） (one ticket; never kept)" admin-api "/api/tickets?size=@SIZE@&q=$q_one"
measure "GET /api/tickets?size=20-99&q=井盖被盗 (no ticket; never kept)" admin-api "/api/tickets?size=@SIZE@&q=$q_none"
login admin "$ADMIN"
measure "GET /console/tickets (admin, page)" admin-page "/console/tickets"
measure "GET /console/tickets?status=DISPATCHED (admin, page)" admin-page "/console/tickets?status=DISPATCHED"
measure "GET /console/tickets?overdue=true (admin, page)" admin-page "/console/tickets?overdue=true"
measure "GET /console/tickets?q=污水井 (admin, page)" admin-page "/console/tickets?q=$q"
echo
echo "Load after: $(cut -d' ' -f1-3 /proc/loadavg)"

# The calls logged above are not demo tickets, and the service refuses demo data (and its users) on a database with
# real work: mark them as demo data, so that the next start with --start runs as this one did.
if [ -n "${CALLS_EVERY:-}" ] && [ -n "${db:-}" ]; then
    kill "$writer_pid" 2>/dev/null || true
    writer_pid=
    kill "$app_pid" && wait "$app_pid" 2>/dev/null || true
    app_pid=
    mark_demo="INSERT INTO demo_ticket (ticket_id) SELECT t.id FROM ticket t
      WHERE NOT EXISTS (SELECT 1 FROM demo_ticket d WHERE d.ticket_id = t.id)"
    case "$db" in
        h2) java -cp "$(ls "$(dirname "$jar")"/lib/main/com.h2database.h2-*.jar | head -1)" org.h2.tools.Shell \
                -url "jdbc:h2:file:${BENCH_H2_FILE:-$ROOT/data/bench/communitydesk}" -user communitydesk -password "" \
                -sql "$mark_demo" > /dev/null ;;
        postgresql) psql -X -q -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -d "${BENCH_PG_DB:-communitydesk_bench}" \
                -c "$mark_demo" ;;
    esac
    echo "Marked the calls logged while measuring as demo data"
fi
