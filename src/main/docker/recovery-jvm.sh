#!/bin/bash
# Entrypoint of the JVM image (Dockerfile.jvm), at the path of the native image's executable and with its arguments.
# The AOT cache holds the classes that the image build's training run loaded and linked (aot-training.sh); the JVM
# maps them instead of loading them (bench/container-start-bench.sh: the largest gain). C1 alone compiles start-up
# code soonest, and the serial collector starts no GC threads: what a short-lived CLI needs (a smaller gain; the
# training run used the same flags). JVM warnings go to stderr so that stdout stays the program's.
# RECOVERY_JAVA_OPTS come last and win.
# bash, not sh: dash drops variables whose names are no shell identifiers from the environment it passes on, and
# the runner names inputs INPUT_STEP-NUMBER, INPUT_GITHUB-TOKEN, ...
cache=/opt/recovery/app.aot
aot=
[ -f "$cache" ] && aot="-XX:AOTCache=$cache"
# shellcheck disable=SC2086 # the options are words
exec /opt/java/bin/java $aot -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:disable \
    -Xlog:all=warning:stderr ${RECOVERY_JAVA_OPTS:-} -jar /opt/recovery/quarkus-run.jar "$@"
