#!/usr/bin/env bash
# Evenhand local secrets: create on first use, then load and export.
#
#   source scripts/secrets.sh      # from bash; exports the variables below
#   scripts/secrets.sh             # just creates the file and prints its path
#
# File: ${EVENHAND_CONFIG_DIR:-$HOME/.config/evenhand}/secrets.env (mode 600,
# outside the repository). Variables:
#   EVENHAND_OIDC_SECRET    client secret of Keycloak client "evenhand-web" (random)
#   EVENHAND_MASTER_KEY     application master key, 32 random bytes, base64
#   EVENHAND_DEMO_PASSWORD  password of every demo user (default evenhand-demo)
#   EVENHAND_PROVISIONING_SECRET  client secret of Keycloak client "evenhand-provisioning", with which
#                           Evenhand creates and disables members' users (random; decision 0039)
#   EVENHAND_MEMBERSHIP_SECRET    client secret of Keycloak client "evenhand-membership", with which the
#                           party's membership system calls POST /api/membership/sync (random)
# A variable already set (non-empty) in the environment wins over the file.
# Values must not contain quotes or backslashes (they are substituted into the
# Keycloak realm JSON at import time).

_evenhand_random_hex() {   # $1 = number of bytes
  if command -v openssl >/dev/null 2>&1; then
    openssl rand -hex "$1"
  else
    head -c "$1" /dev/urandom | od -An -tx1 | tr -d ' \n'
  fi
}

_evenhand_random_b64() {   # $1 = number of bytes
  if command -v openssl >/dev/null 2>&1; then
    openssl rand -base64 "$1" | tr -d '\n'
  else
    head -c "$1" /dev/urandom | base64 | tr -d '\n'
  fi
}

evenhand_load_secrets() {
  local dir="${EVENHAND_CONFIG_DIR:-$HOME/.config/evenhand}"
  local file="$dir/secrets.env"
  local old_umask key value
  old_umask="$(umask)"
  umask 077
  mkdir -p "$dir"
  if [ ! -f "$file" ]; then
    printf '# Evenhand local secrets (generated %s). Keep out of git.\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >"$file"
  fi
  # Add any missing key (first run, or a file from an older version of this script).
  for key in EVENHAND_OIDC_SECRET EVENHAND_MASTER_KEY EVENHAND_DEMO_PASSWORD EVENHAND_PROVISIONING_SECRET \
      EVENHAND_MEMBERSHIP_SECRET; do
    if ! grep -q "^${key}=" "$file"; then
      case "$key" in
        EVENHAND_OIDC_SECRET)   value="$(_evenhand_random_hex 24)" ;;
        EVENHAND_MASTER_KEY)    value="$(_evenhand_random_b64 32)" ;;
        EVENHAND_DEMO_PASSWORD) value="evenhand-demo" ;;
        EVENHAND_PROVISIONING_SECRET|EVENHAND_MEMBERSHIP_SECRET) value="$(_evenhand_random_hex 24)" ;;
      esac
      printf "%s='%s'\n" "$key" "$value" >>"$file"
    fi
  done
  chmod 600 "$file"
  umask "$old_umask"

  # Load; values already present in the environment take precedence.
  local saved_oidc="${EVENHAND_OIDC_SECRET:-}" saved_key="${EVENHAND_MASTER_KEY:-}" saved_pw="${EVENHAND_DEMO_PASSWORD:-}"
  local saved_prov="${EVENHAND_PROVISIONING_SECRET:-}" saved_memb="${EVENHAND_MEMBERSHIP_SECRET:-}"
  # shellcheck disable=SC1090
  . "$file"
  [ -n "$saved_oidc" ] && EVENHAND_OIDC_SECRET="$saved_oidc"
  [ -n "$saved_key" ] && EVENHAND_MASTER_KEY="$saved_key"
  [ -n "$saved_pw" ] && EVENHAND_DEMO_PASSWORD="$saved_pw"
  [ -n "$saved_prov" ] && EVENHAND_PROVISIONING_SECRET="$saved_prov"
  [ -n "$saved_memb" ] && EVENHAND_MEMBERSHIP_SECRET="$saved_memb"
  export EVENHAND_OIDC_SECRET EVENHAND_MASTER_KEY EVENHAND_DEMO_PASSWORD EVENHAND_PROVISIONING_SECRET EVENHAND_MEMBERSHIP_SECRET
  export EVENHAND_SECRETS_FILE="$file"
  return 0
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  # Executed, not sourced.
  set -euo pipefail
  evenhand_load_secrets
  echo "$EVENHAND_SECRETS_FILE"
else
  evenhand_load_secrets
fi
