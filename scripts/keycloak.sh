#!/usr/bin/env bash
# Local Keycloak for Evenhand (dev mode, H2 storage, realm "evenhand").
#
#   scripts/keycloak.sh start               install if needed, start in background, wait until ready
#   scripts/keycloak.sh stop                stop the instance started by "start"
#   scripts/keycloak.sh status              exit 0 if running and answering
#   scripts/keycloak.sh token <user> [pw]   print an access token (password grant, client evenhand-web)
#
# Environment:
#   KEYCLOAK_VERSION     (26.7.3)
#   KEYCLOAK_PORT        (8180)   http only, bound to 127.0.0.1
#   EVENHAND_HOME        ($HOME/.local/share/evenhand)  install dir: $EVENHAND_HOME/keycloak-<version>
#   EVENHAND_CONFIG_DIR  ($HOME/.config/evenhand)       secrets.env, see scripts/secrets.sh
#   KEYCLOAK_JAVA_HOME   JDK to run Keycloak with (default: JAVA_HOME / java on PATH)
#   JAVA_OPTS_KC_HEAP    (-Xms64m -Xmx512m)
#
# Realms (docs/decisions/0019-staff-second-factor-and-token-audience.md), imported with --import-realm:
#   evenhand                   the demo and test realm: src/main/keycloak/evenhand-realm.json (the
#                              production realm) with the demo users and the staff second factor and
#                              password grant relaxed, derived by src/main/keycloak/demo-realm.jq
#   evenhand-production-check  the production realm as shipped, renamed, with the demo users (one with
#                              an enrolled one-time code), for the end-to-end tests of its policies
#                              (src/test/keycloak/production-check-realm.jq; skipped if absent)
# Needs jq. Keycloak substitutes ${EVENHAND_OIDC_SECRET}, ${EVENHAND_PROVISIONING_SECRET},
# ${EVENHAND_MEMBERSHIP_SECRET} and ${EVENHAND_DEMO_PASSWORD:evenhand-demo} from the environment at import
# time. Keycloak skips the import when a realm already exists, so when those files or secrets change
# the dev database (data/h2) is wiped before start.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
ROOT="$(cd "$SCRIPT_DIR/.." && pwd -P)"
REALM_FILE="$ROOT/src/main/keycloak/evenhand-realm.json"
DEMO_USERS="$ROOT/src/main/keycloak/demo-users.json"
DEMO_JQ="$ROOT/src/main/keycloak/demo-realm.jq"
CHECK_JQ="$ROOT/src/test/keycloak/production-check-realm.jq"
CHECK_REALM=evenhand-production-check
REALM=evenhand
CLIENT_ID=evenhand-web

KEYCLOAK_VERSION="${KEYCLOAK_VERSION:-26.7.3}"
EVENHAND_HOME="${EVENHAND_HOME:-$HOME/.local/share/evenhand}"
KC_DIR="$EVENHAND_HOME/keycloak-$KEYCLOAK_VERSION"
KEYCLOAK_PORT="${KEYCLOAK_PORT:-8180}"
KC_URL="http://127.0.0.1:$KEYCLOAK_PORT"
READY_URL="$KC_URL/realms/$REALM/.well-known/openid-configuration"
TOKEN_URL="$KC_URL/realms/$REALM/protocol/openid-connect/token"
PID_FILE="$KC_DIR/keycloak.pid"
LOG_FILE="$KC_DIR/keycloak.log"
STAMP_FILE="$KC_DIR/data/evenhand-realm.sha256"
START_TIMEOUT="${KEYCLOAK_START_TIMEOUT:-240}"

# shellcheck source=scripts/secrets.sh
source "$SCRIPT_DIR/secrets.sh"

die() { echo "keycloak: $*" >&2; exit 1; }

answering() { curl -fsS -o /dev/null --max-time 3 "$READY_URL" 2>/dev/null; }

running_pid() {   # prints the pid if our instance is alive
  local pid
  [ -f "$PID_FILE" ] || return 1
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  # guard against a stale pid file whose pid now belongs to something else
  if [ -r "/proc/$pid/cmdline" ]; then
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -e "$KC_DIR/" -e 'kc.sh' || return 1
  fi
  echo "$pid"
}

