#!/usr/bin/env bash
# Class data made once per build and mapped on every later start of the packaged app: on JDK 25 (chosen by
# scripts/jvm-options.sh when present) the AOT cache (JEP 483/514/515: classes loaded and linked, heap
# objects, method profiles) in target/evenhand-app.aot; on Java 17 a dynamic class-data archive
# (target/evenhand-app.jsa). Source scripts/jvm-options.sh and this, then call evenhand_cds_prepare (makes
# the archive when the jar is newer than it, with one training boot) and use $(evenhand_cds_options) on the
# $EVENHAND_JAVA command line.
#
# The training boot needs what a normal boot needs (PostgreSQL, Keycloak, EVENHAND_* settings) and
# writes the archive when the app stops. EVENHAND_CDS=off turns it off.
EVENHAND_CDS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/jvm-options.sh
declare -F evenhand_java_major >/dev/null || source "$EVENHAND_CDS_ROOT/scripts/jvm-options.sh"
if [ "$(evenhand_java_major)" -ge 25 ] 2>/dev/null; then EVENHAND_CDS_KIND=aot; else EVENHAND_CDS_KIND=jsa; fi
EVENHAND_CDS_ARCHIVE="${EVENHAND_CDS_ARCHIVE:-$EVENHAND_CDS_ROOT/target/evenhand-app.$EVENHAND_CDS_KIND}"

# evenhand_cds_record FILE / evenhand_cds_use FILE: the JVM option that writes / maps an archive for this JDK
evenhand_cds_record() {
  if [ "$EVENHAND_CDS_KIND" = aot ]; then echo "-XX:AOTCacheOutput=$1"; else echo "-XX:ArchiveClassesAtExit=$1"; fi
}
evenhand_cds_use() {
  if [ "$EVENHAND_CDS_KIND" = aot ]; then echo "-XX:AOTCache=$1"; else echo "-XX:SharedArchiveFile=$1 -Xshare:auto"; fi
}

evenhand_cds_options() {
  if [ "${EVENHAND_CDS:-on}" != off ] && [ -f "$EVENHAND_CDS_ARCHIVE" ]; then
    evenhand_cds_use "$EVENHAND_CDS_ARCHIVE"
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
  echo "cds: training boot to record the $EVENHAND_CDS_KIND archive (once per build)..." >&2
  rm -f "$EVENHAND_CDS_ARCHIVE"
  # shellcheck disable=SC2086,SC2046
  EVENHAND_HTTP_PORT="$port" "$EVENHAND_JAVA" ${EVENHAND_JAVA_OPTS:-} $(evenhand_cds_record "$EVENHAND_CDS_ARCHIVE") \
    -jar "$jar" >"$EVENHAND_CDS_ROOT/target/cds-training.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 1200); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  # a few requests so the classes (and, on JDK 25, the method profiles) of the request path are in the archive too
  local path
  for path in /api/definition /api/me/cases /definition /; do
    curl -fsS -o /dev/null "http://127.0.0.1:$port$path" 2>/dev/null || true
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true # JDK 25 assembles the cache as it exits
  [ -f "$EVENHAND_CDS_ARCHIVE" ] || echo "cds: no archive written (see target/cds-training.log); starting without" >&2
}
