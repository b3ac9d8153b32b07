#!/usr/bin/env bash
# The load benchmark (see README, "Performance").
#
#   bench/run.sh            PostgreSQL at scale, PostgreSQL small (the baseline for the
#                           small tenant), then SQLite: the whole table
#   bench/run.sh pg         only PostgreSQL with 1,000 tenants / 1,000,000 reservations
#   bench/run.sh pg-small   only PostgreSQL with 10 tenants / 10,000 reservations
#   bench/run.sh sqlite     only SQLite, the demo data times ten
#   bench/run.sh cache      the organizations cache on and off (PostgreSQL, small data)
#   bench/run.sh instances  one instance, then two behind haproxy (deploy/haproxy.cfg) on
#                           loopback, on the small PostgreSQL data: it proves the path, not
#                           the speed, since the instances, haproxy and wrk share the cores
#
# Environment: BENCH_PG_ADMIN_URL (a role that may create roles and databases; default
# postgres://postgres@127.0.0.1:5432/postgres), BENCH_DURATION (10s), BENCH_WARMUP (3s),
# BENCH_CONNECTIONS (64), BENCH_THREADS (2), BENCH_TENANTS / BENCH_RESERVATIONS (the big
# dataset). For before/after pairs: BENCH_BIN (the server binary; default a fresh release
# build), BENCH_REUSE=1 (keep an already seeded database), BENCH_ONLY (an extended regex:
# only the scenarios whose label matches). The server runs as a role with neither SUPERUSER nor BYPASSRLS, so
# row-level security is on, and it signs in through the real form, CSRF token included.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BENCH_BIN:-$ROOT/target/release/hotelier}
WRK="$ROOT/bench/wrk"
ADMIN_URL=${BENCH_PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-3s}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
PORT=${BENCH_PORT:-8765}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
RESULTS="$ROOT/target/bench-results.md"
SERVER_PID=""
# Everything started in the background (servers, haproxy), stopped on exit.
STARTED=()

cleanup() {
  for pid in "${STARTED[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  rm -rf "$WORK"
}
trap cleanup EXIT

need() {
  command -v "$1" >/dev/null && return
  echo "installing $2 …" >&2
  (apt-get install -y "$2" >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y "$2" >/dev/null)) ||
    { echo "error: $1 is needed (apt-get install $2)" >&2; exit 1; }
}
need wrk wrk
need curl curl

[ -n "${BENCH_BIN:-}" ] || (cd "$ROOT" && cargo build --release --quiet)

# ---- databases -----------------------------------------------------------------------

pg_admin() { psql "$ADMIN_URL" -qAt -v ON_ERROR_STOP=1 -c "$1"; }

