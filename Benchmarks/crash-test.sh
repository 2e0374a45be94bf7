#!/usr/bin/env bash
# Crash test for gapless registration numbering.
#
#   Benchmarks/crash-test.sh [--binary PATH] [--only sqlite|postgres|postgres2] [--workers N] [--cycles N]
#                            [--load S] [--outage S] [--self-check] [--keep]
#
# Claim under test: kill -9 the server during concurrent registration and restart it — every registration that got
# a 201 is present with its number, and each journal's numbers have no gaps or repeats; cancelled documents keep their
# numbers (visibly marked 'cancelled'), and the journal counter equals the highest number.
#
# Scenarios: SQLite; PostgreSQL with one server; PostgreSQL with two server processes on one database, each receiving
# half of the workers (killed one after the other: the survivor must keep registering while the other is dead).
# Each scenario: load the demo region into an empty database, start the server(s), run Benchmarks/lib/crash_client.py
# (32 workers registering into a handful of journals, every 201 appended to a log and flushed as it arrives, now and
# then a cancel), kill -9 mid-load, keep the client hammering through the outage, restart on the same port(s), check
# that registration resumed, repeat for --cycles, stop, then verify directly in the database (crash_client.py verify)
# and check the audit hash chain (oborot audit verify).
#
# PostgreSQL: a fresh database on OBOROT_TEST_POSTGRES_URL if set (dropped afterwards), else a throwaway cluster
# (scripts/lib/throwaway-postgres.sh). Without either, the PostgreSQL scenarios fail (use --only sqlite to skip them).
#
# --self-check: after each scenario's verification, damage copies of its database (delete an acknowledged document,
# raise a counter, un-cancel a cancelled document, change a number) and require the checker to fail on each.
#
# Uses the release binary if built, else the debug one; never builds. Exit code 0 only if every scenario passes.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

BIN=""
ONLY=""
WORKERS=32
CYCLES=2
LOAD_SECONDS=4
OUTAGE_SECONDS=1
KEEP=0
SELF_CHECK=0
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) BIN="$2"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    --workers) WORKERS="$2"; shift 2 ;;
    --cycles) CYCLES="$2"; shift 2 ;;
    --load) LOAD_SECONDS="$2"; shift 2 ;;
    --outage) OUTAGE_SECONDS="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --self-check) SELF_CHECK=1; shift ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ -z "$BIN" ]; then
  if [ -x .build/release/oborot ]; then BIN="$ROOT/.build/release/oborot"; else BIN="$ROOT/.build/debug/oborot"; fi
fi
[ -x "$BIN" ] || { echo "no oborot binary at $BIN (build it first or pass --binary)" >&2; exit 2; }
BIN="$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")"
CLIENT="$ROOT/Benchmarks/lib/crash_client.py"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/oborot-crash.XXXXXX")"
SERVER_PIDS=()      # current server processes (one per slot)
CLIENT_PID=""
PG_STARTED=0        # we started a throwaway cluster
PG_BASE_URL=""      # a URL of the cluster's maintenance database
CREATED_DBS=()      # databases we created on an existing server
# shellcheck source=../scripts/lib/throwaway-postgres.sh
source scripts/lib/throwaway-postgres.sh

