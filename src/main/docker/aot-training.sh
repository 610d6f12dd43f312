#!/bin/sh
# The AOT cache's training run, inside the image build: `recovery report` on a failed Maven build in a scratch
# workspace, as an in-job step without a token (no API calls). It loads what every command needs (start-up, settings,
# rules, the classifier) and what a report adds (JUnit reports, the plan, Markdown, outputs); the JVM writes the
# classes it loaded and linked to the cache when the run ends.
set -eu
dir=$(mktemp -d)
mkdir -p "$dir/workspace/target/surefire-reports" "$dir/temp"
cat >"$dir/workspace/build.log" <<'LOG'
[INFO] Scanning for projects...
[INFO] Building app 1.0
[INFO] Running com.example.CartTest
[ERROR] Tests run: 3, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.05 s <<< FAILURE! -- in com.example.CartTest
[ERROR] com.example.CartTest.appliesDiscount -- Time elapsed: 0.01 s <<< FAILURE!
org.opentest4j.AssertionFailedError: expected: <90> but was: <100>
	at com.example.CartTest.appliesDiscount(CartTest.java:42)
[ERROR] Tests run: 3, Failures: 1, Errors: 0, Skipped: 0
[INFO] BUILD FAILURE
[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.5.3:test (default-test) on project app: There are test failures.
LOG
cat >"$dir/workspace/target/surefire-reports/TEST-com.example.CartTest.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="com.example.CartTest" tests="2" failures="1" errors="0" skipped="0">
  <testcase name="addsItem" classname="com.example.CartTest" time="0.01"/>
  <testcase name="appliesDiscount" classname="com.example.CartTest" time="0.02">
    <failure message="expected: &lt;90&gt; but was: &lt;100&gt;" type="org.opentest4j.AssertionFailedError">at com.example.CartTest.appliesDiscount(CartTest.java:42)</failure>
  </testcase>
</testsuite>
XML
: >"$dir/output"
: >"$dir/summary"
env -i PATH=/usr/bin:/bin HOME="$dir" GITHUB_ACTIONS=true GITHUB_REPOSITORY=octo/app GITHUB_RUN_ID=1 \
    GITHUB_WORKSPACE="$dir/workspace" GITHUB_OUTPUT="$dir/output" GITHUB_STEP_SUMMARY="$dir/summary" \
    RUNNER_TEMP="$dir/temp" INPUT_LOG-FILES=build.log INPUT_TEST-REPORTS='target/surefire-reports/*.xml' \
    RECOVERY_JAVA_OPTS="-XX:AOTCacheOutput=$1" /usr/local/bin/recovery report >/dev/null
grep -A1 '^failure-type<<' "$dir/output" | grep -qx test_failure
rm -rf "$dir"
test -s "$1"
