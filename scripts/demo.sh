#!/usr/bin/env bash
# `npm run demo`: builds branch-ra and runs it on the embedded database (var/branch-ra.sqlite),
# seeded with demo branches, staff and customers. No database server needed.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

[ -d node_modules ] || { say "npm install"; npm install --no-audit --no-fund; }
say "building the API and the console"
npm run -s build:api >/dev/null
npm run -s build:admin >/dev/null
mkdir -p var
# A random session key kept beside the demo database, readable by this user only.
[ -s var/jwt-secret ] || (umask 077 && head -c 48 /dev/urandom | base64 | tr -d '\n' > var/jwt-secret)
# The audit chain's HMAC key and the kiosk pairing master key: outside the database, like in production.
[ -s var/audit-hmac-key ] || (umask 077 && head -c 48 /dev/urandom | base64 | tr -d '\n' > var/audit-hmac-key)
[ -s var/kiosk-pairing-key ] || (umask 077 && head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' > var/kiosk-pairing-key)
export AUDIT_HMAC_KEY_FILE="${AUDIT_HMAC_KEY_FILE:-var/audit-hmac-key}"
export KIOSK_PAIRING_KEY_FILE="${KIOSK_PAIRING_KEY_FILE:-var/kiosk-pairing-key}"

export DATABASE_URL="${DATABASE_URL:-sqljs:var/branch-ra.sqlite}"
export JWT_SECRET="${JWT_SECRET:-$(cat var/jwt-secret)}"
export SEED_DEMO=true PORT="${PORT:-3000}" HOST="${HOST:-127.0.0.1}" SCHEMA_FILE="${SCHEMA_FILE:-var/schema.graphql}"
export PKI_BASE_URL="${PKI_BASE_URL:-http://${HOST}:${PORT}/pki}" CA_DIR="${CA_DIR:-var/ca}"

# A demo CA (root → FXML CA) on first run, its keys encrypted under a random passphrase kept beside it.
[ -s var/ca-passphrase ] || (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '\n' > var/ca-passphrase)
export CA_KEY_PASSPHRASE_FILE="${CA_KEY_PASSPHRASE_FILE:-var/ca-passphrase}"
[ -f "$CA_DIR/issuing.crt" ] || { say "creating the demo CA in $CA_DIR"; npm run -s ca:init; }

# The kiosk page's origin, bound into pairing tokens, and the demo kiosk's agent on emulated tokens.
export KIOSK_PAGE_ORIGIN="${KIOSK_PAGE_ORIGIN:-http://${HOST}:${PORT}}"
# A legacy FEDI CA for 憑證線上轉置, made once: the API trusts its certificate, and the agent script
# has it sign one FEDI certificate on 'Demo iKey'.
if [ ! -s var/fedi-ca.pem ]; then
  (umask 077 && openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj '/C=TW/O=FEDI/CN=Demo FEDI CA' \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
    -keyout var/fedi-ca.key -out var/fedi-ca.pem 2>/dev/null)
fi
export FEDI_CA_CERT_FILE="${FEDI_CA_CERT_FILE:-var/fedi-ca.pem}"
# It follows this process (the API, after exec) and stops with it.
bash scripts/demo-agent.sh "$KIOSK_PAGE_ORIGIN" $$ &
# Show the 6025 "CA still issuing" answer for a few seconds, as a real CA queue would.
export CA_ISSUE_DELAY_MS="${CA_ISSUE_DELAY_MS:-5000}"

cat <<TXT

  branch-ra is starting on http://${HOST}:${PORT}/
  Demo sign-ins (branch 0060000 營業部 / 0060123 台中分行):
    teller01 / Teller01!demo        teller02 / Teller02!demo
    supervisor01 / Supervisor01!demo  supervisor02 / Supervisor02!demo
    admin01 / Admin01!demo          admin02 / Admin02!demo
  CA certificate, chain, CRL and OCSP: ${PKI_BASE_URL}/ca.crt, /chain.pem, /crl, /ocsp
  Kiosk page: ${KIOSK_PAGE_ORIGIN}/kiosk (a teller pairs kiosk K0060000-01; its agent serves the emulated
  tokens 'Demo iKey' and 'Demo ezSign', PIN 123456; register one to a customer at 載具 first).
  'Demo iKey' also holds a FEDI certificate of 王小明 (U139514691) for FEDI憑證線上轉置: leave the iKey
  unregistered, or register it to 王小明.
  Stop with Ctrl+C. Data stays in var/ (database, CA, keys).

TXT
exec node dist/apps/api/apps/api/src/main.js
