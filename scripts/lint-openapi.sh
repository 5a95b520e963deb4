#!/usr/bin/env bash
# Lints an OpenAPI document with Redocly's recommended rules (npm package @redocly/cli, pinned by
# src/test/openapi-lint/package-lock.json). Usage: scripts/lint-openapi.sh FILE   (OpenApiLintTest runs it)
set -euo pipefail
file="$(cd "$(dirname "$1")" && pwd -P)/$(basename "$1")"
cd "$(dirname "$0")/../src/test/openapi-lint"
if ! command -v npm >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
[ -x node_modules/.bin/redocly ] || npm ci --no-audit --no-fund --silent >/dev/null 2>&1 || npm install --no-audit --no-fund --silent >/dev/null
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true node_modules/.bin/redocly lint --config redocly.yaml --format stylish "$file"