# A fresh database owned by the non-superuser bench role; prints its URL.
pg_database() {
  need psql postgresql-client
  local name=$1
  pg_admin "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hotelier_bench') THEN
              CREATE ROLE hotelier_bench LOGIN PASSWORD 'hotelier-bench' NOSUPERUSER NOBYPASSRLS; END IF; END \$\$;" >&2
  if [ "${BENCH_REUSE:-}" != 1 ] || [ -z "$(pg_admin "SELECT 1 FROM pg_database WHERE datname = '$name'")" ]; then
    pg_admin "DROP DATABASE IF EXISTS $name WITH (FORCE)" >&2
    pg_admin "CREATE DATABASE $name OWNER hotelier_bench" >&2
  fi
  local host_part=${ADMIN_URL#*@}
  echo "postgres://hotelier_bench:hotelier-bench@${host_part%%/*}/$name$(pg_app_params "${host_part%%/*}")"
}

# How the server reaches PostgreSQL on this machine: through its Unix socket when there is
# one (an app and its database sharing a host), else TCP without TLS. Measured on /hotels:
# TLS on loopback cost 17 % of the throughput, and TCP instead of the socket another 10 %.
pg_app_params() { # host:port
  case "${1%%:*}" in 127.0.0.1 | localhost) ;; *) return ;; esac
  local dir port
  dir=$(pg_admin "SHOW unix_socket_directories" | cut -d, -f1 | xargs)
  port=$(pg_admin "SHOW port")
  if [ -S "$dir/.s.PGSQL.$port" ]; then echo "?host=$dir"; else echo "?sslmode=disable"; fi
}

seed() { # url tenants reservations
  # BENCH_REUSE=1 keeps a database that is seeded already (pg_database kept it).
  if [ "${BENCH_REUSE:-}" = 1 ] && case "$1" in postgres://*) [ "$(psql "$1" -Atc 'SELECT count(*) > 0 FROM tenants' 2>/dev/null)" = t ] ;; *) false ;; esac; then
    echo "reusing the seeded database" >&2
    return
  fi
  local started=$SECONDS
  "$BIN" --database-url "$1" migrate >/dev/null
  "$BIN" --database-url "$1" seed --tenants "$2" --reservations "$3" >&2
  echo "seeded $2 tenants / $3 reservations in $((SECONDS - started)) s" >&2
  # Write the load's dirty pages out now: otherwise the checkpoint after a million-row
  # load runs during the first scenarios and slows them by up to a fifth.
  case "$1" in postgres://*) pg_admin "CHECKPOINT" >&2 ;; esac
}

# ---- the server ----------------------------------------------------------------------

# Starts one instance on a port and waits for its /readyz; sets SERVER_PID.
start_instance() { # port url [extra serve flags…]
  local port=$1 url=$2; shift 2
  HOTELIER_SESSION_KEY=$(printf 'b%.0s' {1..64}) RUST_LOG=warn \
    "$BIN" --database-url "$url" --data-dir "$WORK" serve --bind "127.0.0.1:$port" "$@" ${BENCH_SERVE_FLAGS:-} >"$WORK/server-$port.log" 2>&1 &
  SERVER_PID=$!
  STARTED+=("$SERVER_PID")
  until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server-$port.log" >&2; exit 1; }
    sleep 0.01
  done
}

start_server() { # url [extra serve flags…]
  local started
  started=$(date +%s%N)
  start_instance "$PORT" "$@"
  READY_MS=$(( ($(date +%s%N) - started) / 1000000 ))
  sleep 1
  IDLE_RSS=$(rss VmRSS)
}

stop_server() {
  for pid in "${STARTED[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; done
  STARTED=()
  SERVER_PID=""
}

rss() { awk -v k="$1:" '$1 == k { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status"; }

# Signs in through the form and sets COOKIE (the session cookie) and CSRF.
sign_in() { # email password
  local jar="$WORK/jar" page token
  rm -f "$jar"
  page=$(curl -s -c "$jar" -b "$jar" "$BASE/login")
  token=$(grep -o 'name="csrf_token" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf_token=$token" \
    --data-urlencode "email=$1" --data-urlencode "password=$2" "$BASE/login"
  COOKIE="hotelier_session=$(awk '$6 == "hotelier_session" { print $7 }' "$jar")"
  page=$(curl -s -b "$COOKIE" "$BASE/reservations/new")
  CSRF=$(grep -o 'name="csrf_token" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//; s/"$//')
  [ -n "$CSRF" ] || { echo "error: could not sign in as $1" >&2; exit 1; }
}

first_id() { # path pattern-prefix
  curl -s -b "$COOKIE" "$BASE$1" | grep -o "$2[0-9a-f-]\{36\}" | head -1 | sed "s|$2||"
}

# ---- scenarios -----------------------------------------------------------------------

# run LABEL SCRIPT PATH [wrk script args…]: warm-up, then the measured run; appends a row.
run() {
  local label=$1 script=$2 path=$3; shift 3
  if [ -n "${BENCH_ONLY:-}" ] && ! grep -Eq "$BENCH_ONLY" <<<"$label"; then return; fi
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$WRK/$script" "$BASE$path" -- "$@" >/dev/null
  local out
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$WRK/$script" "$BASE$path" -- "$@" | grep '^RESULT')
  local rps p50 p99 errors conflicts
  rps=$(grep -o 'rps=[0-9.]*' <<<"$out" | cut -d= -f2)
  p50=$(grep -o 'p50=[0-9.]*' <<<"$out" | cut -d= -f2)
  p99=$(grep -o 'p99=[0-9.]*' <<<"$out" | cut -d= -f2)
  errors=$(grep -o 'errors=[0-9]*' <<<"$out" | cut -d= -f2)
  conflicts=$(grep -o 'conflicts=[0-9]*' <<<"$out" | cut -d= -f2)
  local extra=""
  if [ "$script" = book.lua ]; then
    extra=" ($(grep -o 'bookings_per_s=[0-9.]*' <<<"$out" | cut -d= -f2) bookings/s)"
  fi
  printf '| %s | %s | %s%s | %s | %s | %s | %s | %s |\n' "$DATASET" "$label" "$rps" "$extra" "$p50" "$p99" \
    "$errors" "$conflicts" "$(rss VmHWM)" | tee -a "$RESULTS"
}

# Sets HOTEL, RESERVATION, GUEST and ROOM_TYPE: the signed-in organization's first hotel,
# a confirmed stay, a guest, and a room type free for three nights from today.
stay_ids() {
  HOTEL=$(first_id /hotels '/hotels/')
  RESERVATION=$(first_id "/reservations?status=confirmed" '/reservations/')
  GUEST=$(first_id /guests '/guests/')
  SEARCH="/reservations/new?hotel=$HOTEL&check_in=$(date -u +%F)&check_out=$(date -u -d '+3 days' +%F)&adults=2&children=0"
  ROOM_TYPE=$(curl -s -b "$COOKIE" "$BASE$SEARCH" | grep -o 'room_type=[0-9a-f-]\{36\}' | head -1 | cut -d= -f2)
}

scenarios() { # email deep-page
  sign_in "$1" hotelier-seed
  stay_ids
  local today
  today=$(date -u +%F)
  curl -s -o /dev/null -b "$COOKIE" --data-urlencode "csrf_token=$CSRF" --data-urlencode "hotel=$HOTEL" "$BASE/kiosk/hotel" \
    -c "$WORK/kiosk-jar"
  local kiosk_cookie
  kiosk_cookie="hotelier_session=$(awk '$6 == "hotelier_session" { print $7 }' "$WORK/kiosk-jar")"

  run "GET /login" page.lua /login ""
  run "dashboard" page.lua / "$COOKIE"
  run "reservations, page 1" page.lua /reservations "$COOKIE"
  run "reservations, page $2" page.lua "/reservations?page=$2" "$COOKIE"
  run "reservation page" page.lua "/reservations/$RESERVATION" "$COOKIE"
  run "tape chart" page.lua "/calendar?hotel=$HOTEL" "$COOKIE"
  if [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$kiosk_cookie" "$BASE/kiosk")" = 200 ]; then
    run "kiosk arrivals" page.lua /kiosk "$kiosk_cookie"
  else
    printf '| %s | kiosk arrivals | not in this organization'"'"'s plan | | | | | |\n' "$DATASET" | tee -a "$RESULTS"
  fi
  run "availability search" page.lua "$SEARCH" "$COOKIE"
  # Seven nights, every plan of each room type (the seeders give each hotel three).
  local week="/reservations/new?hotel=$HOTEL&check_in=$today&check_out=$(date -u -d '+7 days' +%F)&adults=2&children=0"
  run "availability, 7 nights × 3 plans" page.lua "$week" "$COOKIE"
  # The rate calendar of the organization's largest hotel, 30 days wide.
  local largest="${LARGEST_HOTEL:-$HOTEL}"
  run "rate calendar, 30 days" page.lua "/rates?hotel=$largest&days=30" "$COOKIE"
  run "booking + cancel (POST)" book.lua /reservations "$COOKIE" "$CSRF" "$HOTEL" "$ROOM_TYPE" "$GUEST"
}

header() {
  {
    echo
    echo "$1"
    echo
    echo "| data | scenario | req/s | p50 ms | p99 ms | errors | conflicts | peak RSS MB |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|"
  } | tee -a "$RESULTS"
}

footer() {
  echo "start to /readyz: ${READY_MS} ms; idle RSS after start: ${IDLE_RSS} MB; peak RSS: $(rss VmHWM) MB" | tee -a "$RESULTS"
}

bench_pg() {
  local url
  url=$(pg_database hotelier_bench_big)
  seed "$url" "${BENCH_TENANTS:-1000}" "${BENCH_RESERVATIONS:-1000000}"
  header "PostgreSQL, ${BENCH_TENANTS:-1000} tenants / ${BENCH_RESERVATIONS:-1000000} reservations, RLS on"
  start_server "$url"
  LARGEST_HOTEL=$(psql "${ADMIN_URL%/*}/hotelier_bench_big" -Atc "SELECT h.id FROM hotels h JOIN tenants t ON t.id = h.tenant_id \
    WHERE t.slug = 'big-chain' ORDER BY (SELECT count(*) FROM rooms r WHERE r.tenant_id = h.tenant_id \
    AND r.hotel_id = h.id) DESC LIMIT 1") DATASET="big tenant" scenarios staff@big-chain.seed 500
  # Page 5 for the small tenants: the baseline's has about 140 stays (6 pages), so a
  # deeper page would be an empty one there and not the same work.
  DATASET="small tenant" scenarios staff@org-0500.seed 5
  footer
  stop_server
}

bench_pg_small() {
  local url
  url=$(pg_database hotelier_bench_small)
  seed "$url" 10 10000
  header "PostgreSQL, 10 tenants / 10,000 reservations (baseline for the small tenant), RLS on"
  start_server "$url"
  DATASET="small tenant" scenarios staff@org-0005.seed 5
  footer
  stop_server
}

bench_sqlite() {
  local url="sqlite://$WORK/bench.db"
  seed "$url" 30 22000
  header "SQLite, the demo data times ten (30 tenants / 22,000 reservations)"
  start_server "$url"
  DATASET="big tenant" scenarios staff@big-chain.seed 100
  footer
  stop_server
}

bench_cache() {
  local url
  url=$(pg_database hotelier_bench_cache)
  seed "$url" 10 10000
  for ttl in 0 10; do
    header "Organizations cache: --tenant-cache-seconds $ttl (PostgreSQL, 10 tenants / 10,000 reservations)"
    start_server "$url" --tenant-cache-seconds "$ttl"
    sign_in staff@big-chain.seed hotelier-seed
    DATASET="ttl $ttl" run "reservation list" page.lua /reservations "$COOKIE"
    DATASET="ttl $ttl" run "rooms" page.lua /rooms "$COOKIE"
    DATASET="ttl $ttl" run "hotels" page.lua /hotels "$COOKIE"
    stop_server
  done
}

# Two instances on ports PORT+1 and PORT+2 behind haproxy on PORT, with the example
# configuration's settings (deploy/haproxy.cfg, ports rewritten): round robin, no
# stickiness, health checks on /readyz.
start_two_behind_haproxy() { # url
  need haproxy haproxy
  start_instance $((PORT + 1)) "$1"
  start_instance $((PORT + 2)) "$1"
  sed -e "s/127.0.0.1:8080/127.0.0.1:$PORT/; s/127.0.0.1:8081/127.0.0.1:$((PORT + 1))/; s/127.0.0.1:8082/127.0.0.1:$((PORT + 2))/" \
    "$ROOT/deploy/haproxy.cfg" >"$WORK/haproxy.cfg"
  haproxy -db -f "$WORK/haproxy.cfg" >"$WORK/haproxy.log" 2>&1 &
  STARTED+=("$!")
  # Both servers up in haproxy's eyes (rise 2, inter 1s) before anything is measured.
  until [ "$(curl -s "$BASE/readyz" -o /dev/null -w '%{http_code}')" = 200 ]; do sleep 0.1; done
  sleep 3
}

instance_scenarios() {
  sign_in staff@org-0005.seed hotelier-seed
  stay_ids
  run "dashboard" page.lua / "$COOKIE"
  run "reservations, page 1" page.lua /reservations "$COOKIE"
  run "reservation page" page.lua "/reservations/$RESERVATION" "$COOKIE"
  run "booking + cancel (POST)" book.lua /reservations "$COOKIE" "$CSRF" "$HOTEL" "$ROOM_TYPE" "$GUEST"
}

bench_instances() {
  local url
  url=$(pg_database hotelier_bench_small)
  seed "$url" 10 10000
  header "One instance (PostgreSQL, 10 tenants / 10,000 reservations, RLS on)"
  start_server "$url"
  DATASET="one instance" instance_scenarios
  stop_server
  header "Two instances behind haproxy on loopback (same data; peak RSS: instance a)"
  start_two_behind_haproxy "$url"
  SERVER_PID=${STARTED[0]} DATASET="two instances" instance_scenarios
  # Each instance's share of the requests, from its own counters: both served.
  for port in $((PORT + 1)) $((PORT + 2)); do
    echo "instance :$port answered $(curl -s "http://127.0.0.1:$port/metrics" |
      awk '/^hotelier_http_requests_total/ { n += $NF } END { printf "%d", n }') requests" | tee -a "$RESULTS"
  done
  stop_server
}

echo "# Benchmark $(date -u '+%F %H:%M') UTC on $(nproc) cores, $(awk '/model name/ { $1=$2=$3=""; print; exit }' /proc/cpuinfo)" \
  | tee -a "$RESULTS"
case "${1:-all}" in
  pg) bench_pg ;;
  pg-small) bench_pg_small ;;
  sqlite) bench_sqlite ;;
  cache) bench_cache ;;
  instances) bench_instances ;;
  all) bench_pg; bench_pg_small; bench_sqlite ;;
  *) echo "usage: bench/run.sh [all|pg|pg-small|sqlite|cache|instances]" >&2; exit 2 ;;
esac
echo "results appended to $RESULTS" >&2
