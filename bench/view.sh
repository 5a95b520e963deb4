#!/usr/bin/env bash
# The member's case view under load: GET /api/me/cases/{ref} with a real Keycloak token, from wrk
# in a second process, over the member's cases at random. Prints the rate and p50/p90/p99, and the
# CPU each request costs the app and PostgreSQL. Then, in the same run, the floor: the same token,
# connections and body sizes against bench/floor-app (the same framework and token verification,
# a fixed body, no database), and the ratio of the two rates.
#
#   bench/view.sh [seconds=30] [connections=8] [wrk threads=2] [cases=200]
#   BENCH_JFR=1 bench/view.sh ...   also record a JFR profile and print the hottest frames
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
SECONDS_RUN="${1:-30}"
CONNECTIONS="${2:-8}"
THREADS="${3:-2}"
CASES="${4:-200}"
bench_need_wrk
bench_build
floor_build
bench_machine
bench_fresh_db
JFR_OPTS=()
if [ "${BENCH_JFR:-}" = 1 ]; then
  JFR_OPTS=("-XX:StartFlightRecording=filename=$BENCH_OUT/view.jfr,settings=profile,delay=40s")
fi
bench_start_app -Devenhand.intake.rate-limit.enabled=false -Devenhand.mail.dispatch-every=1h "${JFR_OPTS[@]}"
trap 'bench_stop_app; floor_stop' EXIT
echo "app ready in $BENCH_READY_MS ms"
export BENCH_TOKEN BENCH_REFS="$BENCH_OUT/view-refs.txt"
BENCH_TOKEN="$(bench_token alice)"

echo "filing $CASES complaints as alice (each a case at triage, with its post as evidence)..."
BENCH_RUN=view wrk -t1 -c4 -d600s -s "$(dirname "$0")/intake.lua" "$BENCH_URL" >/dev/null &
wrk_pid=$!
while [ "$(bench_psql "SELECT count(*) FROM cases")" -lt "$CASES" ]; do sleep 0.2; done
kill "$wrk_pid"; wait "$wrk_pid" 2>/dev/null || true
while [ "$(bench_psql "SELECT count(*) FROM cases WHERE status = 'RECEIVED'")" != 0 ]; do sleep 0.2; done
bench_psql "SELECT ref FROM cases ORDER BY id" >"$BENCH_REFS"
echo "$(wc -l <"$BENCH_REFS") cases; a view is $(curl -fsS -H "Authorization: Bearer $BENCH_TOKEN" \
  "$BENCH_URL/api/me/cases/$(head -1 "$BENCH_REFS")" | wc -c) bytes"

cputime() { awk '{print $14+$15}' "/proc/$1/stat"; }
pgcpu() { local t=0 p; for p in $(pgrep -f "postgres: .* $BENCH_DB " || true); do t=$((t + $(cputime "$p"))); done; echo "$t"; }
echo "warm-up: 30 s (not counted)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d30s -s "$(dirname "$0")/view.lua" "$BENCH_URL" >/dev/null
a0=$(cputime "$BENCH_PID"); p0=$(pgcpu)
echo "run: $SECONDS_RUN s, $CONNECTIONS connections, $THREADS wrk threads"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_RUN}s" -s "$(dirname "$0")/view.lua" "$BENCH_URL" \
  | tee "$BENCH_OUT/view-wrk.txt" | grep -v '^RESULT' | sed 's/^/  /'
a1=$(cputime "$BENCH_PID"); p1=$(pgcpu)
eval "$(grep '^RESULT' "$BENCH_OUT/view-wrk.txt" | sed 's/^RESULT //' | tr ' ' '\n' | sed 's/^/R_/')"
# each case's body size, for the floor to answer the same bytes
while read -r ref; do
  curl -fsS -H "Authorization: Bearer $BENCH_TOKEN" "$BENCH_URL/api/me/cases/$ref" | wc -c
done <"$BENCH_REFS" >"$BENCH_OUT/view-sizes.txt"
if [ "${BENCH_JFR:-}" = 1 ]; then
  bench_stop_app
  bash "$(dirname "$0")/jfr-top.sh" "$BENCH_OUT/view.jfr"
fi
bench_stop_app

echo
echo "floor: the same token, connections and body sizes against bench/floor-app (no database)"
floor_start $BENCH_JAVA_OPTS
BENCH_PREFIX="/api/floor/view?bytes=" BENCH_REFS="$BENCH_OUT/view-sizes.txt" \
  wrk -t"$THREADS" -c"$CONNECTIONS" -d30s -s "$(dirname "$0")/view.lua" "$FLOOR_URL" >/dev/null
BENCH_PREFIX="/api/floor/view?bytes=" BENCH_REFS="$BENCH_OUT/view-sizes.txt" \
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_RUN}s" -s "$(dirname "$0")/view.lua" "$FLOOR_URL" \
  >"$BENCH_OUT/view-floor-wrk.txt"
floor_stop
eval "$(grep '^RESULT' "$BENCH_OUT/view-floor-wrk.txt" | sed 's/^RESULT //' | tr ' ' '\n' | sed 's/^/F_/')"
view_rate=$(echo "scale=0; $R_ok / $R_seconds" | bc)
floor_rate=$(echo "scale=0; $F_ok / $F_seconds" | bc)
echo
echo "case view: $view_rate views/s over $R_seconds s ($R_ok answered 200, $R_other other)"
echo "latency: p50 ${R_p50_ms} ms, p90 ${R_p90_ms} ms, p99 ${R_p99_ms} ms, max ${R_max_ms} ms"
echo "cpu per view: app $(echo "scale=2; ($a1 - $a0) * 10 / $R_ok" | bc) ms, PostgreSQL $(echo "scale=2; ($p1 - $p0) * 10 / $R_ok" | bc) ms"
echo "floor: $floor_rate answers/s ($F_ok answered 200, $F_other other), p99 ${F_p99_ms} ms"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'FIGURE view rate=%s p99_ms=%s floor_rate=%s floor_p99_ms=%s ratio=%s target_ratio=0.70 target_p99_ms=20\n' \
  "$view_rate" "$R_p99_ms" "$floor_rate" "$F_p99_ms" "$(ratio "$view_rate" "$floor_rate")"
