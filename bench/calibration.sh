#!/usr/bin/env bash
# Calibration of the fairness call (issue 13): many periods made in memory with the model of
# seeds/generator.sql, each analysed by the full report code (FairnessAnalysis: every metric, both
# roles, suppression, the report's own multiple-comparison control). Prints the false-flag rate
# under strong clause-mix confounding and no bias, and the detection rate for a bias of 1.5 within
# one clause, beside their targets, and writes them to target/bench/calibration.txt.
# No database or server is needed (the analysis is pure computation).
#
#   bench/calibration.sh                     200 periods per scenario, 6,000 complaints each
#   CAL_PERIODS=400 CAL_CASES=3000 bench/calibration.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
mkdir -p target/bench
./mvnw -B -q test -Dquick -Dtest=FairnessCalibration -Dsurefire.failIfNoSpecifiedTests=false \
  -Dcalibration.periods="${CAL_PERIODS:-200}" -Dcalibration.cases="${CAL_CASES:-6000}" \
  > target/bench/calibration.log 2>&1 || { tail -50 target/bench/calibration.log; exit 1; }
sed -n '/^Fairness calibration/,/^  upheld .*harassment/p' target/bench/calibration.log | tee target/bench/calibration.txt
