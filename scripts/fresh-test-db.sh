#!/usr/bin/env bash
# Recreates the test database so every test run starts from an empty schema (Flyway and the
# engine then build it). The database is the one named in EVENHAND_TEST_DB_URL (default
# evenhand_test); connections left over from an earlier run are closed.
set -euo pipefail
cd "$(dirname "$0")/.."
url="${EVENHAND_TEST_DB_URL:-jdbc:postgresql://127.0.0.1:5432/evenhand_test}"
db="${url##*/}"; db="${db%%\?*}"
[[ "$db" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "fresh-test-db: unexpected database name '$db'" >&2; exit 1; }
if [[ "$db" == *bench* ]]; then # a benchmark's database keeps its generated data between runs (bench/)
  bash scripts/ensure-postgres.sh "$db" >/dev/null
  echo "fresh-test-db: $db kept (benchmark data)"
  exit 0
fi
bash scripts/ensure-postgres.sh >/dev/null
runas() { if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else sh -c "$*"; fi; }
runas "psql -q -v ON_ERROR_STOP=1 -d postgres -c 'DROP DATABASE IF EXISTS $db WITH (FORCE)' -c 'CREATE DATABASE $db'"
rm -rf target/trail-anchors   # anchors of the dropped database would name entries that no longer exist
echo "fresh-test-db: $db recreated"
# trail anchors exported by earlier runs name entries of the database just dropped
rm -rf target/trail-anchors
