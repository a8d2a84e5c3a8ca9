#!/usr/bin/env bash
# Loads N synthetic tickets (default 1,000,000) straight into a CommunityDesk database, with their
# assignments, extra reports, feedback and timelines, for src/bench/dashboard-queue.sh. A benchmark
# aid, not a test. Usage, from anywhere in the repository:
#
#   src/bench/load-tickets.sh h2 [N]           # H2 file database data/bench/communitydesk
#   src/bench/load-tickets.sh postgresql [N]   # database communitydesk_bench on 127.0.0.1, created if missing
#   src/bench/load-tickets.sh h2|postgresql check   # counts, shares and invariants (check-tickets.sql)
#
# Settings (environment): BENCH_H2_FILE (the H2 file without .mv.db), BENCH_PG_DB, PGHOST, PGPORT,
# PGUSER, BENCH_CHUNK (tickets per statement), BENCH_APP_DIR (the packaged app built for that database,
# used once to create the schema; default target/bench-h2 or target/bench-postgresql, see README).
#
# The schema comes from Flyway only, so when the database has no ticket table yet the script starts
# the packaged app against it once (with demo data on, which also creates the demo users that the
# measurements sign in as) and stops it. H2 in file mode admits one process: stop the app first.
# Tickets are added to what is there; start from a new database to get exactly N (plus the 10 demo ones).
# The tickets use the reference data of V2 (6 communities, 3 compounds, 7 categories, 5 organizations).
set -euo pipefail

DB=${1:?usage: load-tickets.sh h2|postgresql [N]}
N=${2:-1000000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH="$ROOT/src/bench"
ZONE=${BENCH_ZONE:-Asia/Shanghai}
SPAN=$((3 * 365 * 86400))          # three years of reports, up to now
NOW=$(date +%s)
H2_FILE=${BENCH_H2_FILE:-$ROOT/data/bench/communitydesk}
PG_DB=${BENCH_PG_DB:-communitydesk_bench}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}

case "$DB" in
    h2)
        # The app's user (application.properties). No CACHE_SIZE in the URL: H2 would keep it in the file.
        URL="jdbc:h2:file:$H2_FILE"
        APP_DIR=${BENCH_APP_DIR:-$ROOT/target/bench-h2}
        # The H2 the app was built with (the pom pins it), not whichever version the local repository holds.
        H2_JAR=${BENCH_H2_JAR:-$(ls "$APP_DIR"/lib/main/com.h2database.h2-*.jar 2>/dev/null | head -1)}
        [ -f "$H2_JAR" ] || { echo "No H2 jar in $APP_DIR/lib/main (build and copy the app first, see README)"; exit 1; }
        # The app's classes too: H2 runs the ticket_tally trigger (TicketTallyTrigger) on every ticket written.
        CP="$H2_JAR:$APP_DIR/app/*"
        run_sql() { java -Xmx2g -cp "$CP" org.h2.tools.RunScript -url "$URL" \
            -user communitydesk -password "" -script "$1"; }
        # Shell prints a header line, the value, then "(1 row, …)".
        query() { java -cp "$CP" org.h2.tools.Shell -url "$URL" -user communitydesk -password "" -sql "$1"; }
        value() { query "$1" | sed -n 2p | tr -d ' '; }
        SERIES=SYSTEM_RANGE UNLOGGED= CHUNK=${BENCH_CHUNK:-25000}
        ;;
    postgresql)
        URL="jdbc:postgresql://$PGHOST:$PGPORT/$PG_DB"
        APP_DIR=${BENCH_APP_DIR:-$ROOT/target/bench-postgresql}
        run_sql() { PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 -d "$PG_DB" -f "$1"; }
        query() { psql -X -v ON_ERROR_STOP=1 -d "$PG_DB" -c "$1"; }
        value() { psql -X -At -v ON_ERROR_STOP=1 -d "$PG_DB" -c "$1"; }
        SERIES=generate_series UNLOGGED=UNLOGGED CHUNK=${BENCH_CHUNK:-100000}
        if [ -z "$(psql -X -At -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" ]; then
            echo "Creating database $PG_DB"
            psql -X -q -d postgres -c "CREATE DATABASE $PG_DB"
        fi
        ;;
    *) echo "usage: load-tickets.sh h2|postgresql [N]"; exit 1 ;;
esac

