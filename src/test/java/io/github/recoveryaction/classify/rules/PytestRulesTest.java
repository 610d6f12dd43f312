package io.github.recoveryaction.classify.rules;

import static io.github.recoveryaction.classify.rules.RuleTestSupport.classify;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.FailureType;

class PytestRulesTest {

    @Test
    void summaryDecidesAndFailedTestsAreNamedAsNodeIds() {
        Classification c = classify("""
                =================================== FAILURES ===================================
                ___________________________________ test_add ___________________________________
                >       assert add(1, 2) == 3
                E       assert -1 == 3
                tests/test_calc.py:5: AssertionError
                =========================== short test summary info ============================
                FAILED tests/test_calc.py::test_add - assert -1 == 3
                FAILED tests/test_calc.py::TestThings::test_param[a b] - assert 2 == 1
                ERROR tests/test_calc.py::test_fixture - RuntimeError: db down
                ===================== 2 failed, 2 passed, 1 error in 1.91s =====================
                """);
        assertThat(c.failureType()).isEqualTo(FailureType.TEST_FAILURE);
        assertThat(c.rule()).isEqualTo("pytest.tests-failed");
        assertThat(c.details().failedTests()).containsExactly("tests/test_calc.py::test_add",
                "tests/test_calc.py::TestThings::test_param[a b]", "tests/test_calc.py::test_fixture");
        assertThat(c.evidence()).anyMatch(e -> e.text().startsWith("E       assert -1 == 3"));
    }

    @Test
    void aNetworkExceptionInsideAFailingTestIsStillATestFailure() {
        Classification c = classify(
                """
                        E       ConnectionRefusedError: [Errno 111] Connection refused
                        E       requests.exceptions.ConnectionError: HTTPConnectionPool(host='localhost', port=8081): Max retries exceeded with url: /health (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f>: Failed to establish a new connection: [Errno 111] Connection refused'))
                        FAILED tests/test_client.py::test_fetch - requests.exceptions.ConnectionError: ...
                        1 failed in 0.41s
                        """);
        assertThat(c.failureType()).isEqualTo(FailureType.TEST_FAILURE);
    }

    @Test
    void unknownCoverageOptionIsAConfigurationError() {
        Classification c = classify("""
                ERROR: usage: pytest [options] [file_or_dir] [file_or_dir] [...]
                pytest: error: unrecognized arguments: --cov=geo --cov-report=xml
                """);
        assertThat(c.failureType()).isEqualTo(FailureType.CONFIGURATION_ERROR);
    }

    @Test
    void coverageBelowThresholdIsAQualityGateWhenTestsPass() {
        Classification c = classify("""
                FAIL Required test coverage of 80% not reached. Total coverage: 67.21%
                ============================== 42 passed in 1.93s ==============================
                """);
        assertThat(c.failureType()).isEqualTo(FailureType.QUALITY_GATE_FAILURE);
    }

    @Test
    void unittestFailuresNameTheTest() {
        Classification c = classify("""
                ======================================================================
                FAIL: test_add (tests.test_ut.TestMath.test_add)
                ----------------------------------------------------------------------
                AssertionError: -1 != 3

                Ran 3 tests in 0.005s

                FAILED (failures=1)
                """);
        assertThat(c.failureType()).isEqualTo(FailureType.TEST_FAILURE);
        assertThat(c.details().failedTests()).containsExactly("tests.test_ut.TestMath.test_add");
    }

    @Test
    void toxConsequenceLinesAloneStayUnknown() {
        Classification c = classify("""
                py311: commands[0]> ./deploy.sh
                py311: exit 3 (0.21 seconds) /home/runner/work/app/app> ./deploy.sh pid=2817
                  py311: FAIL code 3 (4.12=setup[3.91]+cmd[0.21] seconds)
                  evaluation failed :( (4.20 seconds)
                """);
        assertThat(c.failureType()).isEqualTo(FailureType.UNKNOWN);
        assertThat(c.evidence()).anyMatch(e -> e.text().contains("FAIL code 3"));
    }
}
