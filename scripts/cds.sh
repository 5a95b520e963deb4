#!/usr/bin/env bash
# Class-data sharing for the packaged app (Java 17 dynamic archives): the classes a boot loads,
# parsed and verified once and mapped from target/evenhand-app.jsa on every later start. Source
# it, then call evenhand_cds_prepare (makes the archive when the jar is newer than it, with one
# training boot) and use $(evenhand_cds_options) on the java command line.
#
# The training boot needs what a normal boot needs (PostgreSQL, Keycloak, EVENHAND_* settings) and
# writes the archive when the app stops. EVENHAND_CDS=off turns it off.
EVENHAND_CDS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EVENHAND_CDS_ARCHIVE="${EVENHAND_CDS_ARCHIVE:-$EVENHAND_CDS_ROOT/target/evenhand-app.jsa}"

evenhand_cds_options() {
  if [ "${EVENHAND_CDS:-on}" != off ] && [ -f "$EVENHAND_CDS_ARCHIVE" ]; then
    echo "-XX:SharedArchiveFile=$EVENHAND_CDS_ARCHIVE -Xshare:auto"
  fi
}

# evenhand_cds_prepare [port]: (re)creates the archive with a training boot if it is missing or older than the jar.
evenhand_cds_prepare() {
  [ "${EVENHAND_CDS:-on}" != off ] || return 0
  local jar="$EVENHAND_CDS_ROOT/target/quarkus-app/quarkus-run.jar" port="${1:-18099}"
  if [ -f "$EVENHAND_CDS_ARCHIVE" ] && [ "$EVENHAND_CDS_ARCHIVE" -nt "$jar" ] \
    && [ -z "$(find "$EVENHAND_CDS_ROOT/target/quarkus-app" -newer "$EVENHAND_CDS_ARCHIVE" -type f | head -1)" ]; then
    return 0
  fi
  echo "cds: training boot to record the class-data archive (once per build)..." >&2
  rm -f "$EVENHAND_CDS_ARCHIVE"
  # shellcheck disable=SC2086
  EVENHAND_HTTP_PORT="$port" java ${EVENHAND_JAVA_OPTS:-} -XX:ArchiveClassesAtExit="$EVENHAND_CDS_ARCHIVE" \
    -jar "$jar" >"$EVENHAND_CDS_ROOT/target/cds-training.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 600); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  # a request or two so the classes of the request path are in the archive too
  curl -fsS -o /dev/null "http://127.0.0.1:$port/api/definition" 2>/dev/null || true
  curl -fsS -o /dev/null "http://127.0.0.1:$port/api/me/cases" 2>/dev/null || true
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ -f "$EVENHAND_CDS_ARCHIVE" ] || echo "cds: no archive written (see target/cds-training.log); starting without" >&2
}
