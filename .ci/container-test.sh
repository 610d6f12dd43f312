#!/usr/bin/env bash
# The container smoke test (docs/testing.md): builds the action's JVM image on a private Docker engine and runs
# e2e/ContainerActionScenarios, which starts it as actions/runner starts a Docker container action, against the fake
# GitHub on loopback. Needs root (it installs docker.io and debootstrap when missing and starts its own dockerd).
# Usage: .ci/container-test.sh   (RECOVERY_CACHE=dir keeps the Debian base image's tarball; default ~/.cache)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=.ci/docker-engine.sh
source .ci/docker-engine.sh

[ "$(id -u)" -eq 0 ] || { echo "container-test.sh needs root (dockerd, debootstrap, the runner's uid 1001)" >&2; exit 2; }
started=$SECONDS
state=$(mktemp -d /tmp/recovery-dockerd.XXXXXX)
cleanup() {
    if [ -n "${base_image:-}" ]; then wait "$base_image" 2>/dev/null || true; fi
    stop_dockerd
    rm -rf "$state"
}
trap cleanup EXIT

install_docker_tools
start_dockerd "$state"
echo "dockerd $("$DOCKER_BIN" version --format '{{.Server.Version}}') on $DOCKER_HOST"
build_base_image >"$state/base-image.log" 2>&1 & # debootstrap mostly waits for the mirror: overlap it with Maven
base_image=$!
package_jvm_app
wait "$base_image" || { cat "$state/base-image.log" >&2; exit 1; }
cat "$state/base-image.log"
build_jdk_image
build_jvm_image
echo "$JVM_IMAGE: $("$DOCKER_BIN" image inspect --format '{{.Size}}' "$JVM_IMAGE" | awk '{ printf "%d MB", $1 / 1e6 }'), built in $((SECONDS - started)) s"

mvn -B -ntp surefire:test -Dtest=ContainerActionScenarios -Dsurefire.failIfNoSpecifiedTests=true \
    -Drecovery.container.image="$JVM_IMAGE"
echo "Container test: $((SECONDS - started)) s"
