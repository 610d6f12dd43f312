#!/usr/bin/env python3
"""Makes pairs of job logs of the same job, one passing and one failing, by running the real tools (Maven +
Surefire, pytest, npm + node --test, cargo, gcc + make, curl against a closed loopback port) twice on a small
project, the second time with one change that breaks it. The tools' output is real; the runner's preamble, step
headers, exit-code line and post-job cleanup are written from templates, as GitHub's runner writes them.
Usage: make-pairs.py OUT_DIR   (writes <scenario>-pass.log, <scenario>-fail.log and pairs.jsonl)"""
import datetime, json, os, shutil, subprocess, sys, uuid

WORK = "/home/runner/work/app/app"


def stamp():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f") + "0Z"


class Job:
    def __init__(self, name):
        self.lines = []
        self.failed = False
        for text in ["Current runner version: '2.321.0'", "##[group]Operating System", "Ubuntu", "24.04.1",
                     "LTS", "##[endgroup]", "##[group]Runner Image", "Image: ubuntu-24.04",
                     "Version: 20241201.1.0", "##[endgroup]", "##[group]GITHUB_TOKEN Permissions",
                     "Contents: read", "Metadata: read", "##[endgroup]",
                     "Secret source: Actions", "Prepare workflow directory", "Prepare all required actions",
                     "Getting action download info", "Download action repository 'actions/checkout@v4' (SHA:11bd71901bbe5b1630ceea73d27597364c9af683)",
                     "Complete job name: " + name]:
            self.say(text)

    def say(self, text):
        self.lines.append(stamp() + " " + text)

    def step(self, name, command, env=None, shell=True):
        if self.failed:
            return
        self.say("##[group]Run " + name)
        for line in command.splitlines():
            self.say(line)
        self.say("shell: /usr/bin/bash -e {0}")
        self.say("##[endgroup]")
        proc = subprocess.Popen(["bash", "-e", "-c", command], cwd=WORK, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, env={**os.environ, **(env or {}), "CI": "true"})
        for raw in proc.stdout:
            self.say(raw.decode("utf-8", "replace").rstrip("\n"))
        code = proc.wait()
        if code != 0:
            self.say("##[error]Process completed with exit code %d." % code)
            self.failed = True

    def checkout(self):
        self.say("##[group]Run actions/checkout@v4")
        self.say("with:")
        self.say("  repository: octo/app")
        self.say("##[endgroup]")
        self.say("Syncing repository: octo/app")
        self.say("[command]/usr/bin/git version")
        self.say("git version 2.47.1")
        self.say("Temporarily overriding HOME='/home/runner/work/_temp/%s' before making global git config changes" % uuid.uuid4())
        self.say("[command]/usr/bin/git log -1 --format=%H")
        self.say(uuid.uuid4().hex + uuid.uuid4().hex[:8])

    def finish(self):
        self.say("Post job cleanup.")
        self.say("[command]/usr/bin/git version")
        self.say("git version 2.47.1")
        self.say("Cleaning up orphan processes")
        return "\n".join(self.lines) + "\n"


