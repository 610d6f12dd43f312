#!/usr/bin/env bash
# A test run that fails: Maven-like output and a JUnit XML report with one failing test.
mkdir -p e2e-reports
cat > e2e-reports/TEST-com.example.CartTest.xml <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="com.example.CartTest" tests="2" failures="1" errors="0" skipped="0">
  <testcase name="addsItem" classname="com.example.CartTest"/>
  <testcase name="appliesDiscount" classname="com.example.CartTest">
    <failure message="expected: &lt;90&gt; but was: &lt;100&gt;">at com.example.CartTest.appliesDiscount(CartTest.java:42)</failure>
  </testcase>
</testsuite>
XML
echo "[INFO] Running com.example.CartTest"
echo "[ERROR] Tests run: 2, Failures: 1, Errors: 0, Skipped: 0"
echo "[ERROR] BUILD FAILURE"
exit 1
