#!/usr/bin/env bash
# The public and everyday paths against the framework's own speed: each path is measured with wrk right
# after GET /q/health/live in the same run, and the table gives both rates and their ratio. Then the
# start: "started in", time to ready and RSS after start, the median of STARTS starts on the database
# the first start created. Not a test. Needs wrk (apt-get install wrk). Builds once, then:
#
#   src/bench/hot-paths.sh               # H2: a new file database in a temporary directory
#   src/bench/hot-paths.sh postgresql    # PostgreSQL: a new database on 127.0.0.1:5432, dropped at the end
#   PG_DB=communitydesk_bench src/bench/hot-paths.sh postgresql
#                                        # the paths only, on an existing database (say the loader's
#                                        # 10,000,000 tickets), kept as it is apart from the intakes
#
# The service runs as the README documents it: from its directory, with the AppCDS archive and the
# JVM options of RUN_OPTS. Settings (environment): DURATION (wrk seconds a row, default 10),
# CONNECTIONS (default 16), THREADS (wrk threads, default 1), STARTS (default 3), PORT (default 8094),
# RUN_OPTS (default the README's), WARMUP (seconds of load on each path before the rows, default 5),
# SKIP_BUILD=true to use what target/ holds.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DB=${1:-h2}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-1}
STARTS=${STARTS:-3}
WARMUP=${WARMUP:-5}
PORT=${PORT:-8094}
RUN_OPTS=${RUN_OPTS:--XX:SharedArchiveFile=app-cds.jsa -Xms16m -Xmn8m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}
BASE=http://127.0.0.1:$PORT
ADMIN=admin:communitydesk-demo

command -v wrk > /dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
work=$(mktemp -d)
app_pid=
pg_db=
cleanup() {
    if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true; fi
    if [ -n "$pg_db" ]; then psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $pg_db" postgres > /dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

case "$DB" in
    h2) app_dir=$ROOT/target/quarkus-app; build=() ;;
    postgresql) app_dir=$ROOT/target/bench-postgresql; build=(-Dquarkus.profile=postgresql)
        if [ -n "${PG_DB:-}" ]; then
            existing_db=$PG_DB
        else
            pg_db=communitydesk_hot_$$
            psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $pg_db" postgres > /dev/null
        fi ;;
    *) echo "h2 or postgresql, not $DB"; exit 1 ;;
esac
if [ "${SKIP_BUILD:-false}" != true ]; then
    (cd "$ROOT" && ./mvnw -B -ntp -q package -DskipTests "${build[@]}")
    if [ "$DB" = postgresql ]; then rm -rf "$app_dir" && cp -a "$ROOT/target/quarkus-app" "$app_dir"; fi
fi
[ -f "$app_dir/app-cds.jsa" ] || echo "Note: no AppCDS archive in $app_dir; the JVM starts without it"

now_ms() { date +%s%3N; }

