#!/usr/bin/env bash
# Measures the foundation's performance targets on a release build and prints a Markdown summary.
#
#   Benchmarks/foundation.sh             # SQLite
#   Benchmarks/foundation.sh --postgres  # also load the demo region into a throwaway PostgreSQL cluster
#
# Targets (issue «Foundation»): `oborot serve` ready in < 1 s on an existing demo database; idle memory < 100 MB;
# GET /api/v1/me with a bearer token at ≥ 50 % of a bare Hummingbird "hello" route's requests/s (wrk, 32 connections,
# same machine, same run); loading the demo region with 16,000 users < 30 s.
set -euo pipefail
cd "$(dirname "$0")/.."

WITH_POSTGRES=0
[ "${1:-}" = "--postgres" ] && WITH_POSTGRES=1
command -v wrk >/dev/null || apt-get install -y -q wrk >/dev/null
swift build -c release >/dev/null
BIN="$(swift build -c release --show-bin-path)/oborot"
WORK="$(mktemp -d)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]:-}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ "$WITH_POSTGRES" = 1 ] && throwaway_postgres_stop 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }
rss_mb() { awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

echo "## Foundation benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(swift --version 2>/dev/null | head -1)"
echo

# 1. Loading the demo region with 16,000 people.
start=$(now_ms)
OBOROT_DATA_DIR="$WORK/sqlite" OBOROT_LOG_LEVEL=warning "$BIN" demo --users 16000 >/dev/null
echo "- demo region with 16,000 users, SQLite: $(( $(now_ms) - start )) ms"
if [ "$WITH_POSTGRES" = 1 ]; then
  # shellcheck source=../scripts/lib/throwaway-postgres.sh
  source scripts/lib/throwaway-postgres.sh
  throwaway_postgres_start >/dev/null
  start=$(now_ms)
  OBOROT_DATABASE_URL="$THROWAWAY_PG_URL" OBOROT_LOG_LEVEL=warning "$BIN" demo --users 16000 >/dev/null
  echo "- demo region with 16,000 users, PostgreSQL: $(( $(now_ms) - start )) ms"
fi

# 2. Start-up on the existing database, five times; the time until /health answers 200.
times=()
for _ in 1 2 3 4 5; do
  port=$(free_port)
  start=$(now_ms)
  OBOROT_DATA_DIR="$WORK/sqlite" OBOROT_PORT=$port OBOROT_LOG_LEVEL=warning "$BIN" serve >/dev/null 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1; do sleep 0.005; done
  times+=($(( $(now_ms) - start )))
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
echo "- ready on an existing demo database (5 starts, ms, sorted; includes process start and the first /health): $sorted"

# 3. The real server and the bare hello server, side by side.
port=$(free_port)
OBOROT_DATA_DIR="$WORK/sqlite" OBOROT_PORT=$port OBOROT_LOG_LEVEL=warning "$BIN" serve >/dev/null 2>&1 &
server=$!; PIDS+=("$server")
hello_port=$(free_port)
"$BIN" bench hello --port "$hello_port" >/dev/null 2>&1 &
hello=$!; PIDS+=("$hello")
until curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && curl -fs "http://127.0.0.1:$hello_port/hello" >/dev/null 2>&1; do
  sleep 0.05
done
sleep 2
echo "- idle memory after start: $(rss_mb "$server") MB RSS"
token=$(curl -fs -X POST "http://127.0.0.1:$port/api/v1/session" -H 'content-type: application/json' \
  -d '{"login":"governor","password":"demo"}' | python3 -c 'import sys, json; print(json.load(sys.stdin)["token"])')

run_wrk() { wrk -t2 -c32 -d10s --latency "$@" 2>/dev/null; }
rps() { awk '/Requests\/sec/ { print $2 }'; }
percentile() { awk -v p="$1" '$1 == p { print $2 }'; }

run_wrk "http://127.0.0.1:$hello_port/hello" >/dev/null   # warm-up
hello_out=$(run_wrk "http://127.0.0.1:$hello_port/hello")
run_wrk -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/me" >/dev/null   # warm-up
me_out=$(run_wrk -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/me")
hello_rps=$(echo "$hello_out" | rps); me_rps=$(echo "$me_out" | rps)
echo
echo "| wrk -t2 -c32 -d10s | requests/s | p50 | p99 |"
echo "|---|---|---|---|"
echo "| bare Hummingbird GET /hello (\`oborot bench hello\`) | $hello_rps | $(echo "$hello_out" | percentile 50%) | $(echo "$hello_out" | percentile 99%) |"
echo "| GET /api/v1/me, bearer token, SQLite | $me_rps | $(echo "$me_out" | percentile 50%) | $(echo "$me_out" | percentile 99%) |"
echo
python3 -c "print(f'- /api/v1/me reaches {float($me_rps) / float($hello_rps) * 100:.0f} % of the bare route')"
echo "- memory after the load: $(rss_mb "$server") MB RSS"
