#!/usr/bin/env bash
# Photo upload throughput and the service's memory: COUNT uploads (default 100) of phone-sized photos (4000×3000,
# about 4 MB each, made by PhotoFiles.java: DISTINCT different images, each sent COUNT/DISTINCT times) through
# POST /api/tickets/{code}/photos against the packaged service, CONCURRENCY at a time (curl). The service runs as the
# production command in the README (-Xmn8m -Xmx256m -XX:+UseSerialGC) on a new H2 file with the demo data. Every
# 0.5 s the script samples the service's RSS (/proc) and heap in use (jstat); it reports the wall time, photos/s,
# MB/s sent, the largest RSS and heap seen, the heap after a full GC at the end, and the load average (a shared
# machine: other work on it slows everything down). Not a test. Needs curl, bc, python3 and a JDK (java, jstat, jcmd).
#
#   src/bench/photo-upload.sh                      # builds, then runs
#   SKIP_BUILD=true PORT=18620 src/bench/photo-upload.sh
#
# Settings (environment): COUNT (100), DISTINCT (10), CONCURRENCY (2), PORT (8097), XMX (256m), SKIP_BUILD.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
COUNT=${COUNT:-100}
DISTINCT=${DISTINCT:-10}
CONCURRENCY=${CONCURRENCY:-2}
PORT=${PORT:-8097}
XMX=${XMX:-256m}
BASE=http://127.0.0.1:$PORT
ADMIN=admin:communitydesk-demo
work=$(mktemp -d)
app_pid=
sampler_pid=

cleanup() {
    [ -n "$sampler_pid" ] && kill "$sampler_pid" 2> /dev/null || true
    [ -n "$app_pid" ] && kill "$app_pid" 2> /dev/null && wait "$app_pid" 2> /dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

if [ "${SKIP_BUILD:-false}" != true ]; then
    (cd "$ROOT" && ./mvnw -B -ntp -q package -DskipTests)
fi
cp -a "$ROOT/target/quarkus-app" "$work/app"

echo "Making $DISTINCT photos of 4000x3000 ..."
java "$ROOT/src/bench/PhotoFiles.java" "$work/photos" "$DISTINCT"
total_bytes=0
for i in $(seq 0 $((COUNT - 1))); do
    file=$(printf '%s/photos/photo-%03d.jpg' "$work" $((i % DISTINCT)))
    echo "$file" >> "$work/uploads"
    total_bytes=$((total_bytes + $(stat -c %s "$file")))
done

(cd "$work/app" && COMMUNITYDESK_DEMO_ENABLED=true \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:file:$work/db/cd;WRITE_DELAY=0" \
    COMMUNITYDESK_PHOTOS_DIRECTORY="$work/photo-store" \
    exec java -XX:SharedArchiveFile=app-cds.jsa -Xmn8m -Xmx"$XMX" -XX:+UseSerialGC -Dquarkus.http.port="$PORT" \
    -Dquarkus.http.host=127.0.0.1 -jar quarkus-run.jar > "$work/service.log" 2>&1) &
app_pid=$!
for _ in $(seq 1 240); do
    curl -fsS -o /dev/null "$BASE/q/health/ready" 2> /dev/null && break
    sleep 0.5
done
curl -fsS -o /dev/null "$BASE/q/health/ready" || { echo "The service did not start:"; tail -20 "$work/service.log"; exit 1; }
# The JVM's pid (the subshell exec'd into java).
jvm=$app_pid
ticket=$(curl -fsS -u "$ADMIN" "$BASE/api/tickets?size=1" | python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["code"])')

upload() {
    curl -sS -o /dev/null -w '%{http_code}\n' -u "$ADMIN" -H 'X-Requested-With: bench' \
        -F "file=@$1;type=image/jpeg" -F step=NOTE "$BASE/api/tickets/$ticket/photos"
}
export -f upload
export ADMIN BASE ticket

# Warm-up: three uploads, not counted.
head -3 "$work/uploads" | xargs -n1 -P1 bash -c 'upload "$0"' > /dev/null

(while true; do
    rss=$(awk '/VmRSS/ {print $2}' /proc/"$jvm"/status 2> /dev/null || echo 0)
    heap=$(jstat -gc "$jvm" 2> /dev/null | awk 'NR == 2 {printf "%d", $3 + $4 + $6 + $8}')
    echo "$rss ${heap:-0}" >> "$work/samples"
    sleep 0.5
done) &
sampler_pid=$!

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
start=$(date +%s.%N)
xargs -n1 -P"$CONCURRENCY" bash -c 'upload "$0"' < "$work/uploads" > "$work/codes"
end=$(date +%s.%N)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
kill "$sampler_pid" 2> /dev/null || true
sampler_pid=

jcmd "$jvm" GC.run > /dev/null 2>&1 || true
heap_after_gc=$(jstat -gc "$jvm" | awk 'NR == 2 {printf "%d", $3 + $4 + $6 + $8}')
ok=$(grep -c '^201$' "$work/codes" || true)
seconds=$(echo "$end - $start" | bc -l)
max_rss=$(awk '{ if ($1 > m) m = $1 } END { print m }' "$work/samples")
max_heap=$(awk '{ if ($2 > m) m = $2 } END { print m }' "$work/samples")

printf 'Uploads:            %d sent, %d answered 201 (%s at a time)\n' "$COUNT" "$ok" "$CONCURRENCY"
printf 'Bytes sent:         %.1f MB (%.2f MB per photo)\n' "$(echo "$total_bytes / 1048576" | bc -l)" \
    "$(echo "$total_bytes / 1048576 / $COUNT" | bc -l)"
printf 'Wall time:          %.1f s\n' "$seconds"
printf 'Throughput:         %.2f photos/s, %.1f MB/s\n' "$(echo "$COUNT / $seconds" | bc -l)" \
    "$(echo "$total_bytes / 1048576 / $seconds" | bc -l)"
printf 'Largest RSS:        %d MB\n' $((max_rss / 1024))
printf 'Largest heap used:  %d MB (-Xmx%s)\n' $((max_heap / 1024)) "$XMX"
printf 'Heap after full GC: %d MB\n' $((heap_after_gc / 1024))
printf 'Load average:       %s before, %s after (2 cores)\n' "$load_before" "$load_after"
printf 'Stored:             %s\n' "$(du -sh "$work/photo-store" | cut -f1)"
grep -E 'ERROR|OutOfMemory' "$work/service.log" | head -5 || true
