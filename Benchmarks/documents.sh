#!/usr/bin/env bash
# Measures the documents issue's targets on a release build and prints a Markdown summary.
#
#   Benchmarks/documents.sh [--documents N] [--postgres] [--seconds S]
#
# Targets (issue «Documents»): seeding ≥ 20,000 documents/s (`oborot demo --documents N`); registration through the
# API with 32 concurrent clients ≥ 2,000 documents/s on SQLite and ≥ 1,000/s on PostgreSQL, numbering verified gapless
# afterwards; a journal page (50 rows) p95 < 20 ms at 1,000,000 documents; a 10 MB upload + download at ≥ 200 MB/s
# with flat memory.
set -euo pipefail
cd "$(dirname "$0")/.."

DOCUMENTS=1000000
WITH_POSTGRES=0
SECONDS_PER_RUN=15
while [ $# -gt 0 ]; do
  case "$1" in
    --documents) DOCUMENTS="$2"; shift 2 ;;
    --postgres) WITH_POSTGRES=1; shift ;;
    --seconds) SECONDS_PER_RUN="$2"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || apt-get install -y -q wrk >/dev/null
swift build -c release >/dev/null 2>&1
BIN="$(swift build -c release --show-bin-path)/oborot"
WORK="$(mktemp -d)"
SERVER=""
cleanup() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
  [ "$WITH_POSTGRES" = 1 ] && throwaway_postgres_stop 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
rss_mb() { awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

echo "## Documents benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $DOCUMENTS seeded documents"

run_suite() {
  local label="$1"; shift
  local -a env=("$@")
  echo
  echo "### $label"
  echo
  local seed_out
  seed_out=$(env "${env[@]}" OBOROT_LOG_LEVEL=warning "$BIN" demo --documents "$DOCUMENTS" | grep "Загружено документов")
  echo "- seeding: $seed_out"

  local port; port=$(free_port)
  env "${env[@]}" OBOROT_PORT="$port" OBOROT_LOG_LEVEL=warning "$BIN" serve >/dev/null 2>&1 &
  SERVER=$!
  local base="http://127.0.0.1:$port"
  until curl -fs "$base/health" >/dev/null 2>&1; do sleep 0.1; done
  echo "- server memory after start: $(rss_mb "$SERVER") MB RSS"
  local token
  token=$(curl -fs -X POST "$base/api/v1/session" -H 'content-type: application/json' -d '{"login":"registrar","password":"demo"}' |
    python3 -c 'import sys, json; print(json.load(sys.stdin)["token"])')
  python3 Benchmarks/lib/targets.py "$base" "$token" > "$WORK/targets.txt"
  echo "- registering into $(wc -l < "$WORK/targets.txt") incoming journals of the region's bodies, round robin"

  local out
  out=$(OBOROT_TOKEN="$token" OBOROT_TARGETS="$WORK/targets.txt" wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency -s Benchmarks/lib/register.lua "$base/api/v1/documents")
  echo "- registration via API, wrk -t2 -c32 -d${SECONDS_PER_RUN}s: $(echo "$out" | awk '/Requests\/sec/ {print $2}') documents/s, $(echo "$out" | awk '/^p95/ {print $2, $3}') p95, non-2xx: $(echo "$out" | awk '/Non-2xx/ {print $5}' | grep . || echo 0)"

  local journal
  journal=$(python3 Benchmarks/lib/busiest_journal.py "$base" "$token" "$WORK/targets.txt")
  out=$(wrk -t2 -c32 -d10s --latency -s Benchmarks/lib/p95.lua -H "Authorization: Bearer $token" "$base/api/v1/documents?journalId=$journal&limit=50")
  echo "- journal page (50 rows, newest numbers first), wrk -c32: $(echo "$out" | awk '/Requests\/sec/ {print $2}') req/s, p95 $(echo "$out" | awk '/^p95/ {print $2, $3}'), p99 $(echo "$out" | awk '$1 == "99%" {print $2}')"
  out=$(wrk -t2 -c32 -d10s --latency -s Benchmarks/lib/p95.lua -H "Authorization: Bearer $token" "$base/api/v1/documents?limit=50")
  echo "- all documents the region's registrar may see (50 rows, newest first): $(echo "$out" | awk '/Requests\/sec/ {print $2}') req/s, p95 $(echo "$out" | awk '/^p95/ {print $2, $3}')"

  python3 Benchmarks/lib/files.py "$base" "$token" "$SERVER"
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
  SERVER=""
  python3 Benchmarks/lib/gapless.py "${env[@]}"
}

run_suite "SQLite" OBOROT_DATA_DIR="$WORK/sqlite"
if [ "$WITH_POSTGRES" = 1 ]; then
  # shellcheck source=../scripts/lib/throwaway-postgres.sh
  source scripts/lib/throwaway-postgres.sh
  throwaway_postgres_start >/dev/null
  run_suite "PostgreSQL (throwaway cluster, fsync=off)" OBOROT_DATA_DIR="$WORK/pg" OBOROT_DATABASE_URL="$THROWAWAY_PG_URL"
fi
