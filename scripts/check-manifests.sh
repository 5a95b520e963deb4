#!/usr/bin/env bash
# Checks the Kubernetes manifests that `package` generates (target/kubernetes/kubernetes.yml) against the
# Kubernetes API schemas, strictly, and Evenhand's own rules (src/test/kubernetes/manifests.mjs), after the
# check's own tests prove it refuses broken copies of them (manifests.test.mjs). Decision 0042.
# Installs what it needs: Node.js and npm (apt) if missing, the npm packages from the committed lockfile.
#
#   scripts/check-manifests.sh [FILE.yml]        exit 0: sound; 1: problems (listed)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
FILE="$(realpath "${1:-$ROOT/target/kubernetes/kubernetes.yml}")"
[ -f "$FILE" ] || { echo "check-manifests: $FILE missing: run ./mvnw package first" >&2; exit 2; }
if ! command -v npm >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then run=(); else run=(sudo -n); fi
  "${run[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${run[@]}" apt-get install -y -qq nodejs npm >/dev/null
fi
cd "$ROOT/src/test/kubernetes"
npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>&1 || npm install --no-audit --no-fund --loglevel=error >/dev/null
MANIFESTS="$FILE" node --test --test-reporter=spec manifests.test.mjs
node manifests.mjs "$FILE"