def write(path, text):
    full = os.path.join(WORK, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write(text)


def maven(broken):
    write("pom.xml", """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId><artifactId>shop</artifactId><version>1.0</version>
  <properties><maven.compiler.release>17</maven.compiler.release><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <dependencies><dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>5.10.2</version><scope>test</scope></dependency></dependencies>
  <build><plugins>
    <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version><configuration><compilerArgs><arg>-Xlint:deprecation</arg></compilerArgs></configuration></plugin>
    <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.2.5</version></plugin>
  </plugins></build>
</project>
""")
    write("src/main/java/com/example/Cart.java", """package com.example;
import java.util.*;
public class Cart {
    private final List<Integer> prices = new ArrayList<>();
    public void add(int price) { prices.add(new Integer(price)); }
    public int total() { int t = 0; for (int p : prices) t += p; return %s; }
    public int loadDiscount() {
        try { throw new IllegalStateException("discount service not configured, using 0"); }
        catch (IllegalStateException e) { e.printStackTrace(); return 0; }
    }
}
""" % ("t + 1" if broken else "t"))
    write("src/test/java/com/example/CartTest.java", """package com.example;
import static org.junit.jupiter.api.Assertions.*;
import org.junit.jupiter.api.Test;
class CartTest {
    static int attempts;
    @Test void totalAddsPrices() { Cart c = new Cart(); c.add(2); c.add(3); assertEquals(5, c.total()); }
    @Test void discountFallsBackToZero() { assertEquals(0, new Cart().loadDiscount()); }
    @Test void pricesLoadFromWarmCache() { assertTrue(++attempts > 1, "price cache was still warming up"); }
}
""")
    job = Job("test")
    job.checkout()
    job.step("mvn -B -o verify -Dsurefire.rerunFailingTestsCount=2", "mvn -B -o verify -Dsurefire.rerunFailingTestsCount=2")
    return job.finish(), "test_failure", ["totalAddsPrices", "expected: <5> but was: <6>"]


def changelog_scenario(broken):
    write("CHANGELOG.md", "# Changelog\n\n## %s\n\n- Faster totals\n" % ("1.1.0" if broken else "1.2.0"))
    write("VERSION", "1.2.0\n")
    job = Job("release-check")
    job.checkout()
    job.step("Check the changelog", """ls dist 2>&1 || true
git --version
echo "Checking that CHANGELOG.md mentions $(cat VERSION)"
grep -q "## $(cat VERSION)" CHANGELOG.md
echo "CHANGELOG.md is up to date\"""")
    return job.finish(), "unknown", ["exit code 1"]


def pytest_scenario(broken):
    write("shop/__init__.py", "")
    write("shop/cart.py", """import warnings, logging
log = logging.getLogger("shop")
def total(prices):
    warnings.warn("total() will round in 2.0", DeprecationWarning)
    log.error("price cache unavailable, computing totals directly")
    return sum(prices)%s
""" % (" + 1" if broken else ""))
    write("tests/test_cart.py", """from shop.cart import total
def test_total():
    assert total([2, 3]) == 5
def test_empty():
    assert total([]) == %s
""" % ("1" if broken else "0"))
    job = Job("pytest")
    job.checkout()
    job.step("python -m pytest -q", "python -m pytest -q -p no:cacheprovider tests")
    return job.finish(), "test_failure", ["test_total", "assert 6 == 5"]


def npm_scenario(broken):
    write("package.json", json.dumps({"name": "shop", "version": "1.0.0", "private": True,
                                      "scripts": {"test": "node --test"}}, indent=2))
    write("cart.js", "exports.total = (p) => p.reduce((a, b) => a + b, 0)%s;\n" % (" + 1" if broken else ""))
    write("test/cart.test.js", """const test = require('node:test');
const assert = require('node:assert');
const { total } = require('../cart');
test('total adds prices', () => { assert.strictEqual(total([2, 3]), 5); });
test('empty cart', () => { assert.strictEqual(total([]), %s); });
""" % ("1" if broken else "0"))
    job = Job("node")
    job.checkout()
    job.step("Warm the download cache",
             "curl -sS --max-time 5 http://127.0.0.1:9/cache.tgz -o /dev/null || echo 'cache not reachable, continuing without it'")
    job.step("npm test", "npm test")
    return job.finish(), "test_failure", ["total adds prices"]


def cargo_scenario(broken):
    write("Cargo.toml", '[package]\nname = "shop"\nversion = "0.1.0"\nedition = "2021"\n')
    write("src/lib.rs", """pub fn total(prices: &[u32]) -> u32 {
    let unused = 1;
    prices.iter().sum::<u32>()%s
}
#[cfg(test)]
mod tests {
    #[test]
    fn total_adds_prices() { assert_eq!(super::total(&[2, 3]), 5); }
}
""" % (" + 1" if broken else ""))
    job = Job("rust")
    job.checkout()
    job.step("cargo test", "cargo test --offline", env={"CARGO_TARGET_DIR": "/tmp/cargo-target-%s" % uuid.uuid4().hex[:8]})
    return job.finish(), "test_failure", ["total_adds_prices"]


def gcc_scenario(broken):
    write("Makefile", "CFLAGS=-Wall -Wextra\nall: shop\nshop: shop.c\n\t$(CC) $(CFLAGS) -o shop shop.c\n")
    write("shop.c", """#include <stdio.h>
int total(int *p, int n) { int t = 0, unused; for (int i = 0; i < n; i++) t += p[i]; return t%s; }
int main(int argc, char **argv) { int p[] = {2, 3}; printf("%%d\\n", total(p, 2)); return 0; }
""" % (" + tax" if broken else ""))
    job = Job("c")
    job.checkout()
    job.step("make", "make && ./shop")
    return job.finish(), "compilation_error", ["undeclared (first use in this function)"]


def network_scenario(broken):
    write("fetch.sh", """set -e
for attempt in 1 2; do
  if curl -sS --max-time 5 http://127.0.0.1:9/deps.tgz -o deps.tgz; then break; fi
  echo "attempt $attempt failed, retrying"
done
curl -sS --max-time 5 %s -o mirror.txt
echo fetched
""" % ("http://127.0.0.1:9/mirror.txt" if broken else "file://%s/fetch.sh" % WORK))
    job = Job("deps")
    job.checkout()
    job.step("bash fetch.sh", "bash fetch.sh")
    return job.finish(), "network_error", ["Failed to connect to 127.0.0.1 port 9"]


SCENARIOS = {"maven-test": maven, "pytest-test": pytest_scenario, "npm-test": npm_scenario,
             "cargo-test": cargo_scenario, "gcc-compile": gcc_scenario, "curl-network": network_scenario,
             "changelog-check": changelog_scenario}


def main():
    out = os.path.abspath(sys.argv[1])
    os.makedirs(out, exist_ok=True)
    labels = []
    for name, make in SCENARIOS.items():
        for broken in (False, True):
            shutil.rmtree(WORK, ignore_errors=True)
            os.makedirs(WORK)
            log, failure_type, key_lines = make(broken)
            with open(os.path.join(out, "%s-%s.log" % (name, "fail" if broken else "pass")), "w") as f:
                f.write(log)
        labels.append({"pair": name, "failureType": failure_type, "keyLines": key_lines})
    shutil.rmtree("/home/runner/work/app", ignore_errors=True)
    with open(os.path.join(out, "pairs.jsonl"), "w") as f:
        for label in labels:
            f.write(json.dumps(label) + "\n")


if __name__ == "__main__":
    main()
