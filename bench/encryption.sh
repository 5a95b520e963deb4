#!/usr/bin/env bash
# Evidence encryption throughput against plain JDK AES, and the cost of a field decrypt.
#   bench/encryption.sh [file-MB] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -Dquick -DskipTests test-compile
./mvnw -B -q -Dquick -DskipTests exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.evenhand.crypto.EncryptionBenchmark -Dexec.args="${1:-8} ${2:-12}"
