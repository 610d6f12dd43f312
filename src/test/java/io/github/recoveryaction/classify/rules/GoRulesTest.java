package io.github.recoveryaction.classify.rules;

import static io.github.recoveryaction.classify.rules.RuleTestSupport.classify;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.FailureType;

class GoRulesTest {

    @Test
    void failingTestsAndSubtestsAreNamed() {
        Classification c = classify("""
                --- FAIL: TestAdd (0.00s)
                    calc_test.go:7: Add(1, 2) = -1; want 3
                --- FAIL: TestTable (0.00s)
                    --- FAIL: TestTable/bad_case (0.00s)
                        calc_test.go:15: expected ok, got "bad case"
                FAIL
                FAIL	github.com/acme/calc	0.004s
                FAIL
                """);
        assertThat(c.failureType()).isEqualTo(FailureType.TEST_FAILURE);
        assertThat(c.details().failedTests()).containsExactly("TestAdd", "TestTable", "TestTable/bad_case");
        assertThat(c.evidence()).anyMatch(e -> e.text().contains("want 3"));
    }

    @Test
    void compileErrorInATestPackageIsACompilationError() {
        Classification c = classify("""
                # github.com/acme/calc [github.com/acme/calc.test]
                ./calc_test.go:5:28: undefined: undefinedThing
                FAIL	github.com/acme/calc [build failed]
                FAIL
                """);
        assertThat(c.failureType()).isEqualTo(FailureType.COMPILATION_ERROR);
        assertThat(c.rule()).isEqualTo("go.compile-error");
        assertThat(c.details().locations()).singleElement().satisfies(l -> {
            assertThat(l.file()).isEqualTo("./calc_test.go");
            assertThat(l.line()).hasValue(5);
            assertThat(l.column()).hasValue(28);
        });
    }

    @Test
    void testBinaryTimeoutIsATimeoutWithItsLimit() {
        Classification c = classify("""
                panic: test timed out after 10m0s
                running tests:
                	TestSlowSync (10m0s)
                FAIL	github.com/acme/sync	600.021s
                """);
        assertThat(c.failureType()).isEqualTo(FailureType.TIMEOUT);
        assertThat(c.details().timeLimit()).hasValue(Duration.ofMinutes(10));
        assertThat(c.details().failedTests()).containsExactly("TestSlowSync");
    }

    @Test
    void unreachableProxyIsANetworkErrorAndA404IsADependencyError() {
        assertThat(classify(
                "main.go:3:8: module github.com/acme/strutil: Get \"https://proxy.golang.org/github.com/acme/strutil/@v/list\": dial tcp: lookup proxy.golang.org on 127.0.0.53:53: no such host\n")
                .failureType()).isEqualTo(FailureType.NETWORK_ERROR);
        assertThat(classify(
                "go: github.com/acme/strutil@v1.9.9: reading https://proxy.golang.org/github.com/acme/strutil/@v/v1.9.9.mod: 404 Not Found\n")
                .failureType()).isEqualTo(FailureType.DEPENDENCY_ERROR);
    }

    @Test
    void golangciFindingsAreQualityGatesButTypecheckIsCompilation() {
        assertThat(classify("internal/store/file.go:41:15: Error return value of `f.Close` is not checked (errcheck)\n")
                .failureType()).isEqualTo(FailureType.QUALITY_GATE_FAILURE);
        assertThat(classify("internal/api/handler.go:12:2: undefined: foo (typecheck)\n")
                .failureType()).isEqualTo(FailureType.COMPILATION_ERROR);
    }

    @Test
    void passingTestsAreNotFailures() {
        assertThat(classify("--- PASS: TestAdd (0.00s)\nPASS\nok  \tgithub.com/acme/calc\t0.003s\n").failureType())
                .isEqualTo(FailureType.UNKNOWN);
    }
}
