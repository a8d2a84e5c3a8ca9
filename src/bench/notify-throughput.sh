#!/usr/bin/env bash
# Does notification delivery keep up with intake? Starts the packaged service with the SMS gateway pointed at a
# local receiver (python3, in this script), sends intakes with the caller's consent at full speed with wrk for
# DURATION seconds (each writes one "logged" text message), samples the outbox metrics every second, and reports
# the intake rate, the delivery rate, the largest queue and oldest-unsent age seen, and how long the queue took to
# empty after intake stopped. Not a test. Needs wrk and python3. Builds once, then:
#
#   src/bench/notify-throughput.sh               # H2: a new file database in a temporary directory
#   src/bench/notify-throughput.sh postgresql    # PostgreSQL: a new database on 127.0.0.1:5432, dropped at the end
#
# Settings (environment): DURATION (default 20), WARMUP (seconds of intake first, not counted; default 10), CONNECTIONS (default 16, as the intake row of hot-paths.sh), PORT (default 8095), RECEIVER_PORT
# (default 8096), GATEWAY_DELAY_MS (the receiver's answer time, default 20), SKIP_BUILD=true to use target/,
# BACKLOG=N to also time the delivery of N messages written straight into the outbox (either database).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DB=${1:-h2}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-16}
PORT=${PORT:-8095}
RECEIVER_PORT=${RECEIVER_PORT:-8096}
GATEWAY_DELAY_MS=${GATEWAY_DELAY_MS:-20}
BASE=http://127.0.0.1:$PORT
PASSWORD=bench-notify-password

command -v wrk > /dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
work=$(mktemp -d)
app_pid=
receiver_pid=
pg_db=
cleanup() {
    if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true; fi
    if [ -n "$receiver_pid" ]; then kill "$receiver_pid" 2>/dev/null || true; fi
    if [ -n "$pg_db" ]; then psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $pg_db" postgres > /dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

case "$DB" in
    h2) build=(); env=(QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:file:$work/data/communitydesk;WRITE_DELAY=0;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64") ;;
    postgresql) build=(-Dquarkus.profile=postgresql); pg_db=communitydesk_notify_$$
        psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $pg_db" postgres > /dev/null
        env=(QUARKUS_PROFILE=postgresql QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$pg_db") ;;
    *) echo "h2 or postgresql, not $DB"; exit 1 ;;
esac
if [ "${SKIP_BUILD:-false}" != true ]; then
    (cd "$ROOT" && ./mvnw -B -ntp -q package -DskipTests "${build[@]}")
fi

# The receiver (HTTP/1.1, keep-alive): counts the POSTs it answers 200, after GATEWAY_DELAY_MS, and the distinct idempotency keys.
cat > "$work/receiver.py" <<'PY'
import json, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
delay = int(sys.argv[2]) / 1000.0
keys, lock, count, times = set(), threading.Lock(), [0], [None, None]
class Gateway(BaseHTTPRequestHandler):
    # Keeps connections open, as gateways do: an HTTP/1.0 server closes each one, and a sender that reuses a
    # connection just as the server closes it sees "no answer" and must wait for its retry.
    protocol_version = 'HTTP/1.1'
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers['Content-Length'])))
        time.sleep(delay)
        with lock:
            count[0] += 1
            keys.add(body['idempotencyKey'])
            now = int(time.time() * 1000)
            times[0] = times[0] or now
            times[1] = now
        self.send_response(200); self.send_header('Content-Length', '2'); self.end_headers(); self.wfile.write(b'{}')
    def do_GET(self):
        # "count distinct-keys first-ms last-ms": the first receipt since the last GET /mark, and the last one.
        with lock:
            if self.path == '/mark':
                times[0] = None
            text = '%d %d %d %d' % (count[0], len(keys), times[0] or 0, times[1] or 0)
        self.send_response(200); self.send_header('Content-Length', str(len(text))); self.end_headers()
        self.wfile.write(text.encode())
    def log_message(self, *args):
        pass
class Server(ThreadingHTTPServer):
    request_queue_size = 128
    daemon_threads = True
