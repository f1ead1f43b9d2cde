#!/usr/bin/env bash
# Fails when the committed schema.graphql differs from what the code generates (run after the build).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp --suffix=.graphql)
trap 'rm -f "$tmp"' EXIT
node dist/apps/api/apps/api/src/tools/emit-schema.js "$tmp" >/dev/null
if ! diff -u schema.graphql "$tmp"; then
  echo "schema.graphql is out of date: run 'npm run build:api && npm run schema:emit' and commit it." >&2
  exit 1
fi
echo "schema.graphql matches the code"
