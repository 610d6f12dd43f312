# Functions for a private Docker engine and the action's JVM image, sourced by .ci/container-test.sh and
# bench/container-start-bench.sh. Needs root. The engine gets its own data, exec and pid paths and socket, and no
# bridge, iptables or forwarding rules: the host's network and any other Docker engine stay untouched.
# No registry can be reached, so the base image is a debootstrap of Debian 12 (minbase) imported into the engine,
# and the JDK image is the host's Temurin 25 imported the same way.

# Maven packages the application for the image.
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
RECOVERY_CACHE=${RECOVERY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/recovery-action}
DOCKER_BIN=/usr/bin/docker # Debian's client, the same version as the engine (another docker may come first on PATH)
BASE_IMAGE=recovery-test/debian:bookworm-minbase
JDK_IMAGE=recovery-test/temurin:25-jdk
JDK_DIR=${JDK_DIR:-/usr/lib/jvm/temurin-25-jdk-amd64}
JVM_IMAGE=${JVM_IMAGE:-recovery-action:jvm-test}

# Installs Debian's docker.io and debootstrap when missing, without starting Debian's own Docker service.
install_docker_tools() {
    local missing=()
    command -v dockerd >/dev/null && [ -x "$DOCKER_BIN" ] || missing+=(docker.io)
    command -v debootstrap >/dev/null || missing+=(debootstrap)
    command -v setpriv >/dev/null || missing+=(util-linux)
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing ${missing[*]}"
    local policy=/usr/sbin/policy-rc.d added=
    if [ ! -e "$policy" ]; then # no service may start during the install: the engine is started by hand below
        printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && added=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    [ -z "$added" ] || rm -f "$policy"
}

# start_dockerd STATE_DIR: starts an engine whose socket is STATE_DIR/docker.sock, exports DOCKER_HOST, waits until
# it answers. stop_dockerd stops it by the PID it wrote.
start_dockerd() {
    DOCKERD_STATE=$1
    mkdir -p "$DOCKERD_STATE"
    echo '{}' >"$DOCKERD_STATE/daemon.json" # ignore /etc/docker/daemon.json
    dockerd --config-file "$DOCKERD_STATE/daemon.json" \
        --data-root "$DOCKERD_STATE/data" --exec-root "$DOCKERD_STATE/exec" --pidfile "$DOCKERD_STATE/dockerd.pid" \
        -H "unix://$DOCKERD_STATE/docker.sock" \
        --bridge=none --iptables=false --ip-forward=false --ip-masq=false \
        >"$DOCKERD_STATE/dockerd.log" 2>&1 &
    DOCKERD_PID=$!
    export DOCKER_HOST="unix://$DOCKERD_STATE/docker.sock"
    for _ in $(seq 1 120); do
        if "$DOCKER_BIN" version >/dev/null 2>&1; then
            return 0
        fi
        if ! kill -0 "$DOCKERD_PID" 2>/dev/null; then
            break
        fi
        sleep 0.5
    done
    echo "dockerd did not start; its log:" >&2
    tail -n 30 "$DOCKERD_STATE/dockerd.log" >&2
    return 1
}

stop_dockerd() {
    [ -n "${DOCKERD_PID:-}" ] || return 0
    kill "$DOCKERD_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do
        kill -0 "$DOCKERD_PID" 2>/dev/null || break
        sleep 0.5
    done
    kill -9 "$DOCKERD_PID" 2>/dev/null || true
    wait "$DOCKERD_PID" 2>/dev/null || true
    DOCKERD_PID=
    # dockerd leaves its network namespace (exec-root/netns/default) mounted; innermost mounts first
    awk -v dir="$DOCKERD_STATE/" 'index($2, dir) == 1 { print $2 }' /proc/mounts | sort -r |
        while read -r mount; do umount -l "$mount" || true; done
}

docker() {
    "$DOCKER_BIN" "$@"
}

# A Debian 12 minbase root file system as an image; the tarball is cached in $RECOVERY_CACHE between runs.
build_base_image() {
    local tarball="$RECOVERY_CACHE/debian-bookworm-minbase.tar"
    if [ ! -s "$tarball" ]; then
        echo "debootstrap --variant=minbase bookworm (cached in $tarball)"
        local rootfs
        rootfs=$(mktemp -d)
        debootstrap --variant=minbase bookworm "$rootfs" "${DEBIAN_MIRROR:-http://deb.debian.org/debian}" \
            >"$rootfs.log" 2>&1 || { tail -n 20 "$rootfs.log" >&2; rm -rf "$rootfs" "$rootfs.log"; return 1; }
        # what bookworm-slim leaves out as well: documentation, manuals, translations, package lists
        rm -rf "$rootfs"/usr/share/{doc,man,info,locale}/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*
        mkdir -p "$RECOVERY_CACHE"
        tar -C "$rootfs" --numeric-owner -cf "$tarball.part" . && mv "$tarball.part" "$tarball"
        rm -rf "$rootfs" "$rootfs.log"
    fi
    docker import --change 'CMD ["/bin/bash"]' "$tarball" "$BASE_IMAGE" >/dev/null
}

# The host's JDK at /opt/java/openjdk, where eclipse-temurin images have it (only files: it runs on the base
# image); links are followed, as Debian's Temurin package links its CA certificates from /etc/ssl.
build_jdk_image() {
    tar -C "$JDK_DIR" --dereference --numeric-owner --transform 's,^\.,opt/java/openjdk,' -cf - . |
        docker import - "$JDK_IMAGE" >/dev/null
}

# The application as Dockerfile.jvm expects it (target/jvm-image), as release.yml packages it.
package_jvm_app() {
    mvn -B -ntp -q package -DskipTests -Dquarkus.package.jar.type=aot-jar \
        -Dquarkus.package.output-directory=jvm-image
}

# The action's JVM image as release.yml builds it (Dockerfile.jvm), on the local base and JDK images.
build_jvm_image() {
    DOCKER_BUILDKIT=1 docker build -q --network none -f Dockerfile.jvm \
        --build-arg BASE_IMAGE="$BASE_IMAGE" --build-arg JDK_IMAGE="$JDK_IMAGE" -t "$JVM_IMAGE" . >/dev/null
}
