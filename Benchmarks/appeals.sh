#!/usr/bin/env bash
# Measures the public appeal pages against the appeals issue's target on a release build.
#
#   Benchmarks/appeals.sh [--seconds N] [--connections N]
#
# Target (issue «Citizen appeals under 59-ФЗ»): the public form and the status page at ≥ 500 requests/s on 2 cores
# with p99 < 50 ms. The script loads the demo region, starts `oborot serve`, submits one appeal through the form (as
# a person would: it waits the minimum fill time), then runs wrk against `GET /public/appeal` (the form with every
# body of the region in its list) and `GET /public/appeal/status?code=…` (one lookup by tracking code).
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_RUN=15
CONNECTIONS=32
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) SECONDS_PER_RUN="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || apt-get install -y -q wrk >/dev/null
swift build -c release --product oborot >/dev/null 2>&1
BIN="$(swift build -c release --show-bin-path)/oborot"
WORK="$(mktemp -d)"
SERVER=""
cleanup() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# The identity step switched on (the development provider), as a site with ЕСИА serves the form.
export OBOROT_DATA_DIR="$WORK/data" OBOROT_PORT="$PORT" OBOROT_LOG_LEVEL=warning OBOROT_DEV_IDENTITY=1
"$BIN" demo --documents 0 >/dev/null
"$BIN" serve >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$PORT/public/appeal" >/dev/null && break; sleep 0.2; done
BASE="http://127.0.0.1:$PORT"

# One real submission: the form's token, the minimum fill time, the receipt's code.
FORM="$(curl -fs "$BASE/public/appeal")"
TOKEN="$(grep -o 'name="t" value="[^"]*"' <<<"$FORM" | sed 's/.*value="//;s/"$//')"
ORG="$(grep -o '<option value="[0-9a-f-]\{36\}"' <<<"$FORM" | sed -n 1p | grep -o '[0-9a-f-]\{36\}')"
sleep 5
CODE="$(curl -fs -F t="$TOKEN" -F organizationId="$ORG" -F surname=Нагрузочный -F name=Тест -F email=load@example.ru \
  -F text="Проверка производительности публичной формы" -F consent=on "$BASE/public/appeal" \
  | grep -o 'id="tracking-code">[^<]*' | sed 's/.*>//')"
[ -n "$CODE" ] || { echo "the submission did not return a tracking code" >&2; exit 1; }

echo "## Public appeal pages — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, wrk $CONNECTIONS connections, ${SECONDS_PER_RUN} s each"
for path in "/public/appeal" "/public/appeal/status?code=$CODE"; do
  echo
  echo "### GET $path"
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s Benchmarks/lib/p95.lua "$BASE$path" \
    | grep -E "Requests/sec|  50%|  99%|p95|Non-2xx|Socket errors"
done
