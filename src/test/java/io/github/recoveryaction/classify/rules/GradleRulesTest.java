package io.github.recoveryaction.classify.rules;

import static io.github.recoveryaction.classify.rules.RuleTestSupport.classify;
import static io.github.recoveryaction.classify.rules.RuleTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.Evidence;
import io.github.recoveryaction.classify.FailureType;
import io.github.recoveryaction.classify.SourceLocation;

class GradleRulesTest {

    @Test
    void failingTestsAreNamedAndANetworkExceptionInsideATestStaysATestFailure() {
        Classification c = fixture("gradle.tests-failed", "match-junit5");

        assertThat(c.failureType()).isEqualTo(FailureType.TEST_FAILURE);
        assertThat(c.details().failedTests()).containsExactly("CartTest > addsUp()", "CheckoutIT > paysWithCard()");
        assertThat(c.evidence()).extracting(Evidence::text)
                .anyMatch(t -> t.contains("expected: <5> but was: <6>"));
    }

    @Test
    void javacErrorsUnderGradleGiveFileAndLine() {
        Classification c = fixture("javac.compile-error", "match-gradle");

        assertThat(c.failureType()).isEqualTo(FailureType.COMPILATION_ERROR);
        assertThat(c.details().locations()).extracting(SourceLocation::line)
                .containsExactly(OptionalInt.of(14), OptionalInt.of(21));
        assertThat(c.evidence()).extracting(Evidence::text).anyMatch(t -> t.contains("symbol:   variable discount"));
    }

    @Test
    void kotlinErrorsInABuildScriptAreConfigurationErrors() {
        Classification c = fixture("gradle.build-script-error", "match-kts");

        assertThat(c.failureType()).isEqualTo(FailureType.CONFIGURATION_ERROR);
        assertThat(c.details().locations()).first()
                .satisfies(l -> assertThat(l.file()).endsWith("build.gradle.kts"));
    }

    @Test
    void resolutionFailuresSplitIntoMissingUnreachableAndRefused() {
        Classification missing = fixture("gradle.dependency-not-found", "match-could-not-find");
        Classification unreachable = fixture("gradle.network-error", "match-connect-timeout");
        Classification refused = fixture("gradle.repository-unauthorized", "match-401");

        assertThat(missing.failureType()).isEqualTo(FailureType.DEPENDENCY_ERROR);
        assertThat(missing.details().dependencies()).containsExactly("com.acme.platform:telemetry-client:2.3.1");
        assertThat(unreachable.failureType()).isEqualTo(FailureType.NETWORK_ERROR);
        assertThat(unreachable.evidence()).extracting(Evidence::text).anyMatch(t -> t.contains("Connect timed out"));
        assertThat(refused.failureType()).isEqualTo(FailureType.PERMISSION_ERROR);
    }

    @Test
    void aJavaVersionMismatchOutranksTheResolutionFailureItCauses() {
        Classification c = fixture("gradle.unsupported-java", "match-variant");

        assertThat(c.failureType()).isEqualTo(FailureType.CONFIGURATION_ERROR);
    }

    @Test
    void daemonMemoryExhaustionIsResourceExhaustion() {
        Classification c = classify("""
                > Task :app:compileReleaseKotlin
                Expiring Daemon because JVM heap space is exhausted
                e: file:///home/runner/work/a/a/app/src/main/kotlin/A.kt:3:1 Unresolved reference 'x'.
                > Task :app:compileReleaseKotlin FAILED
                """);

        assertThat(c.failureType()).isEqualTo(FailureType.RESOURCE_EXHAUSTION);
    }

    @Test
    void androidLintAndDetektAreQualityGates() {
        assertThat(fixture("gradle.android-lint", "match-lint").failureType())
                .isEqualTo(FailureType.QUALITY_GATE_FAILURE);
        Classification detekt = fixture("gradle.detekt", "match-issues");
        assertThat(detekt.failureType()).isEqualTo(FailureType.QUALITY_GATE_FAILURE);
        assertThat(detekt.details().locations()).hasSize(2);
    }
}
