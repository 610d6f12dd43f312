#!/bin/bash
# Entrypoint of the JVM image (Dockerfile.jvm), at the path of the native image's executable and with its arguments.
# The AOT cache holds the classes that the image build's training run loaded and linked (aot-training.sh); the JVM
# maps them instead of loading them: 40 % faster (bench/container-start-bench.sh). C1 alone compiles start-up code
# soonest, a little faster again for a run this short; other flags measured (serial GC, -Xms, CICompilerCount,
# -UsePerfData) made no difference. The training run used the same flags. Not for checkpoint, restore and validate:
# they hash and (de)compress the workspace, and C1 has neither the SHA-256 intrinsics nor C2's code for zstd's
# native calls, so C1 alone makes a 1 GiB checkpoint 3x slower (docs/checkpoints.md). The command is the first
# argument, or the action's command input when the image runs its default, report. JVM warnings go to stderr so
# that stdout stays the program's. RECOVERY_JAVA_OPTS come last and win.
# bash, not sh: dash drops variables whose names are no shell identifiers from the environment it passes on, and
# the runner names inputs INPUT_STEP-NUMBER, INPUT_GITHUB-TOKEN, ...
cache=/opt/recovery/app.aot
aot=
[ -f "$cache" ] && aot="-XX:AOTCache=$cache"
command=${1:-report}
[ "$command" = report ] && command=${INPUT_COMMAND:-report}
jit=-XX:TieredStopAtLevel=1
case "${command//[[:space:]]/}" in
    checkpoint | restore | validate) jit= ;;
esac
# shellcheck disable=SC2086 # the options are words
exec /opt/java/bin/java $aot $jit -Xlog:disable -Xlog:all=warning:stderr \
    ${RECOVERY_JAVA_OPTS:-} -jar /opt/recovery/quarkus-run.jar "$@"
