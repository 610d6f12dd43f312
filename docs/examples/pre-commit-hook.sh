#!/bin/sh
# Runs the project's quick checks before a commit; on failure prints the recovery plan for what failed.
# Set CHECK to the command your project uses (default: Maven without the slow integration tests).
CHECK=${CHECK:-"mvn -q -B -ntp verify -DskipITs"}
log=$(mktemp "${TMPDIR:-/tmp}/pre-commit.XXXXXX.log")
trap 'rm -f "$log"' EXIT

if sh -c "$CHECK" >"$log" 2>&1; then
    exit 0
fi

echo "pre-commit: '$CHECK' failed; recovery plan:" >&2
if command -v recovery >/dev/null 2>&1; then
    recovery analyze --format text --lane standard "$log" >&2
else
    tail -n 40 "$log" >&2
    echo "(install the recovery CLI for a recovery plan)" >&2
fi
exit 1
