#!/usr/bin/env bash
# Time, peak memory and output size of `recovery analyze` on a generated job log with many error lines (default:
# 500 MiB with 10,000 failing-test lines carrying a token to redact), for both Markdown size limits.
# Usage: bench/report-bench.sh [SIZE_MIB [ERROR_LINES]]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAR=target/quarkus-app/quarkus-run.jar
size=${1:-500}
errors=${2:-10000}
command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install time" >&2; exit 2; }
[ -f "$JAR" ] || mvn -B -q -ntp package -DskipTests
mkdir -p bench/out
log=bench/out/failing-${size}m-${errors}e.log
[ -f "$log" ] || python3 - "$log" "$size" "$errors" <<'PY'
import sys
path, size, errors = sys.argv[1], int(sys.argv[2]) << 20, int(sys.argv[3])
filler = "2026-11-20T09:10:00.0000000Z [INFO] Running com.example.module.GeneratedTest, output padded to a typical width\n"
with open(path, "w") as f:
    f.write("2026-11-20T09:00:01.0000000Z ##[group]Run mvn -B -ntp verify\n2026-11-20T09:00:01.1000000Z ##[endgroup]\n")
    blocks = size // (1000 * len(filler))
    every = max(1, blocks // max(1, errors))
    written = 0
    for b in range(blocks):
        f.write(filler * 1000)
        if b % every == 0 and written < errors:
            f.write(f"2026-11-20T09:20:00.0000000Z [ERROR] com.example.M{written}Test.checks:42 expected: <1> but was: <2>"
                    f" token ghp_abcdefghijklmnopqrstuvwxyz0123456789\n")
            written += 1
    f.write(f"2026-11-20T09:40:00.0000000Z [ERROR] Tests run: {errors}, Failures: {errors}, Errors: 0, Skipped: 0\n")
    f.write("2026-11-20T09:40:01.0000000Z ##[error]Process completed with exit code 1.\n")
PY
printf '%-12s %8s %9s %12s %s\n' "size-limit" "seconds" "peak RSS" "output" "secrets left"
for limit in job-summary pr-comment; do
    /usr/bin/time -f "%e %M" -o bench/out/time.txt "$JAVA_HOME/bin/java" -jar "$JAR" analyze --lane heavy \
        --size-limit "$limit" --run-url https://github.com/octo/shop/actions/runs/1/job/2 "$log" >bench/out/report.md
    read -r sec rss <bench/out/time.txt
    printf '%-12s %7.2fs %6d MB %8d B %s\n' "$limit" "$sec" $((rss / 1024)) "$(stat -c %s bench/out/report.md)" \
        "$(grep -c ghp_ bench/out/report.md || true)"
done
