#!/usr/bin/env bash
# Runs the whole of Evenhand on this machine with demo data:
#   PostgreSQL ensured, Keycloak fetched and started with the realm from the repo,
#   the app built and started on the demo seeds, a few demo complaints filed through
#   the API, then the URLs and demo logins printed.
#
#   scripts/demo.sh          start (idempotent)
#   scripts/demo.sh stop     stop the app and Keycloak
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
STATE="${EVENHAND_HOME:-$HOME/.local/share/evenhand}/demo"
PORT="${EVENHAND_HTTP_PORT:-8080}"
mkdir -p "$STATE"

if [ "${1:-start}" = "stop" ]; then
  if [ -f "$STATE/app.pid" ] && kill -0 "$(cat "$STATE/app.pid")" 2>/dev/null; then
    kill "$(cat "$STATE/app.pid")" && echo "demo: app stopped"
  fi
  rm -f "$STATE/app.pid"
  bash scripts/keycloak.sh stop
  exit 0
fi

bash scripts/ensure-postgres.sh evenhand
# shellcheck source=scripts/secrets.sh
source scripts/secrets.sh
bash scripts/keycloak.sh start

if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ -n "$(find src pom.xml workflows -newer target/quarkus-app/quarkus-run.jar -type f | head -1)" ]; then
  echo "demo: building the application (first time takes a few minutes)..."
  ./mvnw -B -q -Dquick -DskipTests package
fi

if [ -f "$STATE/app.pid" ] && kill -0 "$(cat "$STATE/app.pid")" 2>/dev/null; then
  echo "demo: app already running (pid $(cat "$STATE/app.pid"))"
else
  # the JVM (JDK 25 when present), its options and the AOT cache / class-data archive that make boot fast
  # (docs/performance.md, "Boot"; decision 0047)
  # shellcheck source=scripts/jvm-options.sh
  source scripts/jvm-options.sh
  # shellcheck source=scripts/cds.sh
  source scripts/cds.sh
  EVENHAND_SEEDS="$ROOT/seeds/demo" EVENHAND_MAIL_LOG_ONLY=true evenhand_cds_prepare
  echo "demo: starting the application on port $PORT..."
  # shellcheck disable=SC2046,SC2086
  EVENHAND_SEEDS="$ROOT/seeds/demo" EVENHAND_HTTP_PORT="$PORT" EVENHAND_MAIL_LOG_ONLY=true EVENHAND_LOG_JSON=false \
    nohup "$EVENHAND_JAVA" $EVENHAND_JAVA_OPTS $(evenhand_cds_options) -jar target/quarkus-app/quarkus-run.jar >"$STATE/app.log" 2>&1 &
  echo $! >"$STATE/app.pid"
fi

for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$(cat "$STATE/app.pid")" 2>/dev/null; then
    echo "demo: the app exited; see $STATE/app.log" >&2; tail -20 "$STATE/app.log" >&2; exit 1
  fi
  sleep 1
done
curl -fsS "http://127.0.0.1:$PORT/q/health/ready" >/dev/null || { echo "demo: app not ready; see $STATE/app.log" >&2; exit 1; }

token() { bash scripts/keycloak.sh token "$1"; }
if [ ! -f "$STATE/complaints-filed" ]; then
  file_complaint() { # complainant respondent-number date clause allegation [link]
    curl -fsS -o /dev/null -X POST "http://127.0.0.1:$PORT/api/complaints" \
      -H "Authorization: Bearer $(token "$1")" -H 'Content-Type: application/json' \
      -d "{\"respondentMembershipNumber\":\"$2\",\"conductDate\":\"$3\",\"clauses\":[\"$4\"],\"allegation\":\"$5\"${6:+,\"conductLink\":\"$6\"}}"
  }
  file_complaint alice M100002 2026-09-12 harassment \
    "Over three days the respondent replied to every post I made about the housing motion, tagging others to join in and calling me a liar." \
    "https://social.example/bob/posts/4471"
  # two more members complain about the same post: a small pile-on, merged into alice's case
  file_complaint erin M100002 2026-09-12 harassment \
    "The respondent's post about the housing motion called those who voted for it liars and told people to pile in." \
    "https://social.example/bob/posts/4471"
  file_complaint frank M100002 2026-09-13 harassment \
    "I was tagged in the respondent's post calling supporters of the housing motion liars; it was aimed at us." \
    "https://social.example/bob/posts/4471?utm_source=share"
  file_complaint dan M100005 2026-10-02 intimidation \
    "After the branch meeting the respondent sent me a direct message saying I would regret speaking against the motion."
  file_complaint carol M100006 2025-11-20 dehumanising-language \
    "In a public thread the respondent described members who disagreed with them as vermin who should be cleared out."
  touch "$STATE/complaints-filed"
  echo "demo: filed five demo complaints (three of them about one post, merged into one case)"
  # history for the NEC's fairness audit: a small slice of the deterministic generator (seeds/)
  PGOPTIONS="-c client_min_messages=warning" psql -X -q -h 127.0.0.1 -U "${EVENHAND_DB_USER:-postgres}" -d evenhand -v prefix=DEMO -v seed=1 -v members=3000 \
    -v cases=6000 -f seeds/generate.sql >/dev/null
  echo "demo: generated 3,000 members and 6,000 past complaints for the fairness audit"
fi

cat <<INFO

Evenhand is running.
  Application     http://127.0.0.1:$PORT/
  Definition      http://127.0.0.1:$PORT/definition   (public)
  API (OpenAPI)   http://127.0.0.1:$PORT/q/openapi  and  http://127.0.0.1:$PORT/q/swagger-ui
  Keycloak        http://127.0.0.1:${KEYCLOAK_PORT:-8180}/realms/evenhand
                  (demo realm: staff sign in WITHOUT the one-time code the production realm requires;
                   see README, "Realms")
  Logs            $STATE/app.log  (letters to parties are written to this log in the demo)

Demo logins (password: $EVENHAND_DEMO_PASSWORD)
  members         alice, bob, carol, dan, erin, frank
  caseworkers     casey, quinn, rowan
  panel           pat, pam, pete, paula, percy, piper, prue, penn
  NEC             nora, nell (a second member, to approve what nora asks for)
  DPO             dara
  manager         mona (complaints manager)

A bearer token for the API:  bash scripts/keycloak.sh token alice
Stop everything:             scripts/demo.sh stop
INFO
