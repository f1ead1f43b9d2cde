#!/usr/bin/env bash
# Fails when the entities and the migrations disagree: runs every migration on an empty MariaDB
# database, then asks TypeORM whether the entities would need another one (run after the build).
set -euo pipefail
cd "$(dirname "$0")/.."
server=${TEST_DATABASE_URL:-mariadb://branch_ra:branch_ra@127.0.0.1:3306}
db=branch_ra_migration_check
mariadb_cli() { mariadb --protocol=tcp -h127.0.0.1 -ubranch_ra -pbranch_ra "$@"; }
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  mariadb_cli -e "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
fi
export DATABASE_URL="${server%/}/$db"
ds=dist/apps/api/apps/api/src/database/data-source.js
npx typeorm migration:run -d "$ds" >/dev/null
if ! npx typeorm migration:generate -d "$ds" --check apps/api/src/database/migrations/Drift; then
  echo "entities and migrations disagree: 'npm run migration:generate -- apps/api/src/database/migrations/<Name>'" >&2
  exit 1
fi
# every migration must also go down cleanly, newest first
count=$(grep -c '^import' apps/api/src/database/migrations/index.ts)
for _ in $(seq 1 "$count"); do npx typeorm migration:revert -d "$ds" >/dev/null; done
[ "$(mariadb_cli -N -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$db' AND table_name <> 'migrations'")" = 0 ] \
  || { echo "down migrations left tables behind" >&2; exit 1; }
echo "migrations match the entities"
