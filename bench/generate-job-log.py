#!/usr/bin/env python3
"""Writes a GitHub Actions job log of about SIZE bytes: thousands of passing steps with realistic output
(builds, dependency downloads with retried failures, test runs, warnings, "0 errors"), then one failing
Surefire test step at the end and post-job cleanup; with "pass", the same job when it passed (a baseline, other
random values). Usage: generate-job-log.py OUT [SIZE_MIB] [pass]"""
import datetime
import random
import sys

out_path = sys.argv[1]
target = int(sys.argv[2] if len(sys.argv) > 2 else 1024) * 1024 * 1024
passing = len(sys.argv) > 3 and sys.argv[3] == "pass"
rnd = random.Random(7 if passing else 42)
t = datetime.datetime(2026, 3, 2, 9, 0, 0)


def stamp():
    global t
    t += datetime.timedelta(microseconds=rnd.randint(50, 4000))
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%07dZ " % (t.microsecond * 10)


PASSING_OUTPUT = [
    "[INFO] Downloading from central: https://repo.maven.apache.org/maven2/org/apache/commons/commons-lang3/3.{n}/commons-lang3-3.{n}.pom",
    "[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/org/apache/commons/commons-lang3/3.{n}/commons-lang3-3.{n}.jar (652 kB at 4.1 MB/s)",
    "[WARNING] Could not transfer metadata com.acme:parent:1.{n}-SNAPSHOT/maven-metadata.xml from/to snapshots: Connection reset; retrying (attempt 1 of 3)",
    "[INFO] Compiling {n} source files with javac [debug release 21] to target/classes",
    "[WARNING] /home/runner/work/shop/shop/src/main/java/com/acme/shop/Legacy{n}.java:[{n},17] [deprecation] getOldPrice() in Cart has been deprecated",
    "[INFO] Running com.acme.shop.CartServiceTest{n}",
    "[INFO] Tests run: {n}, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.{n} s -- in com.acme.shop.CartServiceTest{n}",
    "npm warn deprecated inflight@1.0.6: This module is not supported, and leaks memory. Do not use it.",
    "added {n} packages, and audited {n} packages in 3s",
    "  src/components/Button{n}.tsx  0 errors, 0 warnings",
    "PASS src/cart/cart{n}.test.ts (5.{n} s)",
    "ok  \tgithub.com/acme/shop/internal/cart{n}\t0.{n}s",
    "   Compiling serde_json v1.0.{n}",
    "tests/test_cart.py::test_total_{n} PASSED                              [ {n}%]",
    "2026-03-02 09:00:0{d} INFO  c.a.s.OrderService - order {n} created in {n} ms",
    "Downloading https://registry.npmjs.org/lodash/-/lodash-4.17.{n}.tgz",
]


def write_step(out, number, lines):
    name = rnd.choice(["mvn -B -ntp verify -pl module-%d" % number, "npm run build:part%d" % number,
                       "go test ./pkg%d/..." % number, "pytest tests/unit/part%d" % number])
    out.write(stamp() + "##[group]Run " + name + "\n")
    out.write(stamp() + name + "\n")
    out.write(stamp() + "shell: /usr/bin/bash -e {0}\n")
    out.write(stamp() + "##[endgroup]\n")
    for _ in range(lines):
        line = rnd.choice(PASSING_OUTPUT).format(n=rnd.randint(1, 999), d=rnd.randint(0, 9))
        out.write(stamp() + line + "\n")


with open(out_path, "w") as out:
    for line in ["Current runner version: '2.331.0'", "##[group]Operating System", "Ubuntu", "24.04.1 LTS",
                 "##[endgroup]", "Complete job name: build"]:
        out.write(stamp() + line + "\n")
    step = 0
    while out.tell() < target - 200_000:
        step += 1
        write_step(out, step, rnd.randint(800, 2400))
    step += 1
    out.write(stamp() + "##[group]Run mvn -B -ntp verify\n" + stamp() + "##[endgroup]\n")
    ending = ["[INFO] Running com.acme.shop.InvoiceTest",
              "[INFO] Tests run: 4, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.05 s -- in com.acme.shop.InvoiceTest",
              "[INFO] Tests run: 412, Failures: 0, Errors: 0, Skipped: 0", "[INFO] BUILD SUCCESS",
              "Post job cleanup.", "Cleaning up orphan processes"]
    for line in ending if passing else ["[INFO] Running com.acme.shop.InvoiceTest",
                 "[ERROR] Tests run: 4, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.05 s <<< FAILURE! -- in com.acme.shop.InvoiceTest",
                 "[ERROR] com.acme.shop.InvoiceTest.addsTax -- Time elapsed: 0.01 s <<< FAILURE!",
                 "org.opentest4j.AssertionFailedError: expected: <1200> but was: <1199>",
                 "[ERROR] Failures: ",
                 "[ERROR]   InvoiceTest.addsTax:27 expected: <1200> but was: <1199>",
                 "[ERROR] Tests run: 412, Failures: 1, Errors: 0, Skipped: 0",
                 "[INFO] BUILD FAILURE",
                 "##[error]Process completed with exit code 1.",
                 "Post job cleanup.", "Cleaning up orphan processes"]:
        out.write(stamp() + line + "\n")
    size = out.tell()
print("%s: %d steps, %d bytes" % (out_path, step, size))
