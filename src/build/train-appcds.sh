#!/usr/bin/env bash
# Run by ./mvnw package after Quarkus' build: records target/quarkus-app/app-cds.jsa again from a whole start.
#
# Quarkus records its archive on JDK 17 by starting the application only up to the end of its static init
# (-Dquarkus.appcds.generate=true), so the classes of the runtime start (Hibernate's session factory, Flyway,
# H2, Vert.x, the HQL parser, Qute) are not in it: about 6,000 of a start's 17,000 classes. This script starts
# the packaged service once on a throwaway H2 file with the demo data, asks it a few everyday questions, stops
# it, and lets the JVM write every class it loaded (-XX:ArchiveClassesAtExit). Measured 2026-12-03: 12,600
# classes from the archive instead of 7,100, and the start 0.8-1.3 s shorter (see README, Figures).
#
# It never fails the build: when the training start does not come up (no curl, a build for PostgreSQL, which
# has no database here), it says why and keeps Quarkus' archive.
set -uo pipefail

app_dir=${1:?the packaged application directory, target/quarkus-app}
profile=${2:-prod}
# The build's quarkus.profile when one was given (-Dquarkus.profile=postgresql); Maven passes "${quarkus.profile}"
# as written when it is not.
case ${3:-} in '' | '${'*) ;; *) profile=$3 ;; esac
java_cmd=${JAVA_HOME:+$JAVA_HOME/bin/}java
work=$(mktemp -d)
pid=

finish() {
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null; fi
    rm -rf "$work"
}
trap finish EXIT

keep() {
    echo "[appcds] $1; keeping the archive of Quarkus' static start (app-cds.jsa)"
    exit 0
}

[ -f "$app_dir/quarkus-run.jar" ] || keep "no $app_dir/quarkus-run.jar"
command -v curl > /dev/null || keep "curl is missing, so the training start cannot be asked anything"
[ "$profile" = prod ] || keep "this build is for the $profile profile, and only the embedded H2 database is here to train on"

# From the application's directory, as the README's production command runs it: the archive records the
# class path relative to it. The JVM options are the README's, bar the archive being written.
(
    cd "$app_dir" || exit 1
    exec env COMMUNITYDESK_DEMO_ENABLED=true QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=0 \
        QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:file:$work/data/communitydesk;WRITE_DELAY=0;LOCK_TIMEOUT=10000" \
        COMMUNITYDESK_BACKUP_DIRECTORY="$work/backups" COMMUNITYDESK_PHOTOS_DIRECTORY="$work/photos" \
        "$java_cmd" -XX:ArchiveClassesAtExit="$work/app-cds.jsa" -Xms16m -Xmn8m -Xmx256m -XX:+UseSerialGC \
        -XX:TieredStopAtLevel=1 -Xlog:cds=off -Xlog:cds+dynamic=off -jar quarkus-run.jar
) > "$work/training.log" 2>&1 &
pid=$!

base=
for _ in $(seq 1 1200); do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$work/training.log"; keep "the training start stopped"; }
    port=$(grep -o 'Listening on: http://127.0.0.1:[0-9]*' "$work/training.log" | head -1 | sed 's/.*://')
    if [ -n "$port" ] && curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null; then
        base=http://127.0.0.1:$port
        break
    fi
    sleep 0.1
done
[ -n "$base" ] || keep "the training start was not ready after 120 s"

# The everyday paths, so that their first answers in production find their classes archived too.
staff=(-u beixinyuan.staff:communitydesk-demo)
for path in /q/health/live /status /open311/v2/services.json /open311/v2/requests.json; do
    curl -s -o /dev/null "$base$path"
done
for path in "/api/tickets?size=20" /api/tickets/CD-2026-000001 /api/stats/summary /api/categories /dashboard /console; do
    curl -s -o /dev/null "${staff[@]}" "$base$path"
done
curl -s -o /dev/null "${staff[@]}" -H 'Content-Type: application/json' -d '{"categoryCode":"sewer-blockage",
  "description":"宏安小区 2 号楼下水堵塞（归档训练）","channel":"PHONE","reporter":{"name":"训练","phone":"13900000000"},
  "location":{"communityCode":"beixinyuan","siteCode":"hongan","addressDetail":"2号楼"}}' "$base/api/tickets"

# SIGTERM: Quarkus stops, the JVM exits normally and writes the archive.
kill -TERM "$pid"
for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then keep "the training start did not stop within 60 s"; fi
wait "$pid" 2>/dev/null
pid=
[ -s "$work/app-cds.jsa" ] || { tail -20 "$work/training.log"; keep "the JVM wrote no archive"; }
mv -f "$work/app-cds.jsa" "$app_dir/app-cds.jsa"
echo "[appcds] app-cds.jsa recorded from a whole start: $(du -m "$app_dir/app-cds.jsa" | cut -f1) MB"
