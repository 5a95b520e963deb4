#!/usr/bin/env bash
# Backs up the application database with pg_dump (custom format, compressed) to the given file.
#
#   scripts/backup.sh FILE
#
# The database is the app's: EVENHAND_DB_URL, EVENHAND_DB_USER, EVENHAND_DB_PASSWORD (as the app reads
# them). The dump holds every case's key only wrapped under the master key, and the action trail
# without anything to check it against: the master key and the trail anchors are NOT in it and must
# be kept apart from it (docs/operations.md). Restore with scripts/restore.sh.
# Exit status: 0 written, 1 failed (nothing is left at FILE then).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=scripts/pg-target.sh
source "$ROOT/scripts/pg-target.sh"

[ "$#" -eq 1 ] && [ "${1:0:1}" != "-" ] || { echo "usage: scripts/backup.sh FILE" >&2; exit 1; }
out="$1"
evenhand_pg_target
command -v pg_dump >/dev/null || { echo "backup: pg_dump not found (install the PostgreSQL client)" >&2; exit 1; }

mkdir -p "$(dirname "$out")"
tmp="$out.partial"
trap 'rm -f "$tmp"' EXIT
umask 077
# the trail's head at the time of the dump (what a restore must reach again)
head="$(psql -X -w -q -tA -c "SELECT id || ' ' || hash FROM trail_entries ORDER BY id DESC LIMIT 1" 2>/dev/null || true)"
pg_dump -w --format=custom --compress=6 --file="$tmp" "$PGDATABASE"
mv "$tmp" "$out"
trap - EXIT

echo "backup: $PGDATABASE on $PGHOST:$PGPORT written to $out ($(du -h "$out" | cut -f1))"
[ -z "$head" ] || echo "backup: trail head in this dump: entry ${head%% *}, hash ${head#* }"
cat <<TEXT
Keep apart from this dump (never in the same place, the same backup set or the same hands):
  - the master key (EVENHAND_MASTER_KEY, evenhand.crypto.master-key: 32 bytes, base64). The dump holds
    each case's key wrapped under it: with the key, the dump opens every case; without it, none.
    Keep it in the secret store it is deployed from, with its own backup.
  - the trail anchors: trail-anchors.jsonl in EVENHAND_TRAIL_ANCHORS (${EVENHAND_TRAIL_ANCHORS:-not set here}).
    A restored trail is checked against them (scripts/verify-trail.sh --anchors DIR); a dump kept
    with its anchors could be altered together with them. Ship them to write-once storage.
TEXT
