#!/usr/bin/env bash
# Intake under load, through HTTP with a real Keycloak token, from wrk in a second process: every
# complaint a new case with its post as one text evidence item; each case's process started behind
# intake. Prints the sustained rate, p50/p90/p99, how fast the starter caught up, and checks that
# nothing was lost (every 201 stored; every case with exactly one process).
#
#   bench/intake.sh [seconds=60] [connections=8] [wrk threads=2]
#   BENCH_JFR=1 bench/intake.sh ...   also record a JFR profile and print the hottest frames
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
SECONDS_RUN="${1:-60}"
CONNECTIONS="${2:-8}"
THREADS="${3:-2}"
bench_need_wrk
bench_build
bench_machine
bench_fresh_db
JFR_OPTS=()
if [ "${BENCH_JFR:-}" = 1 ]; then
  JFR_OPTS=("-XX:StartFlightRecording=filename=$BENCH_OUT/intake.jfr,settings=profile,delay=20s")
fi
bench_start_app -Devenhand.intake.rate-limit.enabled=false -Devenhand.mail.dispatch-every=1h "${JFR_OPTS[@]}"
trap bench_stop_app EXIT
echo "app ready in $BENCH_READY_MS ms"
export BENCH_TOKEN
BENCH_TOKEN="$(bench_token alice)"

processes() {
  bench_psql "SELECT count(*) FROM act_ru_execution e JOIN act_re_procdef d ON d.id_ = e.proc_def_id_
              WHERE e.parent_id_ IS NULL AND d.key_ = 'complaint'"
}
received() { bench_psql "SELECT count(*) FROM cases WHERE status = 'RECEIVED'"; }
await_started() { # prints seconds until no case is left RECEIVED
  local t0=$(date +%s%N)
  while [ "$(received)" != 0 ]; do sleep 0.2; done
  echo "scale=1; ($(date +%s%N) - $t0) / 1000000000" | bc
}

echo "warm-up: 15 s (not counted)"
BENCH_RUN=warm wrk -t"$THREADS" -c"$CONNECTIONS" -d15s -s bench/intake.lua "$BENCH_URL" >/dev/null
await_started >/dev/null
cases0=$(bench_psql "SELECT count(*) FROM cases")

echo "run: $SECONDS_RUN s, $CONNECTIONS connections, $THREADS wrk threads"
BENCH_RUN=run wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_RUN}s" --timeout 10s -s bench/intake.lua "$BENCH_URL" \
  | tee "$BENCH_OUT/intake-wrk.txt" | grep -v '^RESULT' | sed 's/^/  /'
result=$(grep '^RESULT' "$BENCH_OUT/intake-wrk.txt")
eval "$(echo "$result" | sed 's/^RESULT //' | tr ' ' '\n' | sed 's/^/R_/')"
backlog=$(received)
drain=$(await_started)
cases=$(( $(bench_psql "SELECT count(*) FROM cases") - cases0 ))
procs=$(processes)
all_cases=$(bench_psql "SELECT count(*) FROM cases")
lost=$(( R_created > cases ? R_created - cases : 0 ))
rate=$(echo "scale=0; $R_created / $R_seconds" | bc)
started_rate=$(echo "scale=0; $cases / ($R_seconds + $drain)" | bc)
trail_pending=$(bench_psql "SELECT count(*) FROM trail_inbox")
echo
echo "intake: $rate complaints/s sustained over ${R_seconds} s ($R_created acknowledged 201, $R_other other answers)"
echo "latency: p50 ${R_p50_ms} ms, p90 ${R_p90_ms} ms, p99 ${R_p99_ms} ms, max ${R_max_ms} ms"
echo "starter: $backlog cases still to start when the load stopped, all started ${drain} s later"
echo "         (processes started at ${started_rate}/s on average over the run and the catch-up)"
echo "none lost: $cases cases stored for $R_created acknowledged (the difference is requests in flight when wrk"\
  "stopped); $procs complaint processes for $all_cases cases; $lost acknowledged but missing"
echo "trail: $trail_pending entries waiting to be chained after the catch-up"
[ "$lost" = 0 ] && [ "$procs" = "$all_cases" ] || { echo "FAILED: something was lost or doubled" >&2; exit 1; }
if [ "${BENCH_JFR:-}" = 1 ]; then
  bench_stop_app
  bash "$(dirname "$0")/jfr-top.sh" "$BENCH_OUT/intake.jfr"
fi
