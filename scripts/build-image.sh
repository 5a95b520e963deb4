#!/usr/bin/env bash
# Builds the Evenhand container image here, with no container daemon and no registry (decision 0042):
#   1. a Debian root with Java 17 from Debian's packages (mmdebstrap), imported as the base image
#      localhost/evenhand-base:SUITE (made once, kept in buildah's storage);
#   2. src/main/docker/Containerfile on it (buildah, chroot isolation, vfs storage, nothing pulled);
#   3. written to target/evenhand-image.tar (OCI archive), for `skopeo copy` / `podman load` elsewhere.
# Needs root (mmdebstrap's root mode) and the packaged app (./mvnw package). Installs buildah and
# mmdebstrap with apt-get when missing. Not part of the build: run it by hand or in a release job.
#
#   scripts/build-image.sh [--smoke]     --smoke: also start the image on EVENHAND_DB_URL and wait for readiness
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
SUITE="${EVENHAND_IMAGE_SUITE:-bookworm}"
BASE="localhost/evenhand-base:$SUITE"
VERSION="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)"
IMAGE="localhost/evenhand:$VERSION"
OUT="target/evenhand-image.tar"
B=(buildah --storage-driver vfs)

[ -f target/quarkus-app/quarkus-run.jar ] || { echo "build-image: package first: ./mvnw -B package -DskipTests" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "build-image: run as root (mmdebstrap and buildah without a daemon)" >&2; exit 2; }
missing=()
command -v buildah >/dev/null || missing+=(buildah)
command -v mmdebstrap >/dev/null || missing+=(mmdebstrap)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! "${B[@]}" inspect --type image "$BASE" >/dev/null 2>&1; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  echo "build-image: making the Debian $SUITE root with Java 17 (mmdebstrap)..."
  # update-alternatives wants the man directory that minbase leaves out
  mmdebstrap --quiet --variant=minbase --include=openjdk-17-jre-headless,ca-certificates,tzdata \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
    --essential-hook='mkdir -p "$1/usr/share/man/man1"' \
    --customize-hook='chroot "$1" groupadd --gid 10001 evenhand' \
    --customize-hook='chroot "$1" useradd --uid 10001 --gid 10001 --no-create-home --home-dir /deployments --shell /usr/sbin/nologin evenhand' \
    "$SUITE" "$work/rootfs.tar"
  ctr="$("${B[@]}" from scratch)"
  "${B[@]}" add "$ctr" "$work/rootfs.tar" / >/dev/null
  "${B[@]}" config --env LANG=C.UTF-8 --cmd /bin/bash "$ctr"
  "${B[@]}" commit --rm --quiet "$ctr" "$BASE" >/dev/null
  echo "build-image: base $BASE made"
fi

"${B[@]}" build --quiet --pull=never --isolation chroot --build-arg BASE="$BASE" -f src/main/docker/Containerfile -t "$IMAGE" . >/dev/null
rm -f "$OUT"
"${B[@]}" push --quiet "$IMAGE" "oci-archive:$OUT:evenhand:$VERSION"
echo "build-image: $IMAGE built; $OUT ($(du -h "$OUT" | cut -f1))"
probe="$("${B[@]}" from --pull=never --quiet "$IMAGE")"
"${B[@]}" run --isolation chroot "$probe" -- java -version 2>&1 | head -1
"${B[@]}" rm "$probe" >/dev/null

if [ "${1:-}" = "--smoke" ]; then
  : "${EVENHAND_DB_URL:?--smoke needs EVENHAND_DB_URL (and EVENHAND_MASTER_KEY) for the app in the image}"
  ctr="$("${B[@]}" from --pull=never --quiet "$IMAGE")"
  port="${EVENHAND_HTTP_PORT:-8080}"
  echo "build-image: starting the image on port $port (host network)..."
  "${B[@]}" run --isolation chroot --network host \
    --env EVENHAND_DB_URL="$EVENHAND_DB_URL" --env EVENHAND_DB_USER="${EVENHAND_DB_USER:-postgres}" \
    --env EVENHAND_DB_PASSWORD="${EVENHAND_DB_PASSWORD:-postgres}" --env EVENHAND_MASTER_KEY="${EVENHAND_MASTER_KEY:?}" \
    --env EVENHAND_HTTP_HOST=127.0.0.1 --env EVENHAND_HTTP_PORT="$port" --env EVENHAND_MANAGEMENT_HOST=127.0.0.1 \
    --env EVENHAND_MANAGEMENT_PORT="${EVENHAND_MANAGEMENT_PORT:-9000}" --env EVENHAND_MAIL_LOG_ONLY=true \
    "$ctr" -- java -XX:MaxRAMPercentage=50 -jar /deployments/quarkus-run.jar > target/image-smoke.log 2>&1 &
  pid=$!
  ok=""
  for _ in $(seq 1 240); do
    if curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; then ok=yes; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  metrics="$(curl -fs "http://127.0.0.1:${EVENHAND_MANAGEMENT_PORT:-9000}/q/metrics" | grep -c '^evenhand_' || true)"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  "${B[@]}" rm "$ctr" >/dev/null
  [ -n "$ok" ] || { echo "build-image: the app in the image did not become ready; see target/image-smoke.log" >&2; exit 1; }
  echo "build-image: the app in the image answered ready, and $metrics evenhand_* metric lines on the management port"
fi