cleanup() {
  local status=$? pid db
  trap - EXIT INT TERM
  if [ -n "$CLIENT_PID" ]; then kill -KILL "$CLIENT_PID" 2>/dev/null || true; wait "$CLIENT_PID" 2>/dev/null || true; fi
  for pid in "${SERVER_PIDS[@]:-}"; do
    [ -n "$pid" ] || continue
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [ -n "$PG_BASE_URL" ] && [ "$PG_STARTED" = 0 ]; then
    for db in "${CREATED_DBS[@]:-}"; do
      if [ -n "$db" ]; then
        psql "$PG_BASE_URL" -X -q -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true
      fi
    done
  fi
  if [ "$PG_STARTED" = 1 ]; then throwaway_postgres_stop >/dev/null 2>&1 || true; fi
  if [ "$KEEP" = 1 ]; then echo "kept the work directory: $WORK" >&2; else rm -rf "$WORK"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { echo "[$(date +%H:%M:%S)] $*"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
acks() { grep -c '"t": "ack"' "$1" 2>/dev/null || true; }
acks_on_port() { grep '"t": "ack"' "$1" 2>/dev/null | grep -c "\"port\": $2[,}]" || true; }
# A database URL with another database name (keeps user, host, port and query).
with_database() {
  python3 - "$1" "$2" <<'EOF'
import sys, urllib.parse
parts = urllib.parse.urlsplit(sys.argv[1])
print(urllib.parse.urlunsplit(parts._replace(path="/" + sys.argv[2])))
EOF
}

# wait_health PORT PID SECONDS: 0 once /health answers 200; 1 if the process died or time ran out.
wait_health() {
  local port="$1" pid="$2" deadline=$((SECONDS + $3))
  while [ "$SECONDS" -lt "$deadline" ]; do
    curl -fs -o /dev/null --max-time 1 "http://127.0.0.1:$port/health" && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.05
  done
  return 1
}

# start_server SLOT PORT LOG ENV…: starts `oborot serve` into SERVER_PIDS[SLOT] (does not wait for it).
start_server() {
  local slot="$1" port="$2" log="$3"
  shift 3
  env "$@" OBOROT_PORT="$port" OBOROT_HOST=127.0.0.1 OBOROT_LOG_LEVEL=warning "$BIN" serve >>"$log" 2>&1 &
  SERVER_PIDS[slot]=$!
}

kill9() {
  local slot="$1" pid="${SERVER_PIDS[$1]}"
  kill -KILL "$pid"
  wait "$pid" 2>/dev/null || true
  SERVER_PIDS[slot]=""
}

RESULTS=()
FAILED=0

# self_check LABEL VERIFY_ARG ACK_LOG DIR: damages copies of the database in several ways; the checker must fail
# on every one of them. The database that was verified is left as it was.
self_check() {
  local label="$1" verify_arg="$2" ack_log="$3" dir="$4" kind copy_arg rc=0 out db url
  for kind in delete counter uncancel renumber; do
    case "$verify_arg" in
      --sqlite=*)
        python3 "$CLIENT" copy-sqlite "${verify_arg#--sqlite=}" "$dir/damaged-$kind.sqlite"
        copy_arg=(--sqlite "$dir/damaged-$kind.sqlite") ;;
      --postgres=*)
        url="${verify_arg#--postgres=}"
        db="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.urlsplit(sys.argv[1]).path.lstrip("/"))' "$url")"
        psql "$PG_BASE_URL" -X -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"${db}_$kind\" TEMPLATE \"$db\"" >/dev/null
        CREATED_DBS+=("${db}_$kind")
        copy_arg=(--postgres "$(with_database "$url" "${db}_$kind")") ;;
    esac
    local what
    what=$(python3 "$CLIENT" corrupt --log "$ack_log" --kind "$kind" "${copy_arg[@]}")
    if out=$(python3 "$CLIENT" verify --log "$ack_log" --label "$label/damaged" "${copy_arg[@]}"); then
      echo "  self-check: $what — NOT DETECTED (the checker is broken)"; rc=1
    else
      echo "  self-check: $what — detected: $(echo "$out" | grep -E '^  [A-Z][A-Z ]+:' | head -2 | sed 's/^ *//' | tr '\n' ' ')"
    fi
    case "$verify_arg" in
      --postgres=*) psql "$PG_BASE_URL" -X -q -c "DROP DATABASE IF EXISTS \"${db}_$kind\"" >/dev/null 2>&1 || true ;;
    esac
  done
  return "$rc"
}

