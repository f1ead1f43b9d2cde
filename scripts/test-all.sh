#!/usr/bin/env bash
# The whole test suite (`npm test`): system packages and MariaDB when missing, lint, typecheck,
# build, schema and migration drift, unit tests, API end-to-end on MariaDB, browser tests in
# Chromium. Stops at the first failure with a non-zero exit.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

start=$(date +%s)
step() { say "$1 ($(( $(date +%s) - start ))s)"; }
jest() { node --experimental-vm-modules node_modules/jest/bin/jest.js "$@"; }

step "system packages";   bash scripts/install-system-deps.sh
step "database server";   bash scripts/db-setup.sh
[ -d node_modules ] || { step "npm install"; npm install --no-audit --no-fund; }
step "lint";              npm run -s lint
step "typecheck";         npm run -s typecheck
step "build";             npm run -s build
step "schema drift";      bash scripts/check-schema.sh
step "migration drift";   bash scripts/check-migrations.sh
step "unit tests";        jest --config jest.config.mjs
step "API e2e (MariaDB)"; jest --config test/jest-e2e.config.mjs --runInBand
step "browser (Chromium)"; jest --config test/jest-browser.config.mjs --runInBand
say "all tests passed in $(( $(date +%s) - start ))s"
