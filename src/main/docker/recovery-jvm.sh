#!/bin/bash
# Entrypoint of the JVM image (Dockerfile.jvm), at the path of the native image's executable and with its arguments.
# The AOT cache holds the classes that the image build's training run loaded and linked (aot-training.sh); the JVM
# maps them instead of loading them: 40 % faster (bench/container-start-bench.sh). C1 alone compiles start-up code
# soonest, a little faster again for a run this short; other flags measured (serial GC, -Xms, CICompilerCount,
# -UsePerfData) made no difference. The training run used the same flags. JVM warnings go to stderr so that stdout
# stays the program's. RECOVERY_JAVA_OPTS come last and win.
# bash, not sh: dash drops variables whose names are no shell identifiers from the environment it passes on, and
# the runner names inputs INPUT_STEP-NUMBER, INPUT_GITHUB-TOKEN, ...
cache=/opt/recovery/app.aot
aot=
[ -f "$cache" ] && aot="-XX:AOTCache=$cache"
# shellcheck disable=SC2086 # the options are words
exec /opt/java/bin/java $aot -XX:TieredStopAtLevel=1 -Xlog:disable -Xlog:all=warning:stderr \
    ${RECOVERY_JAVA_OPTS:-} -jar /opt/recovery/quarkus-run.jar "$@"
