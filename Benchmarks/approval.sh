#!/usr/bin/env bash
# Measures the approval-and-signing issue's targets on a release build and prints what it saw.
#
#   Benchmarks/approval.sh [--documents N] [--routes N] [--heavy N] [--postgres]
#
# Targets (issue «Approval routes and electronic signatures»): verifying a detached signature over a 10 MB file
# < 100 ms; the approval inboxes («На согласование», «На подпись») p95 < 20 ms at 1,000,000 documents.
# The script seeds the demo region with N documents, loads approval routes over them with `oborot bench approval`
# (one head of department deciding --heavy of them, one minister with --heavy drafts to sign) and measures the
# inbox queries in-process; then it makes a test PKI with openssl, signs a 10 MB file (ECDSA P-256 / SHA-256,
# RSA-2048 / SHA-512) and times `oborot bench verify`.
set -euo pipefail
cd "$(dirname "$0")/.."

DOCUMENTS=1000000
ROUTES=200000
HEAVY=2000
WITH_POSTGRES=0
while [ $# -gt 0 ]; do
  case "$1" in
    --documents) DOCUMENTS="$2"; shift 2 ;;
    --routes) ROUTES="$2"; shift 2 ;;
    --heavy) HEAVY="$2"; shift 2 ;;
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
  local label="$1"
  echo "## $label: $DOCUMENTS documents, $ROUTES routes"
  /usr/bin/time -f "seeding: %e s, max RSS %M KB" "$BIN" demo --documents "$DOCUMENTS" >/dev/null
  "$BIN" bench approval --routes "$ROUTES" --heavy "$HEAVY"
}

export OBOROT_LOG_LEVEL=warning
export OBOROT_DATA_DIR="$WORK/sqlite"
run_database "SQLite"
if [ "$WITH_POSTGRES" = 1 ]; then
  throwaway_postgres_start >/dev/null
  export OBOROT_DATA_DIR="$WORK/pg"
  export OBOROT_DATABASE_URL="$THROWAWAY_PG_URL"
  run_database "PostgreSQL"
  unset OBOROT_DATABASE_URL
fi

echo "## signature verification"
PKI="$WORK/pki"
mkdir -p "$PKI"
cat >"$PKI/ca.cnf" <<'CNF'
[req]
distinguished_name = dn
string_mask = utf8only
[dn]
[ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[signer]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
CNF
openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$PKI/ca.key" -out "$PKI/ca.pem" \
  -days 3650 -subj "/CN=Bench CA" -config "$PKI/ca.cnf" -extensions ca 2>/dev/null
head -c $((10 * 1024 * 1024)) /dev/urandom >"$WORK/file.bin"
for variant in p256-sha256 rsa2048-sha512; do
  case "$variant" in
    p256-sha256) newkey=(-newkey ec -pkeyopt ec_paramgen_curve:P-256); digest=sha256 ;;
    rsa2048-sha512) newkey=(-newkey rsa -pkeyopt rsa_keygen_bits:2048); digest=sha512 ;;
  esac
  openssl req -new "${newkey[@]}" -nodes -keyout "$PKI/s.key" -out "$PKI/s.csr" -subj "/CN=Bench Signer" 2>/dev/null
  openssl x509 -req -in "$PKI/s.csr" -CA "$PKI/ca.pem" -CAkey "$PKI/ca.key" -CAcreateserial -days 365 \
    -extfile "$PKI/ca.cnf" -extensions signer -out "$PKI/s.pem" 2>/dev/null
  openssl cms -sign -binary -outform DER -md "$digest" -signer "$PKI/s.pem" -inkey "$PKI/s.key" -in "$WORK/file.bin" \
    -out "$WORK/file.p7s"
  "$BIN" bench verify --file "$WORK/file.bin" --signature "$WORK/file.p7s" --roots "$PKI/ca.pem"
done