# start: one start from the app's directory (the archive records relative class paths); sets app_pid.
start() {
    local env=(COMMUNITYDESK_DEMO_ENABLED=true QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$PORT")
    case "$DB" in
        h2) env+=(QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:file:$work/data/communitydesk;WRITE_DELAY=0;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64") ;;
        postgresql) env+=(QUARKUS_PROFILE=postgresql
            QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/${existing_db:-$pg_db}") ;;
    esac
    began=$(now_ms)
    # shellcheck disable=SC2086 # RUN_OPTS is a list of JVM options
    (cd "$app_dir" && exec env "${env[@]}" java $RUN_OPTS -jar quarkus-run.jar > "$work/app.log" 2>&1) &
    app_pid=$!
    ready=
    for _ in $(seq 1 2400); do
        if curl -fsS -o /dev/null "$BASE/q/health/ready" 2>/dev/null; then ready=$(( $(now_ms) - began )); break; fi
        kill -0 "$app_pid" 2>/dev/null || { tail -40 "$work/app.log"; exit 1; }
        sleep 0.05
    done
    [ -n "$ready" ] || { echo "Not ready after 120 s"; tail -20 "$work/app.log"; exit 1; }
}

stop() {
    kill "$app_pid" && wait "$app_pid" 2>/dev/null || true
    app_pid=
}

# rate ARGS...: requests a second that wrk measured, after checking that none failed.
rate() {
    local out
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" "$@")
    if grep -q 'Non-2xx' <<< "$out"; then echo "wrk saw errors for $*:" >&2; echo "$out" >&2; exit 1; fi
    awk '/Requests\/sec/ { printf "%d", $2 }' <<< "$out"
}

# row LABEL TARGET WRK-ARGS...: health, then the path, in the same run.
row() {
    local label=$1 target=$2; shift 2
    local health path
    health=$(rate "$BASE/q/health/live")
    path=$(rate "$@")
    printf '| %-52s | %8s | %8s | %6s | %-8s |\n' "$label" "$path" "$health" \
        "$(awk -v p="$path" -v h="$health" 'BEGIN { printf "%.3f", p / h }')" "$target"
}

echo "Measured $(date -u +%FT%TZ) on $(nproc) cores, $DB, java $(java -version 2>&1 | head -1 | cut -d'"' -f2)," \
    "RUN_OPTS='$RUN_OPTS', wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s a row; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
start
echo "First start (${existing_db:-new database, migrations and demo data}): ready after $(( ready ))ms"

auth=(-H "Authorization: Basic $(printf '%s' "$ADMIN" | base64)")
created=$(curl -fsS "${auth[@]}" -H 'Content-Type: application/json' -d '{"categoryCode":"sewer-blockage",
  "description":"宏安小区 3 号楼污水井冒水","channel":"PHONE","reporter":{"name":"基准测试","phone":"13900000000"},
  "location":{"communityCode":"beixinyuan","siteCode":"hongan","addressDetail":"3号楼"}}' "$BASE/api/tickets")
code=$(grep -o '"code":"CD-[^"]*"' <<< "$created" | head -1 | cut -d'"' -f4)
access=$(sed -E 's/.*"accessCode":"([^"]+)".*/\1/' <<< "$created")
curl -fsS -o /dev/null "${auth[@]}" -H 'Content-Type: application/json' \
    -d '{"assignments":[{"organizationCode":"tongda-dredging","role":"LEAD"},{"organizationCode":"datong-sewage","role":"SUPPORT"}]}' \
    "$BASE/api/tickets/$code/dispatch"

cat > "$work/intake.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"categoryCode":"sewer-blockage","description":"宏安小区 2 号楼下水堵塞","channel":"PHONE",'
  .. '"reporter":{"name":"基准测试","phone":"13900000000"},'
  .. '"location":{"communityCode":"beixinyuan","siteCode":"hongan","addressDetail":"2号楼"}}'
LUA

# Warm the JIT on every path first, so that the first row is not the slowest for that reason.
for path in "/api/public/tickets/$code" "/api/tickets/$code" "/api/tickets?size=20" "/open311/v2/requests.json"; do
    wrk -t1 -c4 -d"${WARMUP}s" -H "X-Access-Code: $access" "${auth[@]}" "$BASE$path" > /dev/null
done

echo
printf '| %-52s | %8s | %8s | %6s | %-8s |\n' "Path" "req/s" "health/s" "ratio" "target"
printf '| %-52s | %8s | %8s | %6s | %-8s |\n' "---" "---:" "---:" "---:" "---"
row "GET /api/public/tickets/{code}, right access code" "0.25x" -H "X-Access-Code: $access" "$BASE/api/public/tickets/$code"
row "GET /api/tickets/{code} (staff, Basic)" "0.25x" "${auth[@]}" "$BASE/api/tickets/$code"
row "GET /api/tickets?size=20 (staff, Basic)" "0.2x" "${auth[@]}" "$BASE/api/tickets?size=20"
row "GET /open311/v2/requests.json" "0.15x" "$BASE/open311/v2/requests.json"
# Last: every intake adds a ticket, which the lists above would then carry (the Open311 list, 90 days and up to
# 1000 tickets a page, would measure a page of hundreds). Its warm-up too.
wrk -t1 -c4 -d"${WARMUP}s" -s "$work/intake.lua" "${auth[@]}" "$BASE/api/tickets" > /dev/null
row "POST /api/tickets (intake, durable)" "1500/s" -s "$work/intake.lua" "${auth[@]}" "$BASE/api/tickets"
tickets=$(curl -fsS "${auth[@]}" "$BASE/api/tickets?size=1" | sed -E 's/.*"total":([0-9]+).*/\1/')
echo
echo "Tickets in the database after the run: $tickets"
stop

# The intakes above are not demo tickets, and the service refuses demo data (and its users) on a database
# with real work: mark them as demo data, so that the restarts run as the first start did.
mark_demo="INSERT INTO demo_ticket (ticket_id) SELECT t.id FROM ticket t
  WHERE NOT EXISTS (SELECT 1 FROM demo_ticket d WHERE d.ticket_id = t.id)"
case "$DB" in
    h2) java -cp "$(ls "$app_dir"/lib/main/com.h2database.h2-*.jar | head -1)" org.h2.tools.Shell \
            -url "jdbc:h2:file:$work/data/communitydesk" -user communitydesk -password "" -sql "$mark_demo" > /dev/null ;;
    postgresql) psql -h 127.0.0.1 -U postgres -qc "$mark_demo" "${existing_db:-$pg_db}" > /dev/null ;;
esac
if [ -n "${existing_db:-}" ]; then exit 0; fi

echo
printf '| %-4s | %10s | %11s | %8s |\n' "Run" "Started in" "Ready after" "RSS"
printf '| %-4s | %10s | %11s | %8s |\n' "---" "---:" "---:" "---:"
for run in $(seq 1 "$STARTS"); do
    start
    sleep 5
    rss=$(awk '/VmRSS/ { printf "%d MB", $2 / 1024 }' "/proc/$app_pid/status")
    started=$(grep -o 'started in [0-9.]*s' "$work/app.log" | head -1 | cut -d' ' -f3)
    printf '| %-4s | %10s | %10.1fs | %8s |\n' "$run" "$started" "$(awk -v ms="$ready" 'BEGIN { print ms / 1000 }')" "$rss"
    stop
done
echo "(the median of the $STARTS rows is the figure; load after: $(cut -d' ' -f1-3 /proc/loadavg))"
