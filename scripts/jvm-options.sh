#!/usr/bin/env bash
# The JVM and its options for the packaged app, shared by scripts/demo.sh and the benchmarks (bench/lib.sh).
# Source it; EVENHAND_JAVA and EVENHAND_JAVA_OPTS set in the environment win. Figures: docs/performance.md,
# "Boot"; the choice: docs/decisions/0047-boot-on-jdk-25-with-its-aot-cache.md.
#
# EVENHAND_JAVA: a JDK 25 when there is one (EVENHAND_JDK25_HOME, or Temurin/OpenJDK 25 under /usr/lib/jvm),
# so that scripts/cds.sh can give it an AOT cache (JEP 483/514/515); otherwise `java` on the PATH (the
# project builds and tests on Java 17, and the Java 17 bytecode runs on both). EVENHAND_JAVA=java keeps
# the PATH's JDK.
if [ -z "${EVENHAND_JAVA:-}" ]; then
  for evenhand_jdk in "${EVENHAND_JDK25_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64; do
    if [ -n "$evenhand_jdk" ] && [ -x "$evenhand_jdk/bin/java" ]; then
      EVENHAND_JAVA="$evenhand_jdk/bin/java"
      break
    fi
  done
  unset evenhand_jdk
  EVENHAND_JAVA="${EVENHAND_JAVA:-java}"
fi
# A heap that starts small and grows to 384 MB (the default starting heap is 1/64 of the machine's memory,
# all of it touched by a boot's allocations), and the serial collector: on 2 cores and a heap this size it
# costs no request throughput and leaves out G1's ~40 MB of collector structures.
EVENHAND_JAVA_OPTS="${EVENHAND_JAVA_OPTS:--Xmx384m -Xms64m -XX:+UseSerialGC}"

# evenhand_java_major: the feature version of $EVENHAND_JAVA (17, 25, ...)
evenhand_java_major() {
  "$EVENHAND_JAVA" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1
}
