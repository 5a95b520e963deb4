#!/usr/bin/env bash
# Summarises a JFR recording (from a benchmark run with BENCH_JFR=1): where the CPU samples fall.
#   bench/jfr-top.sh file.jfr [n=15]
# Prints the hottest methods (top frame of each execution sample), the samples by code owner
# (package prefix of the top frame), and the hottest Evenhand frames (the first org.evenhand frame
# on each sampled stack: what our code spends its time under, callees included).
set -euo pipefail
file="$1"; n="${2:-15}"
jfr print --events jdk.ExecutionSample --stack-depth 64 "$file" | awk -v n="$n" '
  /stackTrace = \[/ { inStack = 1; depth = 0; app = ""; next }
  inStack && /^[[:space:]]*\]/ { inStack = 0; if (app != "") apps[app]++; else apps["(no org.evenhand frame)"]++; next }
  inStack {
    frame = $0; sub(/^[[:space:]]+/, "", frame); sub(/[[:space:]]+line:.*/, "", frame)
    if (depth == 0) {
      top[frame]++; total++
      owner = frame; sub(/\(.*/, "", owner)
      split(owner, p, "."); o = p[1] "." p[2]; if (p[1] == "java" || p[1] == "jdk" || p[1] == "sun") o = p[1] "." p[2]
      if (p[1] == "org" || p[1] == "io" || p[1] == "com") o = p[1] "." p[2] "." p[3]
      owners[o]++
    }
    if (app == "" && frame ~ /^org\.evenhand\./) app = frame
    depth++
  }
  END {
    printf "JFR: %d execution samples\n", total
    printf "hottest methods (self):\n"; cmd = "sort -t\"\t\" -k1,1nr | head -" n
    for (f in top) printf "%d\t%5.1f%%  %s\n", top[f], 100 * top[f] / total, f | cmd; close(cmd)
    printf "by owner of the top frame:\n"
    for (o in owners) printf "%d\t%5.1f%%  %s\n", owners[o], 100 * owners[o] / total, o | cmd; close(cmd)
    printf "hottest Evenhand frames (callees included):\n"
    for (a in apps) printf "%d\t%5.1f%%  %s\n", apps[a], 100 * apps[a] / total, a | cmd; close(cmd)
  }' | sed 's/^[0-9]*\t/  /'
