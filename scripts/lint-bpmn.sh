#!/usr/bin/env bash
# Lints workflows/*.bpmn with bpmnlint's recommended rules (npm package, pinned by package-lock.json).
set -euo pipefail
cd "$(dirname "$0")/../workflows"
if ! command -v npm >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
npm ci --no-audit --no-fund --silent >/dev/null 2>&1 || npm install --no-audit --no-fund --silent >/dev/null
npx --no-install bpmnlint *.bpmn
echo "bpmnlint: $(ls *.bpmn | wc -l) BPMN files pass the recommended rules"
