#!/usr/bin/env bash
# JVM options for the packaged app, shared by scripts/demo.sh and the benchmarks (bench/lib.sh).
# Source it; EVENHAND_JAVA_OPTS set in the environment wins. Figures: docs/performance.md, "Boot".
EVENHAND_JAVA_OPTS="${EVENHAND_JAVA_OPTS:--Xmx384m}"
