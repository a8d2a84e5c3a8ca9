#!/usr/bin/env bash
# Authenticated request rate: what HTTP Basic costs once verified credentials are cached.
# Needs wrk (apt-get install wrk) and a running service with demo data on port 8080, e.g.
#   ./mvnw package -DskipTests && COMMUNITYDESK_DEMO_ENABLED=true java -jar target/quarkus-app/quarkus-run.jar
# Compares, side by side in one run (wrk shares the 2 cores with the service):
#   1. a public read without credentials,
#   2. the same read signed in (one bcrypt check per user per minute, then the cache),
#   3. an unknown user, for whom every request costs a bcrypt check (answers 401).
set -euo pipefail
BASE=${BASE:-http://127.0.0.1:8080}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-8}
USER_PASS=${USER_PASS:-admin:communitydesk-demo}

auth() { printf 'Authorization: Basic %s' "$(printf '%s' "$1" | base64)"; }

run() {
    local label=$1; shift
    local rate
    rate=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" "$@" | awk '/Requests\/sec/ {print $2}')
    printf '%-55s %10s req/s\n' "$label" "$rate"
}

curl -fsS -o /dev/null -H "$(auth "$USER_PASS")" "$BASE/api/me" || { echo "Cannot sign in at $BASE as ${USER_PASS%%:*}"; exit 1; }
# Warm the JIT up on the signed-in paths first, so that the first row is not the slowest for that reason.
wrk -t2 -c"$CONNECTIONS" -d5s "$BASE/api/categories" > /dev/null
wrk -t2 -c"$CONNECTIONS" -d5s -H "$(auth "$USER_PASS")" "$BASE/api/tickets?size=20" > /dev/null
run "GET /api/categories, no credentials" "$BASE/api/categories"
run "GET /api/categories, signed in (cached credentials)" -H "$(auth "$USER_PASS")" "$BASE/api/categories"
run "GET /api/tickets?size=20, signed in (cached credentials)" -H "$(auth "$USER_PASS")" "$BASE/api/tickets?size=20"
run "GET /api/tickets?size=20, unknown user (bcrypt each time)" -H "$(auth "nobody:wrong-password")" "$BASE/api/tickets?size=20"
