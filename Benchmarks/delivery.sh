#!/usr/bin/env bash
# Measures the delivery-and-МЭДО issue's targets on a release build and prints what it saw.
#
#   Benchmarks/delivery.sh [--repeats N] [--packets N] [--megabytes M] [--postgres]
#
# Targets (issue «Delivery between bodies in one step, and exchange with federal bodies through МЭДО packets»):
# internal delivery of one letter to all 463 municipalities < 2 s; inbound МЭДО processing ≥ 50 packets/s for
# typical 2 MB packets. The script loads the demo region (no documents needed), sends --repeats letters from the
# government to every municipality with `oborot bench delivery`, then takes in --packets generated 2.7.1 packets
# with `oborot bench medo`, on SQLite and, with --postgres, on a throwaway PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."

REPEATS=10
PACKETS=300
MEGABYTES=2
WITH_POSTGRES=0
while [ $# -gt 0 ]; do
  case "$1" in
    --repeats) REPEATS="$2"; shift 2 ;;
    --packets) PACKETS="$2"; shift 2 ;;
    --megabytes) MEGABYTES="$2"; shift 2 ;;
    --postgres) WITH_POSTGRES=1; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
swift build -c release --product oborot >/dev/null 2>&1
BIN="$(swift build -c release --show-bin-path)/oborot"
WORK="$(mktemp -d)"
# shellcheck source=scripts/lib/throwaway-postgres.sh
. scripts/lib/throwaway-postgres.sh
cleanup() {
  [ "$WITH_POSTGRES" = 1 ] && throwaway_postgres_stop 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

run_database() {
  echo "## $1"
  "$BIN" demo --documents 0 >/dev/null
  "$BIN" bench delivery --repeats "$REPEATS"
  "$BIN" bench medo --packets "$PACKETS" --megabytes "$MEGABYTES"
}

export OBOROT_LOG_LEVEL=warning
export OBOROT_DATA_DIR="$WORK/sqlite"
run_database "SQLite"
if [ "$WITH_POSTGRES" = 1 ]; then
  throwaway_postgres_start >/dev/null
  export OBOROT_DATA_DIR="$WORK/pg"
  export OBOROT_DATABASE_URL="$THROWAWAY_PG_URL"
  run_database "PostgreSQL"
fi