install_keycloak() {
  [ -x "$KC_DIR/bin/kc.sh" ] && return 0
  local mvn tmp tarball partial
  if [ -x "$ROOT/mvnw" ]; then mvn="$ROOT/mvnw"; else mvn=mvn; fi
  command -v "$mvn" >/dev/null 2>&1 || die "neither ./mvnw nor mvn found"
  mkdir -p "$EVENHAND_HOME"
  tmp="$(mktemp -d "$EVENHAND_HOME/.download.XXXXXX")"
  echo "keycloak: fetching org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:tar.gz via Maven..." >&2
  # Run outside the project so the (possibly half-written) pom is not involved.
  if ! (cd "$tmp" && "$mvn" -q -B dependency:copy \
        "-Dartifact=org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:tar.gz" \
        "-DoutputDirectory=$tmp") >&2; then
    if [ "$mvn" != mvn ] && command -v mvn >/dev/null 2>&1; then
      (cd "$tmp" && mvn -q -B dependency:copy \
        "-Dartifact=org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:tar.gz" \
        "-DoutputDirectory=$tmp") >&2 || { rm -rf "$tmp"; die "Maven download failed"; }
    else
      rm -rf "$tmp"; die "Maven download failed"
    fi
  fi
  tarball="$tmp/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz"
  [ -f "$tarball" ] || { rm -rf "$tmp"; die "tarball missing after download"; }
  partial="$tmp/unpacked"
  mkdir -p "$partial"
  tar -xzf "$tarball" -C "$partial"
  [ -x "$partial/keycloak-$KEYCLOAK_VERSION/bin/kc.sh" ] || { rm -rf "$tmp"; die "unexpected tarball layout"; }
  mv "$partial/keycloak-$KEYCLOAK_VERSION" "$KC_DIR"
  rm -rf "$tmp"
  echo "keycloak: installed $KC_DIR" >&2
}

java_major() {   # $1 = java binary
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1 | cut -d. -f1
}

pick_java() {    # exports JAVA_HOME for kc.sh when KEYCLOAK_JAVA_HOME is set
  if [ -n "${KEYCLOAK_JAVA_HOME:-}" ]; then
    export JAVA_HOME="$KEYCLOAK_JAVA_HOME"
  fi
  local java="java"
  [ -n "${JAVA_HOME:-}" ] && java="$JAVA_HOME/bin/java"
  command -v "$java" >/dev/null 2>&1 || die "no java found (set KEYCLOAK_JAVA_HOME)"
  local major
  major="$(java_major "$java")"
  if [ -z "$major" ] || [ "$major" -lt 17 ]; then die "Keycloak $KEYCLOAK_VERSION needs Java 17+ (found: ${major:-unknown}); set KEYCLOAK_JAVA_HOME"; fi
}

realm_checksum() {   # realm files + the values substituted into them
  { cat "$REALM_FILE" "$DEMO_USERS" "$DEMO_JQ"; [ ! -f "$CHECK_JQ" ] || cat "$CHECK_JQ"; printf '\n%s\n%s\n%s\n%s\n%s\n' "$KEYCLOAK_VERSION" "$EVENHAND_OIDC_SECRET" "$EVENHAND_DEMO_PASSWORD" \
    "$EVENHAND_PROVISIONING_SECRET" "$EVENHAND_MEMBERSHIP_SECRET"; } \
    | sha256sum | cut -d' ' -f1
}

write_realm() {   # $1 = jq program deriving a realm from the production realm, $2 = file to write (mode 600)
  local out="$2"
  ( umask 077; jq --slurpfile users "$DEMO_USERS" -f "$1" "$REALM_FILE" >"$out.tmp" ) || die "could not derive $out with $1"
  mv "$out.tmp" "$out"
}

wait_ready() {   # $1 = pid
  local pid="$1" start now
  start="$(date +%s)"
  while :; do
    if answering; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "keycloak: process $pid exited during startup; last log lines:" >&2
      tail -n 40 "$LOG_FILE" >&2 || true
      rm -f "$PID_FILE"
      return 1
    fi
    now="$(date +%s)"
    if [ $((now - start)) -ge "$START_TIMEOUT" ]; then
      echo "keycloak: not ready after ${START_TIMEOUT}s (still running as pid $pid); see $LOG_FILE" >&2
      return 1
    fi
    sleep 1
  done
}

