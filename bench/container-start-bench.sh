#!/usr/bin/env bash
# Start-up of the JVM image: `recovery classify` of a small log, median, min and max of RUNS (5) runs, with the
# image's AOT cache and without it (-XX:AOTMode=off, same flags otherwise), measured inside the container (the
# JVM's share) and around `docker run` (what a workflow step waits for, next to `docker run` of /bin/true), and
# the same command on the host's JVM (target/quarkus-app, the README's jar) for reference. The JVM's CPU time
# (user + sys) is reported too: on a shared machine it varies less than the wall time. Needs root: it starts its own
# dockerd and builds the image as .ci/container-test.sh does. NICE=-20 runs the JVMs at that priority, which comes
# closer to an idle machine when others load it (not the docker run rows: containerd starts those processes).
# Usage: sudo [RUNS=5] [NICE=-20] bench/container-start-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=.ci/docker-engine.sh
source .ci/docker-engine.sh
RUNS=${RUNS:-5}
NICE=${NICE:-0}

state=$(mktemp -d /tmp/recovery-bench-dockerd.XXXXXX)
trap 'stop_dockerd; rm -rf "$state"' EXIT
install_docker_tools
start_dockerd "$state"
build_base_image
build_jdk_image
package_jvm_app
build_jvm_image
[ -f target/quarkus-app/quarkus-run.jar ] || mvn -B -ntp -q package -DskipTests

mkdir -p bench/out
log=$PWD/bench/out/small.log
printf '%s\n' '[INFO] Building app 1.0' '[INFO] Running com.example.CartTest' \
    '[ERROR] Tests run: 3, Failures: 1, Errors: 0, Skipped: 0' '[INFO] BUILD FAILURE' >"$log"

stats() { # seconds on stdin, one a line -> "median min max"
    sort -n | awk '{ v[NR] = $1 } END { printf "median %.3f s  min %.3f s  max %.3f s\n", v[int((NR + 1) / 2)], v[1], v[NR] }'
}
wall() { # seconds of each of RUNS runs of a command
    for _ in $(seq 1 "$RUNS"); do
        local start end
        start=$(date +%s%N)
        "$@" >/dev/null 2>&1
        end=$(date +%s%N)
        echo "$(((end - start) / 1000))" | awk '{ print $1 / 1e6 }'
    done
}
inside() { # "wall cpu" seconds of each run, timed inside one container (RECOVERY_JAVA_OPTS=$1)
    docker run --rm --network none --cap-add SYS_NICE -v "$log:/w/small.log:ro" -e RECOVERY_JAVA_OPTS="$1" \
        --entrypoint /bin/bash "$JVM_IMAGE" -c 'TIMEFORMAT="%R %U %S"; for _ in $(seq 1 '"$RUNS"'); do
            { time nice -n '"$NICE"' recovery classify /w/small.log >/dev/null 2>&1; } 2>&1; done' |
        awk '{ print $1, $2 + $3 }'
}
inside_stats() { # "wall: median min max; CPU (user+sys): median min max"
    local runs
    runs=$(inside "$1")
    echo "$(cut -d' ' -f1 <<<"$runs" | stats);  CPU $(cut -d' ' -f2 <<<"$runs" | stats | sed 's/  min.*//')"
}
run_image() {
    docker run --rm --network none -v "$log:/w/small.log:ro" "$@" "$JVM_IMAGE" classify /w/small.log
}

echo "recovery classify of a 4-line log, $RUNS runs each, nice $NICE, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-46s %s\n' "in the container, AOT cache (the image)" "$(inside_stats "")"
printf '%-46s %s\n' "in the container, no AOT cache" "$(inside_stats -XX:AOTMode=off)"
printf '%-46s %s\n' "in the container, AOT cache, C1 and C2" "$(inside_stats -XX:TieredStopAtLevel=4)"
printf '%-46s %s\n' "docker run, AOT cache (the image)" "$(wall run_image | stats)"
printf '%-46s %s\n' "docker run, no AOT cache" "$(wall run_image -e RECOVERY_JAVA_OPTS=-XX:AOTMode=off | stats)"
printf '%-46s %s\n' "docker run of /bin/true (container overhead)" \
    "$(wall docker run --rm --network none --entrypoint /bin/true "$JVM_IMAGE" | stats)"
host=$(for _ in $(seq 1 "$RUNS"); do
    TIMEFORMAT="%R %U %S"
    { time nice -n "$NICE" "$JAVA_HOME/bin/java" -jar target/quarkus-app/quarkus-run.jar classify "$log" >/dev/null 2>&1; } 2>&1
done | awk '{ print $1, $2 + $3 }')
printf '%-46s %s\n' "host JVM (java -jar target/quarkus-app)" \
    "$(cut -d' ' -f1 <<<"$host" | stats);  CPU $(cut -d' ' -f2 <<<"$host" | stats | sed 's/  min.*//')"
