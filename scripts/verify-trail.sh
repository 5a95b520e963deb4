#!/usr/bin/env bash
# Verifies the action trail straight from PostgreSQL, independently of the running application:
# every entry against its hash, every link against the entry before it, and every exported
# anchor (the trail_anchors table and the trail-anchors.jsonl file) against the chain.
#
#   scripts/verify-trail.sh [--anchors DIR] [--url JDBC_URL] [--user USER]
#
# Environment (as for the app): EVENHAND_DB_URL, EVENHAND_DB_USER, EVENHAND_DB_PASSWORD,
# EVENHAND_TRAIL_ANCHORS (the anchor directory). A role with SELECT on trail_entries and
# trail_anchors is enough.
# Exit status: 0 intact, 1 broken (the first broken link is printed), 2 could not verify.
# Builds the application first if target/quarkus-app is missing.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
APP="$ROOT/target/quarkus-app"
if [ ! -f "$APP/quarkus-run.jar" ]; then
  echo "verify-trail: building the application first..." >&2
  (cd "$ROOT" && ./mvnw -B -q -Dquick -DskipTests package) >&2
fi
exec java -cp "$APP/app/*:$APP/lib/main/*" org.evenhand.trail.TrailVerifierCommand "$@"
