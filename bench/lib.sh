#!/usr/bin/env bash
# Shared by the benchmarks under bench/: the machine, a fresh benchmark database, the packaged app
# started on it, a real token from the local Keycloak. Source it; it does nothing by itself.
#
# Environment: BENCH_DB (evenhand_bench), BENCH_PORT (8090), BENCH_JAVA (the JVM of scripts/demo.sh:
# $EVENHAND_JAVA), BENCH_JAVA_OPTS (its JVM options), EVENHAND_DB_PASSWORD (postgres).
set -euo pipefail
BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_DB="${BENCH_DB:-evenhand_bench}"
BENCH_PORT="${BENCH_PORT:-8090}"
BENCH_OUT="$BENCH_ROOT/target/bench"
BENCH_URL="http://127.0.0.1:$BENCH_PORT"
export PGPASSWORD="${EVENHAND_DB_PASSWORD:-postgres}"
mkdir -p "$BENCH_OUT"
# shellcheck source=scripts/jvm-options.sh
source "$BENCH_ROOT/scripts/jvm-options.sh"
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:-$EVENHAND_JAVA_OPTS}"
BENCH_JAVA="${BENCH_JAVA:-$EVENHAND_JAVA}"

bench_machine() {
  echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')),"\
    "$(free -g | awk '/Mem:/ {print $2}') GiB, $("$BENCH_JAVA" -version 2>&1 | head -1), $(psql -h 127.0.0.1 -U postgres -d postgres -tAc 'SHOW server_version' 2>/dev/null | cut -d' ' -f1 | sed 's/^/PostgreSQL /')"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min; other work on the machine makes figures pessimistic)"
}

bench_psql() { psql -X -q -h 127.0.0.1 -U postgres -d "$BENCH_DB" -tAc "$1"; }

bench_build() {
  cd "$BENCH_ROOT"
  if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ -n "$(find src pom.xml workflows -newer target/quarkus-app/quarkus-run.jar -type f | head -1)" ]; then
    echo "bench: building the application..." >&2
    ./mvnw -B -q -Dquick -DskipTests package >&2
  fi
}

bench_fresh_db() {
  bash "$BENCH_ROOT/scripts/ensure-postgres.sh" >/dev/null
  psql -X -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" \
    -c "CREATE DATABASE $BENCH_DB" >/dev/null
}

# bench_start_app [extra -D options...]: starts the app on the benchmark database; sets BENCH_PID and
# BENCH_READY_MS (launch to /q/health/ready answering 200).
bench_start_app() {
  cd "$BENCH_ROOT"
  # shellcheck source=scripts/secrets.sh
  source scripts/secrets.sh
  local t0 log="$BENCH_OUT/app.log"
  if curl -s -o /dev/null "$BENCH_URL/q/health/live" 2>/dev/null; then
    echo "bench: something already listens on $BENCH_URL (an app left running?); stop it or set BENCH_PORT" >&2
    return 1
  fi
  bench_keycloak # the app finds its identity provider at start-up
  t0=$(date +%s%N)
  # shellcheck disable=SC2086
  EVENHAND_DB_URL="jdbc:postgresql://127.0.0.1:5432/$BENCH_DB" EVENHAND_HTTP_PORT="$BENCH_PORT" \
    EVENHAND_SEEDS="$BENCH_ROOT/seeds/demo" EVENHAND_MAIL_LOG_ONLY=true EVENHAND_TRAIL_ANCHORS="$BENCH_OUT/anchors" \
    "$BENCH_JAVA" $BENCH_JAVA_OPTS "$@" -jar target/quarkus-app/quarkus-run.jar >"$log" 2>&1 &
  BENCH_PID=$!
  for _ in $(seq 1 1200); do
    if curl -fsS -o /dev/null "$BENCH_URL/q/health/ready" 2>/dev/null; then
      BENCH_READY_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
      return 0
    fi
    kill -0 "$BENCH_PID" 2>/dev/null || { echo "bench: the app exited; see $log" >&2; tail -20 "$log" >&2; return 1; }
    sleep 0.05
  done
  echo "bench: the app was not ready in 60 s; see $log" >&2
  return 1
}