Server(('127.0.0.1', int(sys.argv[1])), Gateway).serve_forever()
PY
python3 "$work/receiver.py" "$RECEIVER_PORT" "$GATEWAY_DELAY_MS" & receiver_pid=$!

# A copy: a build in the same tree during the run must not swap the jar under the service.
cp -a "$ROOT/target/quarkus-app" "$work/app"
curl -s -o /dev/null "$BASE/" && { echo "port $PORT is already in use; set PORT"; exit 1; }
start_app() {
    (cd "$work/app" && exec env "${env[@]}" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$PORT" \
        COMMUNITYDESK_ADMIN_PASSWORD=$PASSWORD COMMUNITYDESK_NOTIFICATIONS_DAILY_CAP=1000000 \
        COMMUNITYDESK_NOTIFICATIONS_DELIVER_EVERY=1s \
        COMMUNITYDESK_NOTIFICATIONS_SMS_GATEWAY_URL="http://127.0.0.1:$RECEIVER_PORT/sms" \
        java -Xmx256m -XX:+UseSerialGC -jar quarkus-run.jar >> "$work/app.log" 2>&1) & app_pid=$!
    for _ in $(seq 1 240); do curl -sf "$BASE/q/health/ready" > /dev/null && break; sleep 1; done
    curl -sf "$BASE/q/health/ready" > /dev/null || { tail -30 "$work/app.log"; exit 1; }
    # The service that answers must be ours (not one left on the port by another run).
    kill -0 "$app_pid" 2> /dev/null || { echo "the service did not start:"; tail -5 "$work/app.log"; exit 1; }
}
start_app
receiver() { curl -s "http://127.0.0.1:$RECEIVER_PORT/${1:-}"; }

cat > "$work/intake.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local n = 0
request = function()
  n = n + 1
  return wrk.format(nil, nil, nil, string.format([[{"categoryCode":"sewer-blockage","description":"通知基准 %d",
    "channel":"PHONE","reporter":{"name":"基准居民","phone":"139%08d"},"notifyResident":true,
    "location":{"communityCode":"beixinyuan","siteCode":"hongan","addressDetail":"2号楼"}}]], n, n % 100000000))
end
LUA
metric() { curl -s "$BASE/q/metrics" | awk -v m="$1" '$1 == m { printf "%d", $2 }'; }
sample() {
    local queued age
    queued=$(metric communitydesk_notifications_queued); age=$(metric communitydesk_notifications_oldest_unsent_age_seconds)
    [ "${queued:-0}" -gt "$max_queued" ] && max_queued=$queued
    [ "${age:-0}" -gt "$max_age" ] && max_age=$age
    true
}
# Warm the JIT first, as hot-paths.sh does before its intake row, then let the queue empty.
if [ "${WARMUP:-10}" -gt 0 ]; then
    wrk -t1 -c4 -d"${WARMUP:-10}s" -s "$work/intake.lua" -H "Authorization: Basic $(printf 'admin:%s' $PASSWORD | base64)" \
        "$BASE/api/tickets" > /dev/null
    for _ in $(seq 1 120); do [ "$(metric communitydesk_notifications_queued)" = 0 ] && break; sleep 0.5; done
fi
read -r warmed _ <<< "$(receiver)"
max_queued=0; max_age=0
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
began=$(date +%s%3N)
wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" -s "$work/intake.lua" -H "Authorization: Basic $(printf 'admin:%s' $PASSWORD | base64)" \
    "$BASE/api/tickets" > "$work/wrk.txt" &
wrk_pid=$!
while kill -0 $wrk_pid 2> /dev/null; do sample; sleep 1; done
intake_ms=$(( $(date +%s%3N) - began ))
created=$(grep -Eo '[0-9]+ requests in' "$work/wrk.txt" | grep -Eo '^[0-9]+')
non2xx=$(grep -Eo 'Non-2xx or 3xx responses: [0-9]+' "$work/wrk.txt" | grep -Eo '[0-9]+$' || echo 0)
read -r at_stop _ <<< "$(receiver)"
at_stop=$(( at_stop - warmed ))
stopped=$(date +%s%3N)
while true; do
    sample
    queued=$(metric communitydesk_notifications_queued)
    [ "${queued:-1}" -eq 0 ] && break
    [ $(( $(date +%s%3N) - stopped )) -gt 600000 ] && { echo "queue not empty after 10 minutes"; break; }
    sleep 0.5
