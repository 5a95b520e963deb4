#!/usr/bin/env bash
# The member's case view under load: GET /api/me/cases/{ref} with a real Keycloak token, from wrk
# in a second process, over the member's cases at random: a realistic mix, each kind taken through
# the real API (RealisticCasesSeeder): fresh, in investigation, decided, decided and appealed, and
# pile-ons of five complainants. Prints the rate and p50/p90/p99 over the mix, the CPU each request
# costs the app and PostgreSQL, each kind's own rate and p99, and the member's case list. Then, in the same run, the floor: the same token,
# connections and body sizes against bench/floor-app (the same framework and token verification,
# a fixed body, no database), and the ratio of the two rates.
#
#   bench/view.sh [seconds=30] [connections=8] [wrk threads=2] [cases of each kind=30]
#   BENCH_JFR=1 bench/view.sh ...   also record a JFR profile and print the hottest frames
#   BENCH_REUSE=1 bench/view.sh ... view the cases the last run seeded in $BENCH_DB again (no new
#                                    filing or seeding; the app starts on that database as it is)
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
SECONDS_RUN="${1:-30}"
CONNECTIONS="${2:-8}"
THREADS="${3:-2}"
EACH="${4:-30}"
bench_need_wrk
bench_build
floor_build
bench_machine
REUSE=
if [ "${BENCH_REUSE:-}" = 1 ] && [ -s "$BENCH_OUT/view-kinds.txt" ] \
    && [ "$(bench_psql "SELECT count(*) FROM cases" 2>/dev/null || echo 0)" -ge "$(wc -l <"$BENCH_OUT/view-kinds.txt")" ]; then
  REUSE=1
else
  bench_fresh_db
fi
JFR_OPTS=()
if [ "${BENCH_JFR:-}" = 1 ]; then
  JFR_OPTS=("-XX:StartFlightRecording=filename=$BENCH_OUT/view.jfr,settings=profile,delay=40s")
fi
bench_start_app -Devenhand.intake.rate-limit.enabled=false -Devenhand.mail.dispatch-every=1h "${JFR_OPTS[@]}"
trap 'bench_stop_app; floor_stop' EXIT
echo "app ready in $BENCH_READY_MS ms"
export BENCH_TOKEN BENCH_REFS="$BENCH_OUT/view-refs.txt"
# Keycloak's access tokens live 5 minutes and seeding takes longer: a fresh token before each load
fresh_token() { BENCH_TOKEN="$(bench_token alice)"; }
fresh_token

if [ -n "$REUSE" ]; then
  echo "reusing the $(wc -l <"$BENCH_OUT/view-kinds.txt") cases seeded in $BENCH_DB by the last run"
else
echo "filing $EACH fresh complaints as alice (each a case at triage, with its post as evidence)..."
BENCH_RUN=view wrk -t1 -c4 -d600s -s "$(dirname "$0")/intake.lua" "$BENCH_URL" >/dev/null &
wrk_pid=$!
while [ "$(bench_psql "SELECT count(*) FROM cases")" -lt "$EACH" ]; do sleep 0.2; done
kill "$wrk_pid"; wait "$wrk_pid" 2>/dev/null || true
while [ "$(bench_psql "SELECT count(*) FROM cases WHERE status = 'RECEIVED'")" != 0 ]; do sleep 0.2; done
echo "taking $EACH cases of each other kind through the API (investigation, decided, appealed, pile-ons)..."
( cd "$BENCH_ROOT" && ./mvnw -B -q -Dquick -DskipDb=true test -Dtest=RealisticCasesSeeder \
    -Dsurefire.failIfNoSpecifiedTests=false -Dbench.url="$BENCH_URL" -Dbench.each="$EACH" ) >"$BENCH_OUT/view-seed.log" 2>&1 \
  || { tail -30 "$BENCH_OUT/view-seed.log" >&2; exit 1; }
kinds="CASE WHEN EXISTS (SELECT 1 FROM appeals a WHERE a.case_id = c.id) THEN 'appealed'
  WHEN EXISTS (SELECT 1 FROM decisions d WHERE d.case_id = c.id) THEN 'decided'
  WHEN (SELECT count(*) FROM case_complainants j WHERE j.case_id = c.id) > 1 THEN 'pile-on'
  WHEN c.triaged_at IS NOT NULL THEN 'investigation' ELSE 'fresh' END"
