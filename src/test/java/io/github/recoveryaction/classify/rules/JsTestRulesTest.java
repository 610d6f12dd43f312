package io.github.recoveryaction.classify.rules;

import static io.github.recoveryaction.classify.rules.RuleTestSupport.classify;
import static io.github.recoveryaction.classify.rules.RuleTestSupport.texts;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.FailureType;

/** The test-runner rules of js-test.yaml: verdicts, precedence and the failing test names a re-run needs. */
class JsTestRulesTest {

    @Test
    void jestNamesTheFailingTestsAndKeepsTheAssertion() {
        Classification c = classify("""
                FAIL src/cart/discount.test.ts
                  ● applyDiscount › applies percentage codes

                    expect(received).toBe(expected) // Object.is equality

                    Expected: 90
                    Received: 100

                  ● applyDiscount › rejects unknown codes

                    expect(received).toThrow()

                  ● Console

                    console.log
                      debug output

                Test Suites: 1 failed, 1 passed, 2 total
                Tests:       2 failed, 6 passed, 8 total
                """);

        assertThat(c.failureType()).isEqualTo(FailureType.TEST_FAILURE);
        assertThat(c.details().failedTests())
                .containsExactly("applyDiscount › applies percentage codes", "applyDiscount › rejects unknown codes");
        assertThat(texts(c)).contains("    Expected: 90", "    Received: 100", "Tests:       2 failed, 6 passed, 8 total");
    }

    @Test
    void aTestThatFailsOnARefusedConnectionIsATestFailure() {
        Classification c = classify("""
                  ● orders repository › saves an order

                    connect ECONNREFUSED 127.0.0.1:5432

                Test Suites: 1 failed, 3 passed, 4 total
                Tests:       1 failed, 17 passed, 18 total
                """);

        assertThat(c.failureType()).isEqualTo(FailureType.TEST_FAILURE);
    }

    @Test
    void passingTestsAreNotAFailure() {
        Classification c = classify("""
                Test Suites: 4 passed, 4 total
                Tests:       18 passed, 18 total
                 Test Files  2 passed (2)
                      Tests  7 passed (7)
                  3 passing (12ms)
                ℹ fail 0
                # fail 0
                deploy failed: bucket not found
                """);

        assertThat(c.failureType()).isNotEqualTo(FailureType.TEST_FAILURE);
        assertThat(c.decidedByRule()).isFalse();
    }

    @Test
    void aTestTimeoutIsATestFailure() {
        Classification c = classify("""
                 FAIL  src/sync/queue.test.ts > queue > drains after reconnect
                Error: Test timed out in 5000ms.
                """);

        assertThat(c.failureType()).isEqualTo(FailureType.TEST_FAILURE);
        assertThat(c.details().failedTests()).containsExactly("src/sync/queue.test.ts > queue > drains after reconnect");
    }

    @Test
    void vitestBehindATaskRunnerPrefix() {
        Classification c = classify("""
                @acme/web:test:  FAIL  src/lib/price.test.ts > formatPrice > rounds half up
                @acme/web:test: AssertionError: expected 2 to be 3 // Object.is equality
                @acme/web:test:  Test Files  1 failed | 1 passed (2)
                @acme/web:test:       Tests  1 failed | 6 passed (7)
                """);

        assertThat(c.rule()).isEqualTo("vitest.tests-failed");
        assertThat(c.details().failedTests()).containsExactly("src/lib/price.test.ts > formatPrice > rounds half up");
        assertThat(texts(c)).anyMatch(t -> t.contains("AssertionError: expected 2 to be 3"));
    }

    @Test
    void playwrightNamesTheFailingTest() {
        Classification c = classify("""
                  1) [chromium] › tests/checkout.spec.ts:18:7 › checkout › pays with a saved card ──────────

                    Error: Timed out 5000ms waiting for expect(locator).toHaveText(expected)

                  1 failed
                    [chromium] › tests/checkout.spec.ts:18:7 › checkout › pays with a saved card ───────────
                  11 passed (28.4s)
                """);

        assertThat(c.rule()).isEqualTo("playwright.tests-failed");
        assertThat(c.details().failedTests())
                .containsExactly("tests/checkout.spec.ts:18:7 › checkout › pays with a saved card");
    }

    @Test
    void missingPlaywrightBrowsersAreASetUpProblemNotFailingTests() {
        Classification c = classify(
                """
                            Error: browserType.launch: Executable doesn't exist at /home/runner/.cache/ms-playwright/chromium-1155/chrome-linux/chrome
                          12 failed
                            [chromium] › tests/home.spec.ts:4:5 › home › shows the hero ──────────
                        """);

        assertThat(c.failureType()).isEqualTo(FailureType.CONFIGURATION_ERROR);
    }

    @Test
    void coverageBelowThresholdIsAQualityGateUnlessTestsFailed() {
        String coverage = """
                Jest: "global" coverage threshold for lines (80%) not met: 71.87%
                """;
        assertThat(classify("Tests:       8 passed, 8 total\n" + coverage).failureType())
                .isEqualTo(FailureType.QUALITY_GATE_FAILURE);
        assertThat(classify("Tests:       1 failed, 7 passed, 8 total\n" + coverage).failureType())
                .isEqualTo(FailureType.TEST_FAILURE);
    }

    @Test
    void mochaNamesTheFirstFailingTest() {
        Classification c = classify("""
                  1 passing (7ms)
                  1 failing

                  1) Array
                       #indexOf()
                         returns -1 when the value is not present:
                      AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:
                """);

        assertThat(c.rule()).isEqualTo("mocha.tests-failed");
        assertThat(c.details().failedTests()).containsExactly("Array");
    }

    @Test
    void tapTodoTestsAreNotFailures() {
        Classification c = classify("""
                not ok 2 - subtracts
                not ok 3 - multiplies # TODO not implemented
                # fail 1
                """);

        assertThat(c.details().failedTests()).containsExactly("subtracts");
    }

}
