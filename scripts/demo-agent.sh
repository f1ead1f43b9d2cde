#!/usr/bin/env bash
# Started by `npm run demo`: the kiosk agent of kiosk K0060000-01 on two emulated tokens (an iKey and an
# ezSign over SoftHSM, see docs/token-emulator.md), so the kiosk page at /kiosk has tokens to work on.
# Needs softhsm2, gcc and libp11-kit-dev; without them it says what is missing and the demo runs on.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

page_origin=$1
api_pid=$2
missing=()
command -v softhsm2-util >/dev/null 2>&1 || missing+=(softhsm2)
command -v gcc >/dev/null 2>&1 || missing+=(gcc)
[ -e /usr/include/p11-kit-1/p11-kit/pkcs11.h ] || missing+=(libp11-kit-dev)
if [ ${#missing[@]} -gt 0 ]; then
  say "no kiosk agent in this demo: install ${missing[*]} (Debian: sudo apt-get install ${missing[*]})"
  exit 0
fi

module=$(bash scripts/build-token-emulator.sh)
dir=var/demo-tokens
mkdir -p "$dir/tokens" "$dir/state"
cat > "$dir/softhsm2.conf" <<CONF
directories.tokendir = $(pwd)/$dir/tokens
objectstore.backend = file
log.level = ERROR
CONF
export SOFTHSM2_CONF=$(pwd)/$dir/softhsm2.conf
# The emulator tells the models apart by label prefix; tokens are made once and kept with the demo data.
if ! softhsm2-util --show-slots 2>/dev/null | grep -q 'Demo iKey'; then
  softhsm2-util --init-token --free --label 'Demo iKey' --so-pin 87654321 --pin 123456 >/dev/null
  softhsm2-util --init-token --free --label 'Demo ezSign' --so-pin 87654321 --pin 123456 >/dev/null
fi
export TOKEN_EMULATOR_STATE_DIR=$(pwd)/$dir/state TOKEN_EMULATOR_IKEY='Demo iKey' TOKEN_EMULATOR_EZSIGN='Demo ezSign'
export TOKEN_EMULATOR_BUTTON=delay TOKEN_EMULATOR_BUTTON_DELAY_MS=2500 TOKEN_EMULATOR_KEYGEN_DELAY_MS=2000

# 王小明's FEDI key and certificate on 'Demo iKey', from the demo FEDI CA (see demo.sh), made once: the key
# is made in software and written to the token, as the old FEDI enrolment left it there.
fedi=$dir/fedi
if [ -s var/fedi-ca.key ] && [ ! -s "$fedi/fedi.pem" ] && command -v pkcs11-tool >/dev/null 2>&1; then
  mkdir -p "$fedi"
  p11() { pkcs11-tool --module "$module" --token-label 'Demo iKey' --login --pin 123456 "$@" >/dev/null 2>&1; }
  (umask 077 && openssl req -new -newkey rsa:2048 -nodes -subj '/C=TW/O=FEDI/OU=FEDI User/CN=U139514691' \
    -keyout "$fedi/fedi.key" -out "$fedi/fedi.csr" 2>/dev/null)
  openssl x509 -req -in "$fedi/fedi.csr" -CA var/fedi-ca.pem -CAkey var/fedi-ca.key -days 365 \
    -set_serial "0x$(openssl rand -hex 16)" -out "$fedi/fedi.new" 2>/dev/null
  openssl x509 -in "$fedi/fedi.new" -pubkey -noout > "$fedi/fedi.pub"
  p11 --write-object "$fedi/fedi.key" --type privkey --id fed1 --label FEDI-sign
  p11 --write-object "$fedi/fedi.pub" --type pubkey --id fed1 --label FEDI-sign
  p11 --write-object "$fedi/fedi.new" --type cert --id fed1 --label FEDI
  rm -f "$fedi/fedi.key" "$fedi/fedi.csr" "$fedi/fedi.pub"
  mv "$fedi/fedi.new" "$fedi/fedi.pem"
  say "'Demo iKey' holds a FEDI certificate of U139514691 for 憑證線上轉置"
fi

# This kiosk's key, derived from the API's pairing master key as `issueKioskAgentKey` would hand it out.
kiosk=K0060000-01
kiosk_key=$(node -e '
  const { deriveKioskKey, encodeKioskKey, decodeKioskKey } = require("./dist/apps/api/libs/domain/src");
  const master = decodeKioskKey(require("fs").readFileSync(process.argv[1], "utf8").trim());
  deriveKioskKey(master, process.argv[2]).then((k) => process.stdout.write(encodeKioskKey(k)));
' "$KIOSK_PAIRING_KEY_FILE" "$kiosk")
(umask 077 && printf '%s' "$kiosk_key" > var/kiosk-agent-key)

npm run -s build:agent >/dev/null
export AGENT_PORT=3100 AGENT_ALLOWED_ORIGINS=$page_origin AGENT_PKCS11_MODULE=$module AGENT_KIOSK_CODE=$kiosk
export AGENT_KIOSK_KEY_FILE=var/kiosk-agent-key AGENT_MODE=kiosk AGENT_DATA_DIR=var/kiosk-agent
say "kiosk agent of $kiosk on http://127.0.0.1:3100 with tokens 'Demo iKey' and 'Demo ezSign' (PIN 123456)"
node dist/apps/kiosk-agent/apps/kiosk-agent/src/main.js &
agent=$!
trap 'kill "$agent" 2>/dev/null || true' EXIT INT TERM
while kill -0 "$api_pid" 2>/dev/null && kill -0 "$agent" 2>/dev/null; do sleep 2; done
