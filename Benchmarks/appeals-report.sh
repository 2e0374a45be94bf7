#!/usr/bin/env bash
# Measures the appeals report over a region's half a million appeals (issue «Citizen appeals»: the monthly report
# for the whole region over 500,000 appeals < 2 s on both databases) through the real HTTP API, release build.
#
#   Benchmarks/appeals-report.sh [--appeals N] [--postgres | --only-postgres] [--keep DIR]
#
# Seeds the demo region with N appeals (`oborot demo --appeals N`, registered from 10 January over three months, two
# questions on average, a third closed), starts `oborot serve`, signs in as the government's registrar and asks
# for the region's report three times for the whole seed and for February alone, printing each time. `--keep DIR`
# keeps (and on the next run reuses) the SQLite data folder, as seeding takes minutes.
set -euo pipefail
cd "$(dirname "$0")/.."

APPEALS=500000
SQLITE=1
POSTGRES=0
KEEP=""
while [ $# -gt 0 ]; do
  case "$1" in
    --appeals) APPEALS="$2"; shift 2 ;;
    --postgres) POSTGRES=1; shift ;;
    --only-postgres) POSTGRES=1; SQLITE=0; shift ;;
    --keep) KEEP="$2"; shift 2 ;;
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
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true
  wait 2>/dev/null || true
  [ "$POSTGRES" = 1 ] && throwaway_postgres_stop 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
export OBOROT_LOG_LEVEL=warning

measure() {
  local label="$1" data="$2"
  export OBOROT_DATA_DIR="$data"
  if [ ! -f "$data/.seeded-$APPEALS" ]; then
    /usr/bin/time -f "seeding $APPEALS appeals: %e s, max RSS %M KB" "$BIN" demo --appeals "$APPEALS" >/dev/null
    touch "$data/.seeded-$APPEALS"
  fi
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  export OBOROT_PORT="$PORT"
  local started; started=$(date +%s.%N)
  "$BIN" serve >"$WORK/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$PORT/login" >/dev/null && break; sleep 0.2; done
  printf 'server up (migrations included) in %.1f s\n' "$(echo "$(date +%s.%N) - $started" | bc)"
  local base="http://127.0.0.1:$PORT" token org
  token="$(curl -fs -H 'Content-Type: application/json' -d '{"login":"registrar","password":"demo"}' "$base/api/v1/session" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"
  org="$(curl -fs -H "Authorization: Bearer $token" "$base/api/v1/me" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["organization"]["id"])')"
  echo "## $label — $APPEALS appeals, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores"
  for period in "from=2026-01-01&to=2026-12-31 the whole seed" "from=2026-02-01&to=2026-02-28 February"; do
    local query="${period%% *}" name="${period#* }"
    for run in 1 2 3; do
      curl -fs -o "$WORK/report.json" -w "$name, run $run: %{time_total} s" -H "Authorization: Bearer $token" \
        "$base/api/v1/appeal-reports/statistics?organizationId=$org&$query"
      python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(" — %d appeals, %d questions" % (r["appeals"], r["questions"]))' "$WORK/report.json"
    done
  done
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
}

if [ "$SQLITE" = 1 ]; then
  DATA="${KEEP:-$WORK/sqlite}"
  mkdir -p "$DATA"
  measure "SQLite" "$DATA"
fi
if [ "$POSTGRES" = 1 ]; then
  throwaway_postgres_start >/dev/null
  export OBOROT_DATABASE_URL="$THROWAWAY_PG_URL"
  mkdir -p "$WORK/pg"
  measure "PostgreSQL" "$WORK/pg"
  unset OBOROT_DATABASE_URL
fi
