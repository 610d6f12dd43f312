package io.github.recoveryaction.classify.rules;

import static io.github.recoveryaction.classify.rules.RuleTestSupport.classify;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.FailureType;

class MobileRulesTest {

    @Test
    void swiftCompileErrorDecidesOverBuildFailedAndTestFailedLines() {
        Classification c = classify("""
                /Users/runner/work/app/app/App/Model.swift:22:16: error: value of type 'Order' has no member 'totl'
                Testing failed:
                	Testing cancelled because the build failed.

                ** TEST FAILED **
                """);
        assertThat(c.failureType()).isEqualTo(FailureType.COMPILATION_ERROR);
        assertThat(c.details().locations()).singleElement().satisfies(l -> {
            assertThat(l.file()).isEqualTo("/Users/runner/work/app/app/App/Model.swift");
            assertThat(l.line()).hasValue(22);
            assertThat(l.column()).hasValue(16);
        });
    }

    @Test
    void xctestFailuresNameTheTests() {
        Classification c = classify(
                """
                        /Users/runner/work/s/s/ShopTests/CartTests.swift:21: error: -[ShopTests.CartTests testTotal] : XCTAssertEqual failed: ("25") is not equal to ("30")
                        Test Case '-[ShopTests.CartTests testTotal]' failed (0.004 seconds).
                        	 Executed 2 tests, with 1 failure (0 unexpected) in 0.006 (0.007) seconds
                        ** TEST FAILED **
                        """);
        assertThat(c.failureType()).isEqualTo(FailureType.TEST_FAILURE);
        assertThat(c.details().failedTests()).containsExactly("ShopTests.CartTests testTotal");
        assertThat(c.evidence()).anyMatch(e -> e.text().contains("XCTAssertEqual failed"));
    }

    @Test
    void swiftLintErrorIsAQualityGateNotACompileError() {
        Classification c = classify(
                """
                        /w/Shop/CartView.swift:40:1: error: Line Length Violation: Line should be 120 characters or less; currently it has 131 characters (line_length)
                        Done linting! Found 1 violation, 1 serious in 42 files.
                        """);
        assertThat(c.failureType()).isEqualTo(FailureType.QUALITY_GATE_FAILURE);
    }

    @Test
    void missingSimulatorAndSigningAreConfigurationErrors() {
        assertThat(classify("xcodebuild: error: Unable to find a destination matching the provided destination specifier:\n")
                .rule())
                .isEqualTo("xcodebuild.destination-not-found");
        assertThat(classify("/w/Shop.xcodeproj: error: No signing certificate \"iOS Distribution\" found: No certificate\n")
                .rule())
                .isEqualTo("xcodebuild.code-signing");
    }

    @Test
    void flutterTestNamesFailingTests() {
        Classification c = classify("""
                00:03 +3 -1: /w/test/widget_test.dart: Counter increments smoke test [E]
                  Expected: exactly one matching candidate
                00:04 +5 -1: Some tests failed.
                """);
        assertThat(c.failureType()).isEqualTo(FailureType.TEST_FAILURE);
        assertThat(c.details().failedTests()).containsExactly("Counter increments smoke test");
    }

    @Test
    void dartCompileAnalyzeAndPubFailuresAreTypedApart() {
        assertThat(
                classify("lib/main.dart:42:19: Error: The getter 'totl' isn't defined for the class 'Cart'.\n").failureType())
                .isEqualTo(FailureType.COMPILATION_ERROR);
        assertThat(classify(
                "  error • Undefined name 'x' • lib/a.dart:4:3 • undefined_identifier\n\n1 issue found. (ran in 2.0s)\n")
                .failureType()).isEqualTo(FailureType.QUALITY_GATE_FAILURE);
        assertThat(classify("So, because shop depends on intl ^0.20.0, version solving failed.\nFailed to update packages.\n")
                .rule())
                .isEqualTo("dart.pub-get-failed");
        assertThat(classify("Formatted 48 files (0 changed) in 0.61 seconds.\n").failureType()).isEqualTo(FailureType.UNKNOWN);
    }

    @Test
    void cocoapodsNamesThePod() {
        Classification c = classify("[!] CocoaPods could not find compatible versions for pod \"Firebase/Messaging\":\n");
        assertThat(c.failureType()).isEqualTo(FailureType.DEPENDENCY_ERROR);
        assertThat(c.details().dependencies()).containsExactly("Firebase/Messaging");
    }

    @Test
    void fastlaneSummaryAloneIsOnlyEvidence() {
        Classification c = classify("[09:35:40]: Exit status: 70\n[!] Error building the application - see the log above\n");
        assertThat(c.failureType()).isEqualTo(FailureType.UNKNOWN);
        assertThat(c.evidence()).anyMatch(e -> e.text().startsWith("[!] Error building"));
    }
}
