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

class MavenRulesTest {

    @Test
    void surefireFailuresNameTheFailingMethodsAndTheirAssertions() {
        Classification c = fixture("maven.surefire-test-failures", "match-surefire3");

        assertThat(c.failureType()).isEqualTo(FailureType.TEST_FAILURE);
        assertThat(c.details().failedTests()).containsExactly("com.acme.CartTest.addsUp", "com.acme.CartTest.failsHard");
        assertThat(c.evidence()).extracting(Evidence::text)
                .anyMatch(t -> t.contains("expected: <5> but was: <6>"))
                .anyMatch(t -> t.contains("CartTest.failsHard:6 IllegalState boom"))
                .noneMatch(t -> t.contains("BUILD FAILURE"));
    }

    @Test
    void githubRunnersErrorPrefixIsUnderstood() {
        Classification c = fixture("maven.compiler-error", "match-github-error-prefix");

        assertThat(c.rule()).isEqualTo("maven.compiler-error");
        assertThat(c.details().locations()).first().satisfies(l -> {
            assertThat(l.file()).isEqualTo("/home/runner/work/shop/shop/src/main/java/com/acme/Cart.java");
            assertThat(l.line()).isEqualTo(OptionalInt.of(4));
            assertThat(l.column()).isEqualTo(OptionalInt.of(53));
            assertThat(l.message()).isEqualTo("cannot find symbol");
        });
        assertThat(c.evidence()).extracting(Evidence::text).anyMatch(t -> t.contains("symbol:   variable discount"));
    }

    @Test
    void surefire2NamesTheTestClass() {
        Classification c = fixture("maven.surefire-test-failures", "match-surefire2");

        assertThat(c.failureType()).isEqualTo(FailureType.TEST_FAILURE);
        assertThat(c.details().failedTests()).containsExactly("com.acme.CartTest");
    }

    @Test
    void aTestThatFailsOnAConnectionIsATestFailure() {
        Classification c = classify(
                """
                        [ERROR] Tests run: 2, Failures: 0, Errors: 1, Skipped: 0, Time elapsed: 0.3 s <<< FAILURE! -- in com.acme.ClientIT
                        [ERROR] com.acme.ClientIT.fetchesPrices -- Time elapsed: 0.2 s <<< ERROR!
                        java.net.ConnectException: Connection refused
                        Caused by: java.net.SocketTimeoutException: Read timed out
                        [ERROR] Tests run: 2, Failures: 0, Errors: 1, Skipped: 0
                        """);

        assertThat(c.failureType()).isEqualTo(FailureType.TEST_FAILURE);
        assertThat(c.details().failedTests()).containsExactly("com.acme.ClientIT.fetchesPrices");
    }

    @Test
    void aResetDownloadIsANetworkErrorAndA404IsADependencyError() {
        Classification reset = fixture("maven.transfer-network-error", "match-connection-reset");
        Classification missing = fixture("maven.dependency-not-found", "match-not-in-central");

        assertThat(reset.failureType()).isEqualTo(FailureType.NETWORK_ERROR);
        assertThat(missing.failureType()).isEqualTo(FailureType.DEPENDENCY_ERROR);
        assertThat(missing.details().dependencies()).containsExactly("com.acme.platform:telemetry-client:jar:2.3.1");
    }

    @Test
    void aPluginPrefixTypoIsConfigurationEvenWhenAnOfflinePluginWarningPrecedesIt() {
        Classification c = fixture("maven.plugin-prefix-not-found", "match-offline-prefix");

        assertThat(c.failureType()).isEqualTo(FailureType.CONFIGURATION_ERROR);
        assertThat(c.rule()).isEqualTo("maven.plugin-prefix-not-found");
    }

    @Test
    void aMissingParentPomIsADependencyErrorNotAnInvalidPom() {
        Classification c = fixture("maven.dependency-not-found", "match-parent-pom");

        assertThat(c.failureType()).isEqualTo(FailureType.DEPENDENCY_ERROR);
    }

    @Test
    void enforcerRulesAreTypedByWhatTheyCheck() {
        assertThat(fixture("maven.enforcer-rule", "match-banned-dependency").failureType())
                .isEqualTo(FailureType.QUALITY_GATE_FAILURE);
        assertThat(fixture("maven.enforcer-environment", "match-java-version").failureType())
                .isEqualTo(FailureType.CONFIGURATION_ERROR);
        assertThat(fixture("maven.enforcer-dependency-convergence", "match-convergence").failureType())
                .isEqualTo(FailureType.DEPENDENCY_ERROR);
    }

    @Test
    void checkstyleViolationsBecomeLocations() {
        Classification c = fixture("maven.checkstyle", "match-violations");

        assertThat(c.failureType()).isEqualTo(FailureType.QUALITY_GATE_FAILURE);
        assertThat(c.details().locations()).extracting(SourceLocation::message)
                .contains("Unused import - java.util.Map.");
    }

    @Test
    void aCredentialRefusalOnDeployIsAPermissionError() {
        assertThat(fixture("maven.repository-unauthorized", "match-deploy-401").failureType())
                .isEqualTo(FailureType.PERMISSION_ERROR);
    }
}