cmd_start() {
  local pid t0 sum
  t0="$(date +%s)"
  if pid="$(running_pid)"; then
    if answering; then
      echo "keycloak: already running (pid $pid) at $KC_URL"
      if [ -f "$STAMP_FILE" ] && [ "$(cat "$STAMP_FILE")" != "$(realm_checksum)" ]; then
        echo "keycloak: WARNING: the realm files or secrets changed since this instance imported them;" \
          "restart it (scripts/keycloak.sh stop; scripts/keycloak.sh start) to import them" >&2
      fi
      return 0
    fi
    echo "keycloak: pid $pid is starting; waiting..." >&2
    wait_ready "$pid" || exit 1
    echo "keycloak: ready at $KC_URL (pid $pid)"
    return 0
  fi
  if answering; then
    echo "keycloak: something already serves realm $REALM at $KC_URL (not started by this script); leaving it alone"
    return 0
  fi
  if curl -s -o /dev/null --max-time 3 "$KC_URL/" 2>/dev/null; then
    die "port $KEYCLOAK_PORT is in use by something else (no realm $REALM there)"
  fi
  [ -f "$REALM_FILE" ] || die "realm file not found: $REALM_FILE"
  if ! command -v jq >/dev/null 2>&1; then
    echo "keycloak: installing jq (it derives the demo realm from the production realm)" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq >/dev/null; } || die "jq is needed to derive the demo realm (apt-get install jq)"
  fi
  case "$EVENHAND_OIDC_SECRET$EVENHAND_DEMO_PASSWORD$EVENHAND_PROVISIONING_SECRET$EVENHAND_MEMBERSHIP_SECRET" in
    *'"'*|*'\'*) die "the secrets (scripts/secrets.sh) must not contain quotes or backslashes" ;;
  esac

  install_keycloak
  pick_java

  mkdir -p "$KC_DIR/data/import"
  sum="$(realm_checksum)"
  if [ -d "$KC_DIR/data/h2" ] && [ "$(cat "$STAMP_FILE" 2>/dev/null || true)" != "$sum" ]; then
    echo "keycloak: realm file or secrets changed since last import; resetting dev database" >&2
    rm -rf "$KC_DIR/data/h2"
  fi
  rm -f "$STAMP_FILE"
  rm -f "$KC_DIR/data/import/"*.json
  write_realm "$DEMO_JQ" "$KC_DIR/data/import/$REALM-realm.json"
  if [ -f "$CHECK_JQ" ]; then write_realm "$CHECK_JQ" "$KC_DIR/data/import/$CHECK_REALM-realm.json"; fi

  export JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms64m -Xmx512m}"
  export EVENHAND_OIDC_SECRET EVENHAND_DEMO_PASSWORD EVENHAND_PROVISIONING_SECRET EVENHAND_MEMBERSHIP_SECRET
  # Nothing in dev mode phones home; keep the cache local and the banner quiet.
  : >>"$LOG_FILE"
  printf '\n==== %s keycloak.sh start ====\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >>"$LOG_FILE"
  # New session (setsid): no controlling terminal, immune to the caller's
  # Ctrl-C/hangup; all fds redirected so callers using $(...) or pipes don't hang.
  (
    cd "$KC_DIR"
    exec setsid bash -c 'echo $$ >"$1"; shift; exec nohup "$@"' _ "$PID_FILE" \
      bin/kc.sh start-dev --import-realm \
        --http-host 127.0.0.1 --http-port "$KEYCLOAK_PORT" --hostname "$KC_URL" \
        --cache local \
        </dev/null >>"$LOG_FILE" 2>&1
  ) &
  for _ in $(seq 1 50); do [ -s "$PID_FILE" ] && break; sleep 0.1; done
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [ -n "$pid" ] || die "failed to launch; see $LOG_FILE"
  echo "keycloak: starting (pid $pid, log $LOG_FILE)..." >&2
  wait_ready "$pid" || exit 1
  echo "$sum" >"$STAMP_FILE"
  echo "keycloak: ready at $KC_URL in $(( $(date +%s) - t0 ))s (pid $pid)"
}

cmd_stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE"
    echo "keycloak: not running"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "keycloak: pid $pid did not stop in 30s; killing its process group" >&2
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    sleep 1
  fi
  rm -f "$PID_FILE"
  echo "keycloak: stopped (pid $pid)"
}

cmd_status() {
  local pid
  if pid="$(running_pid)"; then
    if answering; then echo "keycloak: running (pid $pid) at $KC_URL, realm $REALM ready"; return 0; fi
    echo "keycloak: process $pid alive but realm $REALM not answering (starting?)"; return 1
  fi
  if answering; then echo "keycloak: realm $REALM answering at $KC_URL (not started by this script)"; return 0; fi
  echo "keycloak: stopped"
  return 3
}

urlencode() {
  local LC_ALL=C s="$1" out="" c i
  for ((i = 0; i < ${#s}; i++)); do
    c="${s:i:1}"
    case "$c" in
      [A-Za-z0-9.~_-]) out+="$c" ;;
      *) out+="$(printf '%%%02X' "'$c")" ;;
    esac
  done
  printf '%s' "$out"
}

cmd_token() {
  local user="${1:-}" password="${2:-$EVENHAND_DEMO_PASSWORD}" body response token
  [ -n "$user" ] || die "usage: $0 token <user> [password]"
  body="grant_type=password&client_id=$CLIENT_ID&client_secret=$(urlencode "$EVENHAND_OIDC_SECRET")"
  body+="&username=$(urlencode "$user")&password=$(urlencode "$password")&scope=openid"
  # Body on stdin so the secret/password don't show up in `ps`.
  response="$(printf '%s' "$body" | curl -sS --max-time 15 -H 'Content-Type: application/x-www-form-urlencoded' \
    --data-binary @- "$TOKEN_URL")" || die "token request to $TOKEN_URL failed (is Keycloak running?)"
  if command -v python3 >/dev/null 2>&1; then
    token="$(printf '%s' "$response" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("access_token",""))' 2>/dev/null || true)"
  else
    token="$(printf '%s' "$response" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
  fi
  [ -n "$token" ] || die "no access token: $response"
  printf '%s\n' "$token"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  token) shift; cmd_token "$@" ;;
  *) echo "usage: $0 start|stop|status|token <user> [password]" >&2; exit 2 ;;
esac
