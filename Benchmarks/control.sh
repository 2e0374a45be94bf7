#!/usr/bin/env bash
# Measures the execution-control issue's targets on a release build and prints a Markdown summary.
#
#   Benchmarks/control.sh [--assignments N] [--documents N] [--postgres | --only-postgres] [--http]
#
# Targets (issue «Execution control»): with 1,000,000 assignments across the demo region, an inbox page p95 < 20 ms
# for a user holding 10,000 assignments; the whole-region discipline report for a year < 1 s on both databases; the
# reminder job scans the region in < 5 s. `oborot bench control` loads the assignments (bulk) and measures the
# queries in-process; `--http` adds wrk against GET /api/v1/assignments for the same person through the server.
set -euo pipefail
cd "$(dirname "$0")/.."

ASSIGNMENTS=1000000
DOCUMENTS=100000
WITH_POSTGRES=0
WITH_HTTP=0
WITH_SQLITE=1
while [ $# -gt 0 ]; do
  case "$1" in
    --assignments) ASSIGNMENTS="$2"; shift 2 ;;
    --documents) DOCUMENTS="$2"; shift 2 ;;
    --postgres) WITH_POSTGRES=1; shift ;;
    --http) WITH_HTTP=1; shift ;;
    --only-postgres) WITH_POSTGRES=1; WITH_SQLITE=0; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
swift build -c release --product oborot >/dev/null 2>&1
BIN="$(swift build -c release --show-bin-path)/oborot"
WORK="$(mktemp -d)"
SERVER=""
# shellcheck source=scripts/lib/throwaway-postgres.sh
. scripts/lib/throwaway-postgres.sh
cleanup() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
  [ "$WITH_POSTGRES" = 1 ] && throwaway_postgres_stop 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

echo "## Execution control benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $ASSIGNMENTS assignments"

run_suite() {
  local label="$1"; shift
  local -a env=("$@")
  echo
  echo "### $label"
  echo
  echo '```'
  env "${env[@]}" OBOROT_LOG_LEVEL=warning "$BIN" demo --documents "$DOCUMENTS" | grep -E "Загружен|документов" || true
  env "${env[@]}" OBOROT_LOG_LEVEL=warning "$BIN" bench control --assignments "$ASSIGNMENTS" | grep -v "поручений загружено:"
  echo '```'
  if [ "$WITH_HTTP" = 1 ]; then
    command -v wrk >/dev/null || apt-get install -y -q wrk >/dev/null
    local port; port=$(free_port)
    env "${env[@]}" OBOROT_PORT="$port" OBOROT_LOG_LEVEL=warning "$BIN" serve >/dev/null 2>&1 &
    SERVER=$!
    local base="http://127.0.0.1:$port"
    until curl -fs "$base/health" >/dev/null 2>&1; do sleep 0.1; done
    local token
    token=$(curl -fs -X POST "$base/api/v1/session" -H 'content-type: application/json' \
      -d '{"login":"minfin-ro.dep1.specialist","password":"demo"}' | python3 -c 'import sys, json; print(json.load(sys.stdin)["token"])')
    local out
    for connections in 1 8; do
      out=$(wrk -t1 -c"$connections" -d10s --latency -s Benchmarks/lib/p95.lua -H "Authorization: Bearer $token" "$base/api/v1/assignments?inbox=todo&limit=50")
      echo "- HTTP GET /api/v1/assignments?inbox=todo (50 rows), wrk -c$connections: $(echo "$out" | awk '/Requests\/sec/ {print $2}') req/s, p95 $(echo "$out" | awk '/^p95/ {print $2, $3}')"
    done
    out=$(wrk -t2 -c8 -d10s --latency -s Benchmarks/lib/p95.lua -H "Authorization: Bearer $token" "$base/api/v1/assignments/counts")
    echo "- HTTP GET /api/v1/assignments/counts, wrk -c8: $(echo "$out" | awk '/Requests\/sec/ {print $2}') req/s, p95 $(echo "$out" | awk '/^p95/ {print $2, $3}')"
    kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
    SERVER=""
  fi
}

if [ "$WITH_SQLITE" = 1 ]; then
  run_suite "SQLite" OBOROT_DATA_DIR="$WORK/sqlite"
fi
if [ "$WITH_POSTGRES" = 1 ]; then
  throwaway_postgres_start >/dev/null
  run_suite "PostgreSQL (throwaway cluster, fsync=off)" OBOROT_DATA_DIR="$WORK/pg" OBOROT_DATABASE_URL="$THROWAWAY_PG_URL"
fi
