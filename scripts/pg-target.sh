# Sourced by scripts/backup.sh and scripts/restore.sh: the PostgreSQL server and database named by
# EVENHAND_DB_URL (jdbc:postgresql://HOST[:PORT]/DB[?...], as the app reads it), with the app's
# EVENHAND_DB_USER and EVENHAND_DB_PASSWORD, as libpq variables for pg_dump, pg_restore and psql.
evenhand_pg_target() {
  local url="${EVENHAND_DB_URL:-jdbc:postgresql://127.0.0.1:5432/evenhand}"
  local rest="${url#jdbc:postgresql://}"
  [ "$rest" != "$url" ] || { echo "EVENHAND_DB_URL is not a jdbc:postgresql:// URL: $url" >&2; return 1; }
  rest="${rest%%\?*}"
  local hostport="${rest%%/*}"
  PGDATABASE="${rest#*/}"
  PGHOST="${hostport%%:*}"
  if [ "$hostport" != "$PGHOST" ]; then PGPORT="${hostport##*:}"; else PGPORT=5432; fi
  PGUSER="${EVENHAND_DB_USER:-postgres}"
  PGPASSWORD="${EVENHAND_DB_PASSWORD:-postgres}"
  export PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE
}