bench_psql "SELECT $kinds || ' ' || c.ref FROM cases c ORDER BY c.id" >"$BENCH_OUT/view-kinds.txt"
fi
fresh_token
cut -d' ' -f2 "$BENCH_OUT/view-kinds.txt" >"$BENCH_REFS"
echo "$(wc -l <"$BENCH_REFS") cases:" $(cut -d' ' -f1 "$BENCH_OUT/view-kinds.txt" | sort | uniq -c | awk '{printf "%s %s, ", $1, $2}')
for kind in fresh investigation decided appealed pile-on; do
  ref=$(awk -v k="$kind" '$1 == k {print $2; exit}' "$BENCH_OUT/view-kinds.txt")
  [ -n "$ref" ] && echo "  a $kind case's view is $(curl -fsS -H "Authorization: Bearer $BENCH_TOKEN" "$BENCH_URL/api/me/cases/$ref" | wc -c) bytes"
done

cputime() { awk '{print $14+$15}' "/proc/$1/stat"; }
pgcpu() { local t=0 p; for p in $(pgrep -f "postgres: .* $BENCH_DB " || true); do t=$((t + $(cputime "$p"))); done; echo "$t"; }
# warm_up URL: 15-s rounds of the same load (not counted) until the rate stops rising by a tenth (at
# most 8): on a busy machine the JIT takes minutes to compile the app's paths, and a fixed 30 s
# compared a half-compiled app with a small floor compiled in seconds.
warm_up() {
  local prev=0 rate i
  for i in 1 2 3 4 5 6 7 8; do
    rate=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d15s -s "$(dirname "$0")/view.lua" "$1" | grep '^RESULT' \
      | sed 's/.* ok=\([0-9]*\) .* seconds=\([0-9.]*\) .*/\1 \2/' | awk '{printf "%d", $1 / $2}')
    echo "  warm-up round $i: $rate/s"
    [ "$i" -ge 2 ] && [ "$rate" -le $((prev + prev / 10)) ] && break
    prev=$rate
  done
}
fresh_token
echo "warm-up: 15-s rounds until the rate stops rising (not counted)"
warm_up "$BENCH_URL"
a0=$(cputime "$BENCH_PID"); p0=$(pgcpu)
echo "run: $SECONDS_RUN s, $CONNECTIONS connections, $THREADS wrk threads"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_RUN}s" -s "$(dirname "$0")/view.lua" "$BENCH_URL" \
  | tee "$BENCH_OUT/view-wrk.txt" | grep -v '^RESULT' | sed 's/^/  /'
a1=$(cputime "$BENCH_PID"); p1=$(pgcpu)
eval "$(grep '^RESULT' "$BENCH_OUT/view-wrk.txt" | sed 's/^RESULT //' | tr ' ' '\n' | sed 's/^/R_/')"
echo "each kind alone, 10 s:"
fresh_token
for kind in fresh investigation decided appealed pile-on; do
  awk -v k="$kind" '$1 == k {print $2}' "$BENCH_OUT/view-kinds.txt" >"$BENCH_OUT/view-refs-$kind.txt"
  [ -s "$BENCH_OUT/view-refs-$kind.txt" ] || continue
  BENCH_REFS="$BENCH_OUT/view-refs-$kind.txt" wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s "$(dirname "$0")/view.lua" \
    "$BENCH_URL" | grep '^RESULT' | awk -v k="$kind" '{for (i = 2; i <= NF; i++) {split($i, kv, "="); r[kv[1]] = kv[2]}
      printf "  %-13s %5d views/s, p99 %s ms (%d answered 200, %d other)\n", k, r["ok"] / r["seconds"], r["p99_ms"], r["ok"], r["other"]}'
done
fresh_token
echo "the member's case list (GET /api/me/cases, $(wc -l <"$BENCH_REFS") cases), 10 s:"
echo "?" >"$BENCH_OUT/view-list.txt"
BENCH_PREFIX="/api/me/cases" BENCH_REFS="$BENCH_OUT/view-list.txt" wrk -t"$THREADS" -c"$CONNECTIONS" -d10s \
  -s "$(dirname "$0")/view.lua" "$BENCH_URL" | grep '^RESULT' | awk '{for (i = 2; i <= NF; i++) {split($i, kv, "="); r[kv[1]] = kv[2]}
    printf "  %5d lists/s, p99 %s ms (%d answered 200, %d other)\n", r["ok"] / r["seconds"], r["p99_ms"], r["ok"], r["other"]}'
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
fresh_token
BENCH_PREFIX="/api/floor/view?bytes=" BENCH_REFS="$BENCH_OUT/view-sizes.txt" warm_up "$FLOOR_URL"
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
