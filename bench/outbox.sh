#!/usr/bin/env bash
# The outbox worker's throughput (see README, "Performance"): N queued messages, the real
# server's worker, a real SMTP server on loopback (Python's aiosmtpd, as in the tests).
#
#   bench/outbox.sh [N]       N messages (default 2000) on PostgreSQL, then on SQLite
#                             (each rendered by the worker when it claims it, as a booking's are)
#
# Environment: BENCH_PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres),
# BENCH_BIN (the server binary; default a fresh release build). The server runs as a role
# with neither SUPERUSER nor BYPASSRLS. Prints messages/s per backend.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BENCH_BIN:-$ROOT/target/release/hotelier}
ADMIN_URL=${BENCH_PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
COUNT=${1:-2000}
PORT=8766
SMTP_PORT=2526
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

[ -n "${BENCH_BIN:-}" ] || (cd "$ROOT" && cargo build --release --quiet)
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || { echo "error: apt-get install python3-aiosmtpd" >&2; exit 1; }

# One confirmed stay of the demo data (an Enterprise organization: no monthly cap, a
# guest with an address), COUNT confirmation events for it, as a booking writes them:
# the worker renders each when it claims it.
QUEUE="INSERT INTO outbox_messages (tenant_id, id, hotel_id, reservation_id, guest_id, event, status, attempts,
    due_at, created_at)
  SELECT r.tenant_id, %s, r.hotel_id, r.id, r.guest_id, 'booking_confirmed', 'queued', 0, %s, %s
  FROM (SELECT r.* FROM reservations r JOIN tenants t ON t.id = r.tenant_id
        JOIN guests g ON g.tenant_id = r.tenant_id AND g.id = r.guest_id
        WHERE t.plan = 'enterprise' AND r.status = 'confirmed' AND g.email IS NOT NULL AND NOT g.no_email
        LIMIT 1) r, %s"

measure() { # label url sql-client…
  local label=$1 url=$2; shift 2
  mkdir -p "$WORK/mail-$label"
  HOTELIER_SESSION_KEY=$(printf 'b%.0s' {1..64}) RUST_LOG=warn \
    "$BIN" --database-url "$url" --data-dir "$WORK" serve --demo --no-mail-worker --bind "127.0.0.1:$PORT" >"$WORK/seed.log" 2>&1 &
  local pid=$!
  until curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null; do kill -0 $pid 2>/dev/null || { cat "$WORK/seed.log"; exit 1; }; sleep 0.1; done
  kill $pid; wait $pid 2>/dev/null || true
  # The demo's own messages wait for no one here: only the bench's go out.
  "$@" "UPDATE outbox_messages SET status = 'cancelled' WHERE status = 'queued'"
  "$@" "$(queue_sql "$label")"
  /usr/bin/python3 "$ROOT/tests/app/support/smtp_server.py" $SMTP_PORT "$WORK/mail-$label" < <(sleep 100000) >/dev/null &
  PIDS+=($!)
  sleep 1
  local start=$(date +%s%N)
  HOTELIER_SESSION_KEY=$(printf 'b%.0s' {1..64}) RUST_LOG=warn \
    "$BIN" --database-url "$url" --data-dir "$WORK" serve --smtp-url "smtp://127.0.0.1:$SMTP_PORT?tls=none" \
    --bind "127.0.0.1:$PORT" >"$WORK/server.log" 2>&1 &
  pid=$!
  PIDS+=($pid)
  while [ "$(find "$WORK/mail-$label" -name '*.eml' | wc -l)" -lt "$COUNT" ]; do
    kill -0 $pid 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
    if [ $(( ($(date +%s%N) - start) / 1000000000 )) -gt 300 ]; then
      echo "error: $label: only $(find "$WORK/mail-$label" -name '*.eml' | wc -l) of $COUNT after 300 s" >&2
      "$@" "SELECT status, last_error, count(*) FROM outbox_messages GROUP BY 1, 2" >&2
      exit 1
    fi
    sleep 0.05
  done
  local ms=$(( ($(date +%s%N) - start) / 1000000 ))
  kill $pid; wait $pid 2>/dev/null || true
  local sent
  sent=$("$@" "SELECT count(*) FROM outbox_messages WHERE event = 'booking_confirmed' AND status = 'sent' AND subject IS NOT NULL")
  printf '| %s | %s messages | %s ms (server start included) | %s messages/s | %s marked sent |\n' \
    "$label" "$COUNT" "$ms" "$(awk -v n="$COUNT" -v ms="$ms" 'BEGIN { printf "%.0f", n * 1000 / ms }')" "$sent"
}

queue_sql() {
  case "$1" in
    postgres) printf "$QUEUE" "gen_random_uuid()" "now()" "now()" "generate_series(1, $COUNT) n" ;;
    sqlite) printf "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < $COUNT) $QUEUE" \
      "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-7' || substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))" \
      "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')" "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')" "s" ;;
  esac
}

psql_admin() { psql "$ADMIN_URL" -qAt -v ON_ERROR_STOP=1 -c "$1"; }
psql_admin "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hotelier_bench') THEN
  CREATE ROLE hotelier_bench LOGIN PASSWORD 'hotelier-bench' NOSUPERUSER NOBYPASSRLS; END IF; END \$\$;"
psql_admin "DROP DATABASE IF EXISTS hotelier_bench_outbox WITH (FORCE)"
psql_admin "CREATE DATABASE hotelier_bench_outbox OWNER hotelier_bench"
host=${ADMIN_URL#*@}; host=${host%%/*}
PG_URL="postgres://hotelier_bench:hotelier-bench@$host/hotelier_bench_outbox"
ADMIN_DB="${ADMIN_URL%/*}/hotelier_bench_outbox"
pg() { psql "$ADMIN_DB" -qAt -v ON_ERROR_STOP=1 -c "$1"; }
lite() { sqlite3 "$WORK/bench.db" "$1"; }

echo "| backend | queued | time | rate | recorded |"
echo "|---|---|---|---|---|"
measure postgres "$PG_URL" pg
SMTP_PORT=2527
command -v sqlite3 >/dev/null || apt-get install -y sqlite3 >/dev/null 2>&1 || true
measure sqlite "$WORK/bench.db" lite
