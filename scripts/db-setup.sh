#!/usr/bin/env bash
# Makes a MariaDB server answer on 127.0.0.1:3306 (starting it when it is installed but stopped)
# and creates the test account `branch_ra`, which may create and drop databases named branch_ra_*.
# Skipped when TEST_DATABASE_URL names another server.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

if [ -n "${TEST_DATABASE_URL:-}" ]; then say "using TEST_DATABASE_URL as given"; exit 0; fi
command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || die "MariaDB is not installed (Debian: sudo apt-get install mariadb-server)"

if ! mariadb-admin --protocol=tcp -h127.0.0.1 -uroot ping --silent >/dev/null 2>&1 \
   && ! mariadb-admin ping --silent >/dev/null 2>&1; then
  is_root || die "MariaDB is not running: start it (sudo service mariadb start)"
  say "starting MariaDB"
  service mariadb start >/dev/null 2>&1 || start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  for _ in $(seq 1 60); do mariadb-admin ping --silent >/dev/null 2>&1 && break; sleep 0.5; done
  mariadb-admin ping --silent >/dev/null 2>&1 || die "MariaDB did not start; see /var/log/mysql/"
fi

mariadb -uroot <<'SQL' || die "cannot create the test account: run as root or set TEST_DATABASE_URL"
CREATE USER IF NOT EXISTS 'branch_ra'@'localhost' IDENTIFIED BY 'branch_ra';
CREATE USER IF NOT EXISTS 'branch_ra'@'127.0.0.1' IDENTIFIED BY 'branch_ra';
GRANT ALL PRIVILEGES ON `branch\_ra\_%`.* TO 'branch_ra'@'localhost';
GRANT ALL PRIVILEGES ON `branch\_ra\_%`.* TO 'branch_ra'@'127.0.0.1';
SQL