# run_scenario LABEL SERVERS VERIFY_ARG ENV…   (VERIFY_ARG: --sqlite=PATH or --postgres=URL)
run_scenario() {
  local label="$1" count="$2" verify_arg="$3"
  shift 3
  local -a env=("$@")
  local dir="$WORK/$label" ok=1 slot cycle
  mkdir -p "$dir"
  local ack_log="$dir/acks.jsonl"
  : >"$ack_log"
  echo
  say "=== $label: $count server process(es), $WORKERS workers, $CYCLES kill -9 cycle(s) ==="

  if ! env "${env[@]}" OBOROT_LOG_LEVEL=warning "$BIN" demo >"$dir/demo.log" 2>&1; then
    say "$label: oborot demo failed:"; tail -20 "$dir/demo.log"
    RESULTS+=("$label: FAIL (demo load failed)"); FAILED=1; return
  fi

  local -a ports=() bases=()
  for ((slot = 0; slot < count; slot++)); do
    ports[slot]=$(free_port)
    bases[slot]="http://127.0.0.1:${ports[slot]}"
    start_server "$slot" "${ports[slot]}" "$dir/server$slot.log" "${env[@]}"
  done
  for ((slot = 0; slot < count; slot++)); do
    if ! wait_health "${ports[slot]}" "${SERVER_PIDS[slot]}" 60; then
      say "$label: server $slot did not become ready:"; tail -20 "$dir/server$slot.log"
      RESULTS+=("$label: FAIL (server did not start)"); FAILED=1; return
    fi
  done
  local base_list
  base_list=$(IFS=,; echo "${bases[*]}")

  python3 "$CLIENT" run --base "$base_list" --log "$ack_log" --stats "$dir/client-stats.json" \
    --workers "$WORKERS" >"$dir/client.log" 2>&1 &
  CLIENT_PID=$!

  local timeline=""
  for ((cycle = 1; cycle <= CYCLES; cycle++)); do
    # Load, then kill -9 in the middle of it.
    local before
    before=$(acks "$ack_log")
    # A random fraction of a second on top, so that the kill lands at a different point of the work each time.
    sleep "$(awk -v s="$LOAD_SECONDS" -v r="$RANDOM" 'BEGIN { printf "%.3f", s + (r % 1000) / 1000 }')"
    if ! kill -0 "$CLIENT_PID" 2>/dev/null; then
      say "$label: the client died:"; tail -20 "$dir/client.log"; ok=0; break
    fi
    if [ "$(acks "$ack_log")" -le "$before" ]; then
      say "$label: no registrations in $LOAD_SECONDS s before kill $cycle (client log below)"; tail -5 "$dir/client.log"; ok=0
    fi
    local at_kill during=""
    if [ "$count" = 1 ]; then
      kill9 0
      at_kill=$(acks "$ack_log")
      say "$label: cycle $cycle: kill -9 server at $at_kill acknowledged registrations"
    else
      # Two processes: kill the first, let the second work alone for a moment, then kill it too.
      kill9 0
      local survivor_before survivor_after
      survivor_before=$(acks_on_port "$ack_log" "${ports[1]}")
      sleep 1.5
      survivor_after=$(acks_on_port "$ack_log" "${ports[1]}")
      kill9 1
      at_kill=$(acks "$ack_log")
      during=", server 1 alone while server 0 was dead: $((survivor_after - survivor_before)) registrations"
      say "$label: cycle $cycle: kill -9 server 0, 1.5 s later server 1, at $at_kill acknowledged$during"
      if [ $((survivor_after - survivor_before)) -le 0 ]; then
        say "$label: server 1 registered nothing while server 0 was dead"; ok=0
      fi
    fi
    sleep "$OUTAGE_SECONDS"
    local during_outage=$(($(acks "$ack_log") - at_kill))

    # Restart on the same ports (both at once: concurrent start-up and migrations on one database).
    for ((slot = 0; slot < count; slot++)); do
      echo "--- restart after kill -9 (cycle $cycle) ---" >>"$dir/server$slot.log"
      start_server "$slot" "${ports[slot]}" "$dir/server$slot.log" "${env[@]}"
    done
    local restart_ok=1
    for ((slot = 0; slot < count; slot++)); do
      if ! wait_health "${ports[slot]}" "${SERVER_PIDS[slot]}" 60; then
        say "$label: server $slot did not come back after kill -9:"; tail -20 "$dir/server$slot.log"; restart_ok=0
      fi
    done
    if [ "$restart_ok" = 0 ]; then ok=0; break; fi
    local at_restart per_port
    at_restart=$(acks "$ack_log")
    sleep "$LOAD_SECONDS"
    local resumed=$(($(acks "$ack_log") - at_restart))
    per_port=""
    for ((slot = 0; slot < count; slot++)); do
      per_port+=" ${ports[slot]}:$(acks_on_port "$ack_log" "${ports[slot]}")"
    done
    say "$label: cycle $cycle: restarted; $during_outage acknowledged during the outage, $resumed in the next $LOAD_SECONDS s (acks per port so far:$per_port)"
    timeline+="kill $cycle at $at_kill acks$during; resumed +$resumed; "
    if [ "$resumed" -le 0 ]; then say "$label: registration did not resume after restart"; ok=0; fi
    if [ "$count" -gt 1 ]; then
      for ((slot = 0; slot < count; slot++)); do
        [ "$(acks_on_port "$ack_log" "${ports[slot]}")" -gt 0 ] || { say "$label: no registrations through port ${ports[slot]}"; ok=0; }
      done
    fi
  done

  # Stop the client (it records answers still in flight), then the servers, gently.
  kill -TERM "$CLIENT_PID" 2>/dev/null || true
  local waited=0
  while kill -0 "$CLIENT_PID" 2>/dev/null && [ "$waited" -lt 400 ]; do sleep 0.1; waited=$((waited + 1)); done
  kill -KILL "$CLIENT_PID" 2>/dev/null || true
  wait "$CLIENT_PID" 2>/dev/null || true
  CLIENT_PID=""
  for ((slot = 0; slot < count; slot++)); do
    local pid="${SERVER_PIDS[slot]:-}"
    [ -n "$pid" ] || continue
    kill -TERM "$pid" 2>/dev/null || true
    waited=0
    while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 150 ]; do sleep 0.1; waited=$((waited + 1)); done
    if kill -0 "$pid" 2>/dev/null; then say "$label: server $slot ignored SIGTERM for 15 s; killing it"; kill -KILL "$pid"; fi
    wait "$pid" 2>/dev/null || true
    SERVER_PIDS[slot]=""
  done
  say "$label: client: $(tail -1 "$dir/client.log")"

  # Verify in the database.
  local -a verify=(--log "$ack_log" --label "$label")
  case "$verify_arg" in
    --sqlite=*) verify+=(--sqlite "${verify_arg#--sqlite=}") ;;
    --postgres=*) verify+=(--postgres "${verify_arg#--postgres=}") ;;
  esac
  if ! python3 "$CLIENT" verify "${verify[@]}" | tee "$dir/verify.txt"; then ok=0; fi
  local audit
  if audit=$(env "${env[@]}" OBOROT_LOG_LEVEL=warning "$BIN" audit verify 2>&1); then
    echo "  audit chain: $audit"
  else
    echo "  audit chain: FAILED: $audit"; ok=0
  fi
  if grep -qiE 'fatal|panic|corrupt' "$dir"/server*.log 2>/dev/null; then
    say "$label: suspicious lines in the server logs:"; grep -hiE 'fatal|panic|corrupt' "$dir"/server*.log | head -10
  fi
  if [ "$SELF_CHECK" = 1 ]; then self_check "$label" "$verify_arg" "$ack_log" "$dir" || ok=0; fi
  local line
  line="$label: $([ "$ok" = 1 ] && echo PASS || echo FAIL) — $(sed -n 2,5p "$dir/verify.txt" | tr -s ' ' | tr '\n' ';')"
  RESULTS+=("$line")
  [ "$ok" = 1 ] || FAILED=1
}