bench_stop_app() {
  if [ -n "${BENCH_PID:-}" ] && kill -0 "$BENCH_PID" 2>/dev/null; then
    kill "$BENCH_PID"
    wait "$BENCH_PID" 2>/dev/null || true
  fi
  BENCH_PID=
}

bench_rss_mb() { echo $(( $(awk '/VmRSS/ {print $2}' "/proc/$1/status") / 1024 )); }

# The local Keycloak, fetched and started if it is not running.
bench_keycloak() {
  bash "$BENCH_ROOT/scripts/keycloak.sh" status >/dev/null 2>&1 || bash "$BENCH_ROOT/scripts/keycloak.sh" start >&2
}

# A real access token from the local Keycloak.
bench_token() {
  bench_keycloak
  bash "$BENCH_ROOT/scripts/keycloak.sh" token "${1:-alice}"
}

bench_need_wrk() {
  command -v wrk >/dev/null || { echo "bench: installing wrk (apt-get)..." >&2; apt-get install -y -q wrk >/dev/null; }
}

# The floor application (bench/floor-app): the same framework, token verification and JVM options,
# no database. floor_build builds it with the product's Quarkus version; floor_start [JVM options...]
# starts it on FLOOR_PORT (8091) and sets FLOOR_PID and FLOOR_READY_MS; floor_stop stops it.
FLOOR_PORT="${FLOOR_PORT:-8092}"
FLOOR_URL="http://127.0.0.1:$FLOOR_PORT"
floor_build() {
  local app="$BENCH_ROOT/bench/floor-app" version
  version=$(sed -n 's:.*<quarkus.platform.version>\(.*\)</quarkus.platform.version>.*:\1:p' "$BENCH_ROOT/pom.xml" | head -1)
  if [ ! -f "$app/target/quarkus-app/quarkus-run.jar" ] || [ -n "$(find "$app/src" "$app/pom.xml" -newer "$app/target/quarkus-app/quarkus-run.jar" -type f | head -1)" ]; then
    echo "bench: building the floor application (Quarkus $version)..." >&2
    "$BENCH_ROOT/mvnw" -B -q -f "$app/pom.xml" -Dquarkus.platform.version="$version" package >&2
  fi
}

floor_start() {
  local t0 log="$BENCH_OUT/floor.log"
  bench_keycloak
  t0=$(date +%s%N)
  # shellcheck disable=SC2068
  FLOOR_HTTP_PORT="$FLOOR_PORT" "$BENCH_JAVA" $@ -jar "$BENCH_ROOT/bench/floor-app/target/quarkus-app/quarkus-run.jar" >"$log" 2>&1 &
  FLOOR_PID=$!
  for _ in $(seq 1 1200); do
    if curl -fsS -o /dev/null "$FLOOR_URL/api/floor/ready" 2>/dev/null; then
      FLOOR_READY_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
      return 0
    fi
    kill -0 "$FLOOR_PID" 2>/dev/null || { echo "bench: the floor app exited; see $log" >&2; tail -20 "$log" >&2; return 1; }
    sleep 0.05
  done
  echo "bench: the floor app was not ready in 60 s; see $log" >&2
  return 1
}

floor_stop() {
  if [ -n "${FLOOR_PID:-}" ] && kill -0 "$FLOOR_PID" 2>/dev/null; then
    kill "$FLOOR_PID"
    wait "$FLOOR_PID" 2>/dev/null || true
  fi
  FLOOR_PID=
}

# ratio A B: A / B to two places ("-" when B is zero or missing)
ratio() { if [ -n "${2:-}" ] && [ "$(echo "$2 > 0" | bc)" = 1 ]; then echo "scale=2; $1 / $2" | bc | sed 's/^\./0./'; else echo "-"; fi; }
