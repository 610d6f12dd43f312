#!/usr/bin/env bash
# Times `recovery checkpoint` and `recovery restore` (JVM mode) on a generated 1 GiB workspace against
# `tar -c | zstd -1 -T0` and `zstd -d | tar -x` in the same run, alternating, and prints the medians and the ratios
# against the baseline plus a JVM start (`recovery --version`, measured in the same run: the shipped native
# executable starts in milliseconds, so the JVM's start is counted on our side only). Then takes a second,
# incremental checkpoint of the unchanged workspace and prints its size against the first's.
#
#   mvn -B -q package -DskipTests && bench/checkpoint-bench.sh
#
# Environment: SIZE_MIB (1024), RUNS (3), WORK (bench/out/checkpoint), JAVA (JAVA_HOME's java), JAVA_OPTS, JAR (the
# application, target/quarkus-app/quarkus-run.jar; another build to compare with).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MIB=${SIZE_MIB:-1024}
RUNS=${RUNS:-3}
WORK=${WORK:-bench/out/checkpoint}
JAVA=${JAVA:-${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java}
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}

for tool in zstd tar python3 git; do
    if ! command -v "$tool" >/dev/null; then
        echo "bench: $tool is missing; install it (Debian/Ubuntu: apt-get install $tool)" >&2
        exit 2
    fi
done
[[ -f $JAR ]] || { echo "bench: $JAR is missing; run mvn -B -q package -DskipTests first" >&2; exit 2; }
"$JAVA" -version 2>&1 | grep -q 'version "2[1-9]' || { echo "bench: $JAVA is not Java 21+; set JAVA" >&2; exit 2; }

rm -rf "$WORK"
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
ORIGIN=$WORK/origin

echo "Generating a ${SIZE_MIB} MiB workspace in $ORIGIN ..."
git init -q -b main "$ORIGIN"
printf 'build/\nlogs/\ndata/\n.checkpoints/\n' > "$ORIGIN/.gitignore"
echo "benchmark workspace" > "$ORIGIN/README.md"
git -C "$ORIGIN" add .
git -C "$ORIGIN" -c user.name=bench -c user.email=bench@example.com commit -q -m initial
python3 bench/generate-workspace.py "$ORIGIN" "$SIZE_MIB"
echo "  $(find "$ORIGIN" -path "$ORIGIN/.git" -prune -o -type f -print | wc -l) files, $(du -sh --exclude=.git "$ORIGIN" | cut -f1)"

# A fresh checkout of the same commit, as a re-run's runner has it.
fresh_checkout() {
    rm -rf "$1"
    git clone -q "$ORIGIN" "$1"
}

seconds() {
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}

recovery() {
    "$JAVA" ${JAVA_OPTS:-} -jar "$JAR" "$@"
}

# Every run writes to new paths and nothing is deleted until the end: deleting a gigabyte right before a timed
# step makes the file system busy (discards, journal) and slows whichever tool comes next.
tar_checkpoint() {
    tar -c -C "$ORIGIN" --exclude=./.checkpoints . | zstd -1 -T0 -q -o "$WORK/tar-$run.tar.zst"
}

tar_restore() {
    mkdir "$WORK/tar-restore-$run"
    zstd -d -q -c "$WORK/tar-$run.tar.zst" | tar -x -C "$WORK/tar-restore-$run"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
declare -a T_CKPT R_CKPT T_REST R_REST T_JVM
for run in $(seq 1 "$RUNS"); do
    T_JVM+=("$(seconds recovery --version)")
    sync
    T_CKPT+=("$(seconds tar_checkpoint)")
    sync
    R_CKPT+=("$(seconds recovery checkpoint --workspace "$ORIGIN" --store local --step-number 1 --step-name bench \
        --checkpoint-id "bench-$run" --path build --path logs --path data)")
    sync
    T_REST+=("$(seconds tar_restore)")
    fresh_checkout "$WORK/restore-$run"
    mkdir "$WORK/restore-$run/.checkpoints"
    mv "$ORIGIN/.checkpoints/bench-$run".* "$WORK/restore-$run/.checkpoints/"
    sync
    R_REST+=("$(seconds recovery restore --workspace "$WORK/restore-$run" --store local --checkpoint-id "bench-$run")")
    diff -rq --exclude=.git --exclude=.checkpoints "$ORIGIN" "$WORK/restore-$run" >/dev/null \
        || { echo "bench: the restored workspace differs from the original" >&2; exit 1; }
    echo "  run $run: checkpoint ${R_CKPT[-1]} s (tar+zstd ${T_CKPT[-1]} s), restore ${R_REST[-1]} s (zstd+tar ${T_REST[-1]} s), JVM start ${T_JVM[-1]} s"
done

median() {
    printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'
}

# The incremental case: two checkpoints of the unchanged workspace in one store, as two steps of one job would take.
recovery checkpoint --workspace "$ORIGIN" --store local --step-number 1 --step-name first --checkpoint-id inc-1 \
    --path build --path logs --path data >/dev/null
INC_SECONDS=$(seconds recovery checkpoint --workspace "$ORIGIN" --store local --step-number 2 --step-name second \
    --checkpoint-id inc-2 --path build --path logs --path data)
INC_FIRST=$(stat -c %s "$ORIGIN/.checkpoints/inc-1.tar.zst")
INC_SECOND=$(stat -c %s "$ORIGIN/.checkpoints/inc-2.tar.zst")

ARCHIVE=$WORK/restore-1/.checkpoints/bench-1.tar.zst
jvm=$(median "${T_JVM[@]}")
printf '\n%-12s %14s %14s %10s %8s\n' "operation" "recovery (s)" "tar+zstd (s)" "+JVM (s)" "ratio"
for op in checkpoint restore; do
    if [[ $op == checkpoint ]]; then r=$(median "${R_CKPT[@]}"); t=$(median "${T_CKPT[@]}"); else
        r=$(median "${R_REST[@]}"); t=$(median "${T_REST[@]}"); fi
    printf '%-12s %14.2f %14.2f %10.2f %7.2fx\n' "$op" "$r" "$t" "$(echo "$t + $jvm" | bc -l)" \
        "$(echo "$r / ($t + $jvm)" | bc -l)"
done
printf '\nJVM start (recovery --version): %.2f s; ratio = recovery / (tar+zstd + JVM start)\n' "$jvm"
printf 'archive: recovery %s, tar+zstd %s; %s cores; median of %s runs\n' \
    "$(du -h "$ARCHIVE" | cut -f1)" "$(du -h "$WORK/tar-1.tar.zst" | cut -f1)" "$(nproc)" "$RUNS"
printf 'incremental: second checkpoint of the unchanged workspace %s bytes against %s (%.4f%%), in %.2f s\n' \
    "$INC_SECOND" "$INC_FIRST" "$(echo "100 * $INC_SECOND / $INC_FIRST" | bc -l)" "$INC_SECONDS"
printf 'load average before/after: %s / %s\n' "$LOAD_BEFORE" "$(cut -d' ' -f1-3 /proc/loadavg)"
if (( INC_SECOND * 100 >= INC_FIRST )); then
    echo "bench: the second checkpoint stores 1 % or more of the first's bytes" >&2
    exit 1
fi
echo "Removing $WORK ..."
rm -rf "$WORK"