done
drain_ms=$(( $(date +%s%3N) - stopped ))
read -r requests distinct _ <<< "$(receiver)"
requests=$(( requests - warmed )); distinct=$(( distinct - warmed ))
committed=$(( created - non2xx ))
printf '\n%s, %d connections, gateway answering in %d ms, load average before/after: %s / %s\n' "$DB" "$CONNECTIONS" \
    "$GATEWAY_DELAY_MS" "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '| intakes (201) | intake rate | delivered during intake | delivery rate during intake | largest queue | oldest unsent seen | queue empty after intake stopped | messages received (distinct keys) |\n'
printf '|---|---|---|---|---|---|---|---|\n'
printf '| %d | %.1f/s | %d | %.1f/s | %d | %d s | %.1f s | %d (%d) |\n' "$committed" \
    "$(echo "$committed*1000/$intake_ms" | bc -l)" "$at_stop" "$(echo "$at_stop*1000/$intake_ms" | bc -l)" \
    "$max_queued" "$max_age" "$(echo "$drain_ms/1000" | bc -l)" "$requests" "$distinct"
# Intakes wrk gave up on (its 2 s timeout) may still have committed: the distinct keys count every committed one.
grep -E 'Socket errors|Latency' "$work/wrk.txt" || true
# A failed attempt waits a minute for its retry, which shows as an old unsent message: say how many there were.
echo "failed attempts logged by the service: $(grep -c 'attempt [0-9]* failed' "$work/app.log" || true)"
grep -m3 'attempt [0-9]* failed' "$work/app.log" || true

# The delivery job's own capacity, apart from intake: BACKLOG pending messages are written straight into the outbox
# (on H2 with the service stopped, which then starts again), each for the newest ticket, so that each adds its
# timeline event as a real one does; the rate is the messages over the time from the first to the last received.
if [ "${BACKLOG:-0}" -gt 0 ]; then
    backlog_sql="INSERT INTO notification (idempotency_key, ticket_code, kind, audience, channel, recipient, body, state,
        attempts, created_at, due_since, next_attempt_at) SELECT 'backlog-' || g, (SELECT max(code) FROM ticket),
        'resident-dispatched', 'RESIDENT', 'SMS', '139' || lpad(CAST(g AS VARCHAR(8)), 8, '0'), 'backlog', 'PENDING', 0,
        CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM"
    read -r before _ <<< "$(receiver)"
    receiver mark > /dev/null
    case "$DB" in
        h2) kill "$app_pid" && wait "$app_pid" 2> /dev/null || true
            java -cp "$(ls "$work"/app/lib/main/com.h2database.h2-*.jar | head -1)" org.h2.tools.Shell \
                -url "jdbc:h2:file:$work/data/communitydesk" -user communitydesk -password "" \
                -sql "$backlog_sql SYSTEM_RANGE(1, $BACKLOG) r(g)" > /dev/null
            start_app ;;
        postgresql) psql -h 127.0.0.1 -U postgres -qc "$backlog_sql generate_series(1, $BACKLOG) g" "$pg_db" ;;
    esac
    began=$(date +%s%3N)
    while true; do
        read -r now_count _ first last <<< "$(receiver)"
        [ $(( now_count - before )) -ge "$BACKLOG" ] && break
        [ $(( $(date +%s%3N) - began )) -gt 600000 ] && { echo "backlog not sent after 10 minutes"; break; }
        sleep 0.2
    done
    took=$(( last - first ))
    printf 'backlog of %d pending messages sent in %.1f s from the first to the last received: %.0f a second (load average %s)\n' \
        "$BACKLOG" "$(echo "$took/1000" | bc -l)" "$(echo "$BACKLOG*1000/$took" | bc -l)" "$(cut -d' ' -f1-3 /proc/loadavg)"
fi
