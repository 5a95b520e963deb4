#!/usr/bin/env bash
# Fairness report benchmark (issue 5): 500,000 members and 1,000,000 complaints in a database of
# its own; times GET /api/audit/fairness through the real code path (HTTP, token, role check,
# queries, statistics, suppression, JSON) beside the bare SQL GROUP BY over the same rows, and
# writes the figures to target/bench/fairness.txt. The data are generated once (seeds/generator.sql,
# deterministic) and reused on later runs.
#
#   bench/fairness.sh              generate if needed, then time
#   bench/fairness.sh --reload     drop the benchmark database and start again
#
# Environment: BENCH_DB (evenhand_bench_audit), BENCH_MEMBERS (500000), BENCH_CASES (1000000),
# BENCH_RUNS (7), BENCH_PORT (8089), and EVENHAND_DB_USER / EVENHAND_DB_PASSWORD as for the app.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
DB="${BENCH_DB:-evenhand_bench_audit}"
[[ "$DB" =~ ^[A-Za-z_][A-Za-z0-9_]*$ && "$DB" == *bench* ]] || { echo "BENCH_DB must be a plain name containing 'bench'" >&2; exit 2; }
export PGPASSWORD="${EVENHAND_DB_PASSWORD:-postgres}"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U "${EVENHAND_DB_USER:-postgres}")

if [ "${1:-}" = "--reload" ]; then
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS \"$DB\""
fi
bash scripts/ensure-postgres.sh "$DB" >/dev/null
# A database made by hand (without the application's migrations) cannot be reused: start afresh.
if [ "$("${PSQL[@]}" -d "$DB" -tAc "SELECT to_regclass('flyway_schema_history') IS NULL AND to_regclass('cases') IS NOT NULL")" = "t" ]; then
  "${PSQL[@]}" -d postgres -c "DROP DATABASE \"$DB\"" -c "CREATE DATABASE \"$DB\""
fi

export EVENHAND_TEST_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB"
export QUARKUS_HTTP_TEST_PORT="${BENCH_PORT:-8089}"
rm -f target/bench/fairness.txt
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! ./mvnw -B -Dquick test -Dtest=FairnessBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.members="${BENCH_MEMBERS:-500000}" -Dbench.cases="${BENCH_CASES:-1000000}" \
    -Dbench.runs="${BENCH_RUNS:-7}" >"$log" 2>&1; then
  grep -E 'Generating|Tests run|FAIL|Caused by' "$log" | head -20 >&2
  [ -f target/bench/fairness.txt ] && cat target/bench/fairness.txt
  echo "benchmark failed; full log: kept at target/bench/fairness.log" >&2
  mkdir -p target/bench && cp "$log" target/bench/fairness.log
  exit 1
fi
cat target/bench/fairness.txt
