#!/usr/bin/env bash
# Boot to ready and memory after boot: starts the packaged app several times on the benchmark
# database and prints, for each JVM configuration, the time from launching java to
# /q/health/ready answering 200 (median of the restarts; the first boot on an empty database,
# which creates the schema, is shown apart) and the resident memory (RSS) once ready.
#
#   bench/boot.sh [restarts=5]          BENCH_BOOT_PLAIN=off leaves out the "plain" configuration
# Configurations: "plain" (java -jar with the PATH's java, JVM defaults), "demo" (scripts/jvm-options.sh,
# as scripts/demo.sh runs it: JDK 25 when present, with its AOT cache, else Java 17 with its class-data
# archive; scripts/cds.sh), and the floor: bench/floor-app, a bare Quarkus REST application with the same
# OIDC set-up, the same JVM and JVM options and its own archive of the same kind, started the same way;
# then the ratio demo / floor.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
RESTARTS="${1:-5}"
bench_build
floor_build
bench_machine
# shellcheck source=scripts/cds.sh
source "$BENCH_ROOT/scripts/cds.sh"
# shellcheck source=scripts/secrets.sh
source "$BENCH_ROOT/scripts/secrets.sh"
# the CDS training boot runs like the benchmark boots
export EVENHAND_DB_URL="jdbc:postgresql://127.0.0.1:5432/$BENCH_DB" EVENHAND_SEEDS="$BENCH_ROOT/seeds/demo" \
  EVENHAND_MAIL_LOG_ONLY=true EVENHAND_TRAIL_ANCHORS="$BENCH_OUT/anchors"

boot_once() { # label, JVM options...; prints "ms rss_mb"
  local label="$1" java="$BENCH_JAVA"; shift
  [ "$label" != plain ] || java=java
  BENCH_JAVA="$java" BENCH_JAVA_OPTS="$*" bench_start_app >/dev/null
  local ms=$BENCH_READY_MS rss
  rss=$(bench_rss_mb "$BENCH_PID")
  sleep 3
  local rss_settled
  rss_settled=$(bench_rss_mb "$BENCH_PID")
  bench_stop_app
  echo "$ms $rss $rss_settled"
}

floor_once() { # JVM options...; prints "ms rss_mb rss_3s_later"
  floor_start "$@"
  local ms=$FLOOR_READY_MS rss rss_settled
  rss=$(bench_rss_mb "$FLOOR_PID")
  sleep 3
  rss_settled=$(bench_rss_mb "$FLOOR_PID")
  floor_stop
  echo "$ms $rss $rss_settled"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }

report() { # label, JVM options...
  local label="$1"; shift
  bench_fresh_db
  read -r first rss_first _ < <(boot_once "$label" "$@")
  local times=() rss=() settled=()
  for _ in $(seq 1 "$RESTARTS"); do
    read -r t r s < <(boot_once "$label" "$@")
    times+=("$t"); rss+=("$r"); settled+=("$s")
  done
  printf '%-6s restart to ready: median %5d ms (%s); RSS when ready: median %3d MB, 3 s later %3d MB; first boot on an empty database %d ms, %d MB\n' \
    "$label" "$(printf '%s\n' "${times[@]}" | median)" "$(IFS=,; echo "${times[*]}")" \
    "$(printf '%s\n' "${rss[@]}" | median)" "$(printf '%s\n' "${settled[@]}" | median)" "$first" "$rss_first"
}

echo "JVM (demo): $EVENHAND_JAVA; options: $EVENHAND_JAVA_OPTS $(evenhand_cds_use "$EVENHAND_CDS_ARCHIVE")"
{
  [ "${BENCH_BOOT_PLAIN:-on}" = off ] || report plain
  evenhand_cds_prepare
  report demo $EVENHAND_JAVA_OPTS $(evenhand_cds_options)
} | tee "$BENCH_OUT/boot.txt"
DEMO_MS=$(sed -n 's/^demo .*restart to ready: median *\([0-9]*\) ms.*/\1/p' "$BENCH_OUT/boot.txt")
DEMO_RSS=$(sed -n 's/^demo .*RSS when ready: median *\([0-9]*\) MB.*/\1/p' "$BENCH_OUT/boot.txt")

floor_jsa="$BENCH_OUT/floor-app.$EVENHAND_CDS_KIND"
rm -f "$floor_jsa"
floor_start $EVENHAND_JAVA_OPTS $(evenhand_cds_record "$floor_jsa") >/dev/null
curl -fsS -o /dev/null "$FLOOR_URL/api/floor/view?bytes=100" 2>/dev/null || true  # no token: a 401, as the app's training boot sees for its API
floor_stop
floor_opts="$EVENHAND_JAVA_OPTS $(evenhand_cds_use "$floor_jsa")"
times=(); rss=()
for _ in $(seq 1 "$RESTARTS"); do
  read -r t r _ < <(floor_once $floor_opts)
  times+=("$t"); rss+=("$r")
done
FLOOR_MS=$(printf '%s\n' "${times[@]}" | median)
FLOOR_RSS=$(printf '%s\n' "${rss[@]}" | median)
printf 'floor  restart to ready: median %5d ms (%s); RSS when ready: median %3d MB (bench/floor-app, same JVM and options, its own archive)\n' \
  "$FLOOR_MS" "$(IFS=,; echo "${times[*]}")" "$FLOOR_RSS"
printf 'FIGURE boot ready_ms=%s rss_mb=%s floor_ready_ms=%s floor_rss_mb=%s ratio=%s target_ready_ms=3000 target_rss_mb=350\n' \
  "$DEMO_MS" "$DEMO_RSS" "$FLOOR_MS" "$FLOOR_RSS" "$(ratio "$DEMO_MS" "$FLOOR_MS")"
