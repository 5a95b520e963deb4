#!/usr/bin/env bash
# Restores a dump made by scripts/backup.sh into a database of its own.
#
#   scripts/restore.sh [--force] FILE DATABASE
#
# The server is the one in EVENHAND_DB_URL (its database part is ignored), with EVENHAND_DB_USER and
# EVENHAND_DB_PASSWORD; the user needs to create databases and own what the dump owns (the schema
# owner or a superuser). DATABASE is created; an existing database that holds any table is refused
# unless --force is given, which drops it first (connections to it are closed). An existing empty
# database is restored into. The role evenhand_app (cluster-wide, so not in a dump) is created if
# missing. Afterwards: verify the trail against the anchors kept apart, and open a sealed item with
# the master key kept apart (docs/operations.md).
# Exit status: 0 restored, 1 failed, 3 refused (DATABASE holds data; nothing was changed).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=scripts/pg-target.sh
source "$ROOT/scripts/pg-target.sh"

force=false
if [ "${1:-}" = "--force" ]; then force=true; shift; fi
[ "$#" -eq 2 ] || { echo "usage: scripts/restore.sh [--force] FILE DATABASE" >&2; exit 1; }
file="$1"
db="$2"
[ -f "$file" ] || { echo "restore: no dump at $file" >&2; exit 1; }
[[ "$db" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "restore: database name must be lower case letters, digits, _: $db" >&2; exit 1; }
evenhand_pg_target
export PGDATABASE=postgres
admin() { psql -X -w -q -v ON_ERROR_STOP=1 -tA "$@"; }

if [ "$(admin -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" = "1" ]; then
  tables="$(admin -d "$db" -c "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")"
  if [ "$tables" != "0" ]; then
    if ! $force; then
      echo "restore: refused: database $db on $PGHOST:$PGPORT already holds $tables tables; nothing was changed" \
        "(restore into a new name, or give --force to drop it first)" >&2
      exit 3
    fi
    echo "restore: --force: dropping database $db ($tables tables)"
    admin -c "DROP DATABASE \"$db\" WITH (FORCE)"
    admin -c "CREATE DATABASE \"$db\""
  fi
else
  admin -c "CREATE DATABASE \"$db\""
fi
admin -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'evenhand_app') THEN
  CREATE ROLE evenhand_app NOLOGIN; END IF; END \$\$" 2>/dev/null \
  || echo "restore: could not create role evenhand_app; grants to it will fail if it is missing" >&2

pg_restore -w --exit-on-error --dbname="$db" "$file"
admin -d "$db" -c "ANALYZE"
echo "restore: $file restored into $db on $PGHOST:$PGPORT"
cat <<TEXT
Next, before anyone uses it:
  EVENHAND_DB_URL=jdbc:postgresql://$PGHOST:$PGPORT/$db scripts/verify-trail.sh --anchors DIR
    (DIR: the trail anchors kept apart from the dump; anchors newer than the dump show what it lacks)
  start the app on it with the same EVENHAND_MASTER_KEY and open a case: a sealed item that opens
  proves the key and the dump belong together.
TEXT
