#!/usr/bin/env bash
# Every benchmark, each beside the floor of the same work measured in the same run, then one table:
# figure, floor, ratio, target. Takes about 15 minutes (more the first time: the fairness data are
# generated once, about 10 minutes). Run it on a quiet machine: the load average is printed with it.
#
#   bench/all.sh                 intake, case view, boot, fairness report
#   BENCH_ONLY="view boot" bench/all.sh
#
# Writes target/bench/all.txt (the table) beside each benchmark's own output.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/target/bench"
mkdir -p "$OUT"
ONLY="${BENCH_ONLY:-intake view boot fairness}"
: >"$OUT/figures.txt"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for b in $ONLY; do
  echo "=== $b ==="
  case "$b" in
    intake) bash "$ROOT/bench/intake.sh" 60 8 2 ;;
    view) bash "$ROOT/bench/view.sh" 30 8 2 200 ;;
    boot) bash "$ROOT/bench/boot.sh" 5 ;;
    fairness) bash "$ROOT/bench/fairness.sh" ;;
    *) echo "unknown benchmark $b" >&2; exit 2 ;;
  esac 2>&1 | tee "$OUT/all-$b.log" | grep -v '^FIGURE' || true
  grep -h '^FIGURE' "$OUT/all-$b.log" >>"$OUT/figures.txt" || echo "FIGURE $b failed=see target/bench/all-$b.log" >>"$OUT/figures.txt"
done
python3 "$ROOT/bench/table.py" "$OUT/figures.txt" "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/all.txt"
