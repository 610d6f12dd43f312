#!/usr/bin/env bash
# Throughput and peak memory of `recovery classify` on a generated job log (default 1 GiB: thousands of passing
# steps, the failure at the end), next to `grep -c` on the same file. JVM start-up is measured on a one-line log
# and subtracted. Runs pinned to one core. Usage: bench/classify-bench.sh [SIZE_MIB ...]   (default: 256 1024)
# Each log is also classified with --baseline (a 32 MiB log of the job passing, the most the action downloads):
# the "baseline" column is what that costs.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}   # JAR=path measures another build
JAVA=("$JAVA_HOME/bin/java" -XX:+UseSerialGC -jar "$JAR")
command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install time" >&2; exit 2; }
[ -f "$JAR" ] || mvn -B -q -ntp package -DskipTests
mkdir -p bench/out
if [ $# -gt 0 ]; then sizes=("$@"); else sizes=(256 1024); fi
timed() { # "seconds maxrss_kb cpu_seconds" of the fastest of RUNS (3) runs; output goes to a file (grep stops early
    # on /dev/null). CPU seconds (user + sys) stay meaningful when other work shares the core.
    for _ in $(seq 1 "${RUNS:-3}"); do
        /usr/bin/time -f "%e %M %U %S" -o bench/out/time.txt taskset -c 0 "$@" >bench/out/stdout.txt
        awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' bench/out/time.txt
    done | sort -n | head -1
}

echo "x" > bench/out/tiny.log
read -r startup _ startcpu < <(timed "${JAVA[@]}" classify bench/out/tiny.log)
baseline=bench/out/baseline-32m.log
[ -f "$baseline" ] || python3 bench/generate-job-log.py "$baseline" 32 pass >/dev/null
read -r bsec brss bcpu < <(timed "${JAVA[@]}" classify --baseline "$baseline" bench/out/tiny.log)
printf '%-9s %-22s %-34s %-9s %-52s %s\n' "log" "grep -c error" "recovery classify (start-up ${startup}s subtracted)" \
    "peak RSS" "CPU time (start-up ${startcpu}s subtracted)" "with --baseline (32 MiB): CPU, RSS"
for size in "${sizes[@]}"; do
    log=bench/out/job-${size}m.log
    [ -f "$log" ] || python3 bench/generate-job-log.py "$log" "$size" >/dev/null
    bytes=$(stat -c %s "$log")
    cat "$log" > /dev/null
    read -r gsec _ gcpu < <(timed grep -c error "$log")
    read -r csec rss ccpu < <(timed "${JAVA[@]}" classify "$log")
    read -r _ wrss wcpu < <(timed "${JAVA[@]}" classify --baseline "$baseline" "$log")
    awk -v s="$size" -v b="$bytes" -v g="$gsec" -v c="$csec" -v u="$startup" -v r="$rss" -v gc="$gcpu" -v cc="$ccpu" \
        -v uc="$startcpu" -v wc="$wcpu" -v wr="$wrss" 'BEGIN {
        n = c - u; m = cc - uc; printf "%-9s %5.2fs %7.0f MB/s      %5.2fs %7.0f MB/s                     %4d MB    grep %.2fs, classify %.2fs (%.0f MB/s)          %+.2fs, %d MB\n",
            s "MiB", g, b / g / 1e6, n, b / n / 1e6, r / 1024, gc, m, b / m / 1e6, wc - cc, wr / 1024 }'
done
awk -v b="$bsec" -v u="$startup" -v bc="$bcpu" -v uc="$startcpu" -v r="$brss" 'BEGIN {
    printf "reading the 32 MiB baseline alone: %.2fs, CPU %.2fs (%d MB peak RSS)\n", b - u, bc - uc, r / 1024 }'
