#!/usr/bin/env bash
# Make sure a local PostgreSQL answers on 127.0.0.1:5432 and that the given
# databases exist (default: evenhand evenhand_test). Idempotent.
#
#   scripts/ensure-postgres.sh [db ...]
#
# Installs the Debian "postgresql" package if needed (apt-get, needs root),
# starts the cluster with pg_ctlcluster, and creates missing databases as the
# "postgres" superuser over the unix socket.
#
# Authentication: the app connects over TCP to 127.0.0.1 as user "postgres".
# On machines whose pg_hba.conf says "trust" for 127.0.0.1 no password is used.
# If the server instead asks for a password there (Debian's default is
# scram-sha-256), this script sets the password of role "postgres" to
# ${EVENHAND_DB_PASSWORD:-postgres} (only when a password-less/with-password
# login does not already work) and says so; point the app's datasource
# password at the same value.
set -euo pipefail

PGHOST_TCP=127.0.0.1
PGPORT="${PGPORT:-5432}"
DB_PASSWORD="${EVENHAND_DB_PASSWORD:-postgres}"
if [ "$#" -gt 0 ]; then DBS=("$@"); else DBS=(evenhand evenhand_test); fi

actions=()
log_file="$(mktemp)"
trap 'rm -f "$log_file"' EXIT

die() { echo "ensure-postgres: $*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root for: $*"; fi
}

# Run psql as the postgres OS user over the unix socket (works with both
# "peer" and "trust" local auth); fall back to psql -U postgres.
psql_admin() {
  if [ "$(id -u)" -eq 0 ] && command -v runuser >/dev/null 2>&1; then
    runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PGPORT" -d postgres "$@"
  elif [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo -n -u postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PGPORT" -d postgres "$@"
  else
    psql -X -q -v ON_ERROR_STOP=1 -U postgres -p "$PGPORT" -d postgres "$@"
  fi
}

pg_ready() { pg_isready -q -h "$PGHOST_TCP" -p "$PGPORT" >/dev/null 2>&1; }

latest_version() { ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1; }

if ! pg_ready; then
  if [ -z "$(latest_version)" ] || ! command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "ensure-postgres: installing postgresql (apt-get)..." >&2
    if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >"$log_file" 2>&1 \
      || ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql >>"$log_file" 2>&1; then
      tail -n 30 "$log_file" >&2
      die "apt-get install postgresql failed"
    fi
    actions+=("installed postgresql")
  fi
  version="$(latest_version)"
  [ -n "$version" ] || die "no cluster under /etc/postgresql after install"
  if [ ! -d "/etc/postgresql/$version/main" ]; then
    as_root pg_createcluster "$version" main >"$log_file" 2>&1 || { cat "$log_file" >&2; die "pg_createcluster failed"; }
    actions+=("created cluster $version/main")
  fi
  if ! as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start >"$log_file" 2>&1; then
    # "already running" is fine (e.g. listening elsewhere but still starting)
    grep -qi 'already running' "$log_file" || { cat "$log_file" >&2; die "pg_ctlcluster start failed"; }
  fi
  for _ in $(seq 1 60); do
    pg_ready && break
    sleep 1
  done
  pg_ready || die "PostgreSQL $version not ready on $PGHOST_TCP:$PGPORT after 60 s"
  actions+=("started $version/main")
fi

# TCP login as postgres: trust, or a password we know?
if ! psql -X -w -h "$PGHOST_TCP" -p "$PGPORT" -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1; then
  if PGPASSWORD="$DB_PASSWORD" psql -X -w -h "$PGHOST_TCP" -p "$PGPORT" -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1; then
    actions+=("tcp auth: password (EVENHAND_DB_PASSWORD)")
  else
    [[ "$DB_PASSWORD" != *"'"* ]] || die "EVENHAND_DB_PASSWORD must not contain a single quote"
    psql_admin -c "ALTER ROLE postgres WITH PASSWORD '$DB_PASSWORD'" >/dev/null
    PGPASSWORD="$DB_PASSWORD" psql -X -w -h "$PGHOST_TCP" -p "$PGPORT" -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1 \
      || die "cannot log in as postgres over TCP even after setting its password; check pg_hba.conf"
    actions+=("set password of role postgres (EVENHAND_DB_PASSWORD) for TCP auth")
  fi
fi

created=()
existing=()
for db in "${DBS[@]}"; do
  [[ "$db" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "bad database name: $db"
  if [ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" = "1" ]; then
    existing+=("$db")
  else
    psql_admin -c "CREATE DATABASE \"$db\" OWNER postgres ENCODING 'UTF8' TEMPLATE template0" >/dev/null
    created+=("$db")
  fi
done
[ "${#created[@]}" -eq 0 ] || actions+=("created db ${created[*]}")
[ "${#existing[@]}" -eq 0 ] || actions+=("db ${existing[*]} present")

summary="postgres ok on $PGHOST_TCP:$PGPORT"
for a in "${actions[@]}"; do summary+="; $a"; done
echo "$summary"
