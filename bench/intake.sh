#!/usr/bin/env bash
# Intake under load, through HTTP with a real Keycloak token, from wrk in a second process: every
# complaint a new case with its post as one text evidence item; each case's process started behind
# intake. Prints the sustained rate, p50/p90/p99, how fast the starter caught up, and checks that
# nothing was lost (every 201 stored; every case with exactly one process). Then, in the same run,
# the floor: the SQL those filings made PostgreSQL run (its statement log, bench/replay.py),
# replayed by pgbench at the same concurrency against a copy of the database as it was before the
# capture, and the ratio of the two rates.
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
bench_start_app -Devenhand.intake.rate-limit.enabled=false -Devenhand.mail.dispatch-every=1h
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

if [ "${BENCH_JFR:-}" = 1 ]; then # the run only: not the boot, not the warm-up
  jcmd "$BENCH_PID" JFR.start name=intake settings=profile >/dev/null
fi
echo "run: $SECONDS_RUN s, $CONNECTIONS connections, $THREADS wrk threads"
BENCH_RUN=run wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_RUN}s" --timeout 10s -s bench/intake.lua "$BENCH_URL" \
  | tee "$BENCH_OUT/intake-wrk.txt" | grep -v '^RESULT' | sed 's/^/  /'
if [ "${BENCH_JFR:-}" = 1 ]; then
  jcmd "$BENCH_PID" JFR.dump name=intake filename="$BENCH_OUT/intake.jfr" >/dev/null
  jcmd "$BENCH_PID" JFR.stop name=intake >/dev/null
fi
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
  bash "$(dirname "$0")/jfr-top.sh" "$BENCH_OUT/intake.jfr"
fi

echo
echo "floor: the SQL of $CONNECTIONS windows of ${FLOOR_FILINGS:=5} filings each, captured from PostgreSQL's statement log"
FLOOR_DB="${BENCH_DB}_floor"
pg_dump -h 127.0.0.1 -U postgres -Fc -d "$BENCH_DB" -f "$BENCH_OUT/intake-floor.dump"
pglog=$(ls -t /var/log/postgresql/postgresql-*-main.log 2>/dev/null | head -1)
[ -r "$pglog" ] || { echo "bench: cannot read PostgreSQL's log (looked in /var/log/postgresql)" >&2; exit 1; }
logset() { psql -X -q -h 127.0.0.1 -U postgres -d postgres -c "ALTER SYSTEM $1" -c "SELECT pg_reload_conf()" >/dev/null; }
trap 'logset "RESET log_statement"; bench_stop_app' EXIT
logset "SET log_statement = 'all'"
sleep 1
offsets=()
file_one() { # window, number: a complaint exactly as intake.lua files it
  local key="floor-$1-$2"
  curl -fsS -o /dev/null -X POST "$BENCH_URL/api/complaints" -H "Authorization: Bearer $BENCH_TOKEN" \
    -H 'Content-Type: application/json' -d "{\"respondentMembershipNumber\":\"M10000$(( $2 % 5 + 2 ))\",\"conductDate\":\"2026-06-01\",\"clauses\":[\"harassment\"],\"allegation\":\"Complaint $key: replies under every post I made about the housing motion, calling me a liar.\",\"conductLink\":\"https://example.org/posts/$key\",\"evidence\":{\"text\":\"Post $key: people like you have no place in this party and should be thrown out.\",\"threadContext\":[\"Me: the housing motion passed\",\"Them: not for long\"],\"attestPartyToExchange\":true,\"consent\":{\"noticeVersion\":\"evidence-consent-2026.1\",\"purpose\":\"complaint-handling\"}}}"
}
for w in $(seq 1 "$CONNECTIONS"); do
  offsets+=("$(stat -c %s "$pglog")")
  for i in $(seq 1 "$FLOOR_FILINGS"); do file_one "$w" "$i"; done
  while [ "$(received)" != 0 ] || [ "$(bench_psql "SELECT count(*) FROM trail_inbox")" != 0 ] \
    || [ "$(bench_psql "SELECT count(*) FROM act_ru_job WHERE duedate_ IS NULL OR duedate_ <= now()")" != 0 ]; do sleep 0.1; done
  sleep 0.5
  offsets+=("$(stat -c %s "$pglog")")
done
logset "RESET log_statement"
bench_psql "SELECT ref || '|' || id FROM cases" >"$BENCH_OUT/intake-floor-ids.txt"
REPLAY_CASE_IDS="$BENCH_OUT/intake-floor-ids.txt" REPLAY_FILINGS_PER_WINDOW="$FLOOR_FILINGS" python3 "$(dirname "$0")/replay.py" "$pglog" "$BENCH_DB" \
  "$BENCH_OUT/intake-floor.sql" "${offsets[@]}" | tee "$BENCH_OUT/intake-floor-capture.txt" | sed 's/^/  /'
bench_stop_app
eval "$(grep '^REPLAY' "$BENCH_OUT/intake-floor-capture.txt" | sed 's/^REPLAY //' | tr ' ' '\n' | sed 's/^/C_/')"
psql -X -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $FLOOR_DB WITH (FORCE)" \
  -c "CREATE DATABASE $FLOOR_DB" >/dev/null
pg_restore -h 127.0.0.1 -U postgres -d "$FLOOR_DB" "$BENCH_OUT/intake-floor.dump"
pgbench -h 127.0.0.1 -U postgres -n -c "$CONNECTIONS" -j "$THREADS" -T 10 -f "$BENCH_OUT/intake-floor.sql" "$FLOOR_DB" >/dev/null 2>&1
pgbench -h 127.0.0.1 -U postgres -n -c "$CONNECTIONS" -j "$THREADS" -T "$SECONDS_RUN" -f "$BENCH_OUT/intake-floor.sql" \
  "$FLOOR_DB" >"$BENCH_OUT/intake-floor-pgbench.txt" 2>&1 || { tail -20 "$BENCH_OUT/intake-floor-pgbench.txt" >&2; exit 1; }
tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$BENCH_OUT/intake-floor-pgbench.txt" | head -1)
failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$BENCH_OUT/intake-floor-pgbench.txt")
floor_rate=$(echo "scale=0; $tps * $FLOOR_FILINGS / 1" | bc)
echo "per filing: $C_statements_per_filing statements ($C_writes_per_filing writes) in $C_transactions_per_filing transactions"
echo "floor: pgbench replayed them at $floor_rate filings/s ($tps windows of $FLOOR_FILINGS per second, ${failed:-0} failed), $CONNECTIONS clients"
printf 'FIGURE intake rate=%s p99_ms=%s floor_rate=%s ratio=%s target_ratio=0.50 target_p99_ms=100 lost=%s\n' \
  "$rate" "$R_p99_ms" "$floor_rate" "$(ratio "$rate" "$floor_rate")" "$lost"
