package io.github.recoveryaction.classify.rules;

import static io.github.recoveryaction.classify.rules.RuleTestSupport.classify;
import static io.github.recoveryaction.classify.rules.RuleTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.Evidence;
import io.github.recoveryaction.classify.FailureType;

class DotnetRulesTest {

    @Test
    void csharpErrorsGiveFileLineColumnAndCode() {
        Classification c = fixture("dotnet.compiler-error", "match-cs");

        assertThat(c.failureType()).isEqualTo(FailureType.COMPILATION_ERROR);
        assertThat(c.details().locations()).first().satisfies(l -> {
            assertThat(l.file()).isEqualTo("/home/runner/work/shop/shop/src/Shop.Api/Controllers/CartController.cs");
            assertThat(l.line()).isEqualTo(OptionalInt.of(27));
            assertThat(l.column()).isEqualTo(OptionalInt.of(17));
            assertThat(l.message()).startsWith("CS0246: The type or namespace name 'ICartRepository'");
        });
    }

    @Test
    void problemMatcherAnnotationsOnWindowsPathsAreRecognised() {
        Classification c = classify("##[error]D:\\a\\app\\src\\App.xaml.cs(19,31): error CS0246: The type or namespace"
                + " name 'Foo' could not be found [D:\\a\\app\\src\\App.csproj]\n");

        assertThat(c.details().locations()).first()
                .satisfies(l -> assertThat(l.file()).isEqualTo("D:\\a\\app\\src\\App.xaml.cs"));
    }

    @Test
    void analyzerErrorsAreQualityGates() {
        assertThat(fixture("dotnet.analyzer-error", "match-ca").failureType())
                .isEqualTo(FailureType.QUALITY_GATE_FAILURE);
    }

    @Test
    void failedTestsCarryTheirNamesMessagesAndTestFrames() {
        Classification c = fixture("dotnet.tests-failed", "match-xunit");

        assertThat(c.failureType()).isEqualTo(FailureType.TEST_FAILURE);
        assertThat(c.details().failedTests()).contains("Shop.Tests.CartTests.Total_AppliesDiscount");
        assertThat(c.evidence()).extracting(Evidence::text)
                .anyMatch(t -> t.contains("Assert.Equal() Failure"))
                .anyMatch(t -> t.contains("at Shop.Tests.CartTests.Total_AppliesDiscount()"))
                .noneMatch(t -> t.contains("System.RuntimeMethodHandle"));
    }

    @Test
    void nugetFailuresSplitIntoMissingUnreachableAndRefused() {
        Classification missing = fixture("dotnet.nuget-package-not-found", "match-nu1101");
        assertThat(missing.failureType()).isEqualTo(FailureType.DEPENDENCY_ERROR);
        assertThat(missing.details().dependencies()).containsExactly("Acme.Billing.Client");
        assertThat(fixture("dotnet.nuget-network", "match-service-index").failureType())
                .isEqualTo(FailureType.NETWORK_ERROR);
        assertThat(fixture("dotnet.nuget-unauthorized", "match-401").failureType())
                .isEqualTo(FailureType.PERMISSION_ERROR);
    }

    @Test
    void aGlobalJsonMismatchIsAConfigurationError() {
        assertThat(fixture("dotnet.sdk-not-found", "match-global-json").failureType())
                .isEqualTo(FailureType.CONFIGURATION_ERROR);
    }
}