# The schema, from the app's own Flyway migrations: start the packaged app once and stop it when ready.
create_schema() {
    local jar="$APP_DIR/quarkus-run.jar" port=${BENCH_INIT_PORT:-8099} log
    [ -f "$jar" ] || { echo "No packaged app at $jar; build it as the README's Benchmark section says"; exit 1; }
    log=$(mktemp)
    echo "Creating the schema: starting $jar once (log: $log)"
    local profile=()
    [ "$DB" = postgresql ] && profile=(QUARKUS_PROFILE=postgresql)
    env "${profile[@]}" QUARKUS_DATASOURCE_JDBC_URL="$URL" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" \
        COMMUNITYDESK_DEMO_ENABLED=true java -jar "$jar" > "$log" 2>&1 &
    local pid=$!
    for _ in $(seq 1 120); do
        if curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null; then
            kill "$pid"; wait "$pid" || true
            return
        fi
        kill -0 "$pid" 2>/dev/null || { echo "The app stopped; see $log"; exit 1; }
        sleep 1
    done
    kill "$pid"; echo "The app did not get ready in 120 s; see $log"; exit 1
}

if [ "$N" = check ]; then
    query "$(sed -e "s/@NOW@/$NOW/g" -e '/^--/d' "$BENCH/check-tickets.sql")"
    exit
fi
if [ "$DB" = h2 ]; then
    mkdir -p "$(dirname "$H2_FILE")"
fi
if [ "$(value "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) = 'ticket'")" = 0 ]; then
    create_schema
fi

# Synthetic ids and tracking numbers follow whatever is there (the demo tickets, an earlier load).
BASE=$(value "SELECT COALESCE(MAX(id), 0) FROM ticket")
if [ "$DB" = h2 ]; then
    CODE_BASE=$(value "SELECT BASE_VALUE - 1 FROM INFORMATION_SCHEMA.SEQUENCES WHERE LOWER(SEQUENCE_NAME) = 'ticket_code_seq'")
else
    CODE_BASE=$(value "SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM ticket_code_seq")
fi
echo "Loading $N tickets into $URL after ticket id $BASE and tracking number $CODE_BASE, $CHUNK per chunk"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fill() {  # the SQL template $1 with this run's numbers
    sed -e "s/@SERIES@/$SERIES/g" -e "s/@UNLOGGED@/$UNLOGGED/g" -e "s|@ZONE@|$ZONE|g" \
        -e "s/@EPOCH@/TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00'/g" \
        -e "s/@N@/$N/g" -e "s/@BASE@/$BASE/g" -e "s/@CODEBASE@/$CODE_BASE/g" -e "s/@NOW@/$NOW/g" \
        -e "s/@SPAN@/$SPAN/g" -e "s/@LO@/${LO:-0}/g" -e "s/@HI@/${HI:-0}/g" \
        -e "s/@NEXT_ID@/$((BASE + N + 1))/g" -e "s/@NEXT_CODE@/$((CODE_BASE + N + 1))/g" "$1"
}

start=$(date +%s)
# Chunks of CHUNK tickets per statement (H2 slows down with big transactions), a JVM or psql per
# 100,000 tickets so that progress shows.
for ((BATCH = 1; BATCH <= N; BATCH += 100000)); do
    : > "$work/batch.sql"
    for ((LO = BATCH; LO < BATCH + 100000 && LO <= N; LO += CHUNK)); do
        HI=$((LO + CHUNK - 1 < N ? LO + CHUNK - 1 : N))
        fill "$BENCH/load-tickets-chunk.sql" >> "$work/batch.sql"
    done
    run_sql "$work/batch.sql"
    echo "  $HI tickets after $(($(date +%s) - start)) s"
done
fill "$BENCH/load-tickets-finish.sql" > "$work/finish.sql"
run_sql "$work/finish.sql"
loaded=$(($(date +%s) - start))

# Fresh statistics for the planner (PostgreSQL's VACUUM also sets the visibility map for index-only
# scans). H2's file grows about fourfold during a bulk load; SHUTDOWN COMPACT rewrites it in seconds.
if [ "$DB" = h2 ]; then
    printf 'ANALYZE;\nSHUTDOWN COMPACT;\n' > "$work/analyze.sql"
    run_sql "$work/analyze.sql"
    size=$(du -h "$H2_FILE.mv.db" | cut -f1)
else
    # The tally trigger updated its few rows once per ticket inside each chunk's transaction, where no version
    # could be pruned: ticket_tally came out at 595 MB for 4,000 rows after 10,000,000 tickets, and every queue
    # page that sums it read all of that (250 ms). VACUUM FULL rewrites it at its size (ordinary work, one ticket
    # per transaction, keeps it small by itself).
    psql -X -q -d "$PG_DB" -c "VACUUM FULL ticket_tally"
    psql -X -q -d "$PG_DB" -c "VACUUM ANALYZE"
    size=$(value "SELECT pg_size_pretty(pg_database_size('$PG_DB'))")
fi
echo "Loaded $N tickets in $loaded s, statistics after $(($(date +%s) - start)) s; database size $size"
