#!/bin/sh
# Downloads the log of a failed GitHub Actions run (default: the latest failed run of the current branch),
# analyses it and prints the recovery plan. Needs gh (authenticated) and the recovery CLI.
set -eu
run_id=${1:-}
branch=$(git rev-parse --abbrev-ref HEAD)
if [ -z "$run_id" ]; then
    run_id=$(gh run list --branch "$branch" --status failure --limit 1 --json databaseId --jq '.[0].databaseId')
fi
if [ -z "$run_id" ] || [ "$run_id" = "null" ]; then
    echo "no failed run found for branch $branch" >&2
    exit 2
fi
repo=$(gh repo view --json nameWithOwner --jq .nameWithOwner)
job_id=$(gh run view "$run_id" --json jobs --jq '[.jobs[] | select(.conclusion == "failure")][0].databaseId')
log=$(mktemp "${TMPDIR:-/tmp}/run-$run_id.XXXXXX.log")
trap 'rm -f "$log"' EXIT
gh api "repos/$repo/actions/jobs/$job_id/logs" >"$log"
recovery analyze --format text --run-url "https://github.com/$repo/actions/runs/$run_id/job/$job_id" "$log"
