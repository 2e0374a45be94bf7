#!/usr/bin/env bash
# Measures the search issue's targets on a release build and prints what it saw.
#
#   Benchmarks/search.sh [--documents N] [--files N] [--repeats N] [--postgres] [--postgres-only]
#
# Targets (issue «Search»): at 1,000,000 documents with 200,000 attached files, search p95 < 50 ms with facets on
# both databases; indexing >= 2,000 cards/s and >= 20 MB/s of extracted text; the index size reported.
# The script seeds the demo region with N documents (`oborot demo --documents N`; the triggers queue every card),
# attaches N generated Russian letters as TXT files (`oborot bench search --files N`), extracts their text and
# indexes every card — each timed on its own — then runs a mix of searches as the governor (the whole region),
# a minister and the government's registrar, in-process through the same service the API uses.
set -euo pipefail
cd "$(dirname "$0")/.."

DOCUMENTS=1000000
FILES=200000
REPEATS=50
WITH_SQLITE=1
WITH_POSTGRES=0
while [ $# -gt 0 ]; do
  case "$1" in
    --documents) DOCUMENTS="$2"; shift 2 ;;
    --files) FILES="$2"; shift 2 ;;
    --repeats) REPEATS="$2"; shift 2 ;;
    --postgres) WITH_POSTGRES=1; shift ;;
    --postgres-only) WITH_POSTGRES=1; WITH_SQLITE=0; shift ;;
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
  local label="$1"
  echo "## $label: $DOCUMENTS documents, $FILES files"
  /usr/bin/time -f "seeding: %e s, max RSS %M KB" "$BIN" demo --documents "$DOCUMENTS" >/dev/null
  /usr/bin/time -f "bench: %e s, max RSS %M KB" "$BIN" bench search --files "$FILES" --repeats "$REPEATS"
  du -sh "$OBOROT_DATA_DIR" | sed 's/^/data directory: /'
}

export OBOROT_LOG_LEVEL=warning
if [ "$WITH_SQLITE" = 1 ]; then
  export OBOROT_DATA_DIR="$WORK/sqlite"
  run_database "SQLite"
fi
if [ "$WITH_POSTGRES" = 1 ]; then
  throwaway_postgres_start >/dev/null
  export OBOROT_DATA_DIR="$WORK/pg"
  export OBOROT_DATABASE_URL="$THROWAWAY_PG_URL"
  run_database "PostgreSQL"
  unset OBOROT_DATABASE_URL
fi
