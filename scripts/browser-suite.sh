#!/usr/bin/env bash
# The browser suite (src/test/browser): Debian's Chromium, headless, driven by Playwright, pages
# checked by axe-core, against a running Evenhand whose Keycloak realm allows redirects to it.
# Installs what it needs: Node.js and npm and Chromium (apt) if missing, the npm packages from the
# committed lockfile (npm ci). Exits non-zero when any check fails.
#
#   scripts/browser-suite.sh [BASE_URL]        default http://localhost:8081 (the Maven test port)
#
# Environment: BASE_URL, OUT_DIR (screenshots and report.json; default target/browser-suite),
# EVENHAND_DEMO_PASSWORD (default: from the secrets file, see scripts/secrets.sh), CHROMIUM
# (default /usr/bin/chromium), OVERDUE_CASE (a case whose triage is overdue, set by
# PagesEndToEndTest), ROUTE_TO (local runs only: see src/test/browser/lib.mjs).
# Maven runs it through PagesEndToEndTest (./mvnw verify).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd -P)"
export BASE_URL="${1:-${BASE_URL:-http://localhost:8081}}"
export OUT_DIR="${OUT_DIR:-$ROOT/target/browser-suite}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

missing=()
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
[ -x "$CHROMIUM" ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "browser-suite: installing ${missing[*]} with apt" >&2
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$major" -ge 18 ] || { echo "browser-suite: Node.js 18 or later is needed (found $(node --version))" >&2; exit 1; }

if [ -z "${EVENHAND_DEMO_PASSWORD:-}" ]; then
  # shellcheck source=scripts/secrets.sh
  source "$ROOT/scripts/secrets.sh"
fi
export EVENHAND_DEMO_PASSWORD

cd "$ROOT/src/test/browser"
npm ci --no-audit --no-fund --loglevel=error
echo "browser-suite: $("$CHROMIUM" --version 2>/dev/null || echo chromium) against $BASE_URL"
exec node suite.mjs