say "binary: $BIN"
say "work directory: $WORK"
START=$SECONDS

if [ -z "$ONLY" ] || [ "$ONLY" = sqlite ]; then
  run_scenario sqlite 1 "--sqlite=$WORK/sqlite/data/oborot.sqlite" OBOROT_DATA_DIR="$WORK/sqlite/data"
fi

if [ -z "$ONLY" ] || [ "$ONLY" = postgres ] || [ "$ONLY" = postgres2 ]; then
  if [ -n "${OBOROT_TEST_POSTGRES_URL:-}" ]; then
    PG_BASE_URL="$OBOROT_TEST_POSTGRES_URL"
    say "PostgreSQL: fresh databases on OBOROT_TEST_POSTGRES_URL"
  elif throwaway_postgres_start; then
    PG_STARTED=1
    PG_BASE_URL="$THROWAWAY_PG_URL"
    say "PostgreSQL: throwaway cluster $THROWAWAY_PG_URL (fsync=off; only the Oborot server is killed)"
  else
    RESULTS+=("postgres: FAIL (no PostgreSQL: set OBOROT_TEST_POSTGRES_URL or install the server)")
    FAILED=1
  fi
  if [ -n "$PG_BASE_URL" ]; then
    for scenario in postgres postgres2; do
      [ -z "$ONLY" ] || [ "$ONLY" = "$scenario" ] || continue
      db="oborot_crash_${scenario}_$$_$RANDOM"
      if ! psql "$PG_BASE_URL" -X -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$db\"" >/dev/null; then
        RESULTS+=("$scenario: FAIL (could not create database $db)"); FAILED=1; continue
      fi
      CREATED_DBS+=("$db")
      url=$(with_database "$PG_BASE_URL" "$db")
      servers=1
      [ "$scenario" = postgres2 ] && servers=2
      run_scenario "$scenario" "$servers" "--postgres=$url" OBOROT_DATA_DIR="$WORK/$scenario/data" OBOROT_DATABASE_URL="$url"
    done
  fi
fi

echo
echo "=== crash test summary ($((SECONDS - START)) s, $(basename "$(dirname "$(dirname "$BIN")")")/$(basename "$(dirname "$BIN")") binary) ==="
for line in "${RESULTS[@]}"; do echo "$line"; done
if [ "$FAILED" = 0 ]; then echo "ALL PASSED"; else echo "FAILED"; fi
exit "$FAILED"
