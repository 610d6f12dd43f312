package io.github.recoveryaction.classify.rules;

import static io.github.recoveryaction.classify.rules.RuleTestSupport.classify;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.FailureType;

class PhpRulesTest {

    @Test
    void phpunitNamesFailingTestsAsFilters() {
        Classification c = classify("""
                There was 1 error:

                1) Tests\\Unit\\CartTest::testTotal
                TypeError: App\\Cart::total(): Return value must be of type int, null returned

                There was 1 failure:

                1) Tests\\Unit\\PriceTest::testRounding with data set #2 (10.45, 10.5)
                Failed asserting that 10.4 is identical to 10.5.

                ERRORS!
                Tests: 5, Assertions: 6, Errors: 1, Failures: 1.
                """);
        assertThat(c.failureType()).isEqualTo(FailureType.TEST_FAILURE);
        assertThat(c.details().failedTests()).containsExactly("Tests\\Unit\\CartTest::testTotal",
                "Tests\\Unit\\PriceTest::testRounding");
        assertThat(c.evidence()).anyMatch(e -> e.text().startsWith("Failed asserting that"));
    }

    @Test
    void greenPhpunitSummaryIsNotAFailure() {
        assertThat(classify("OK (5 tests, 9 assertions)\nTests: 5, Assertions: 9, Skipped: 1.\n").failureType())
                .isEqualTo(FailureType.UNKNOWN);
    }

    @Test
    void pestNamesTheTestButJestSummaryIsNotPest() {
        Classification pest = classify("""
                   FAILED  Tests\\Feature\\ApiTest > it returns the orders     ExpectationFailedException
                  Tests:    1 failed, 1 passed (3 assertions)
                """);
        assertThat(pest.details().failedTests()).containsExactly("Tests\\Feature\\ApiTest > it returns the orders");
        assertThat(classify("Tests:       1 failed, 5 passed, 6 total\n").rule()).isNotEqualTo("pest.tests-failed");
    }

    @Test
    void composerConstraintProblemNamesThePackage() {
        Classification c = classify(
                """
                        Your requirements could not be resolved to an installable set of packages.

                          Problem 1
                            - Root composer.json requires laravel/framework ^99.0, found laravel/framework[v1.0.0, ..., v11.31.0] but it does not match the constraint.
                        """);
        assertThat(c.failureType()).isEqualTo(FailureType.DEPENDENCY_ERROR);
        assertThat(c.details().dependencies()).containsExactly("laravel/framework ^99.0");
    }

    @Test
    void missingExtensionIsConfigurationEvenInsideAResolutionProblem() {
        Classification c = classify(
                """
                        Your lock file does not contain a compatible set of packages. Please run composer update.

                          Problem 1
                            - Root composer.json requires PHP extension ext-intl * but it is missing from your system. Install or enable PHP's intl extension.
                        """);
        assertThat(c.failureType()).isEqualTo(FailureType.CONFIGURATION_ERROR);
        assertThat(c.details().dependencies()).containsExactly("ext-intl");
    }

    @Test
    void composerTimeoutIsANetworkErrorAnd404IsADependencyError() {
        assertThat(classify(
                "  curl error 28 while downloading https://repo.packagist.org/packages.json: Operation timed out after 10001 milliseconds\n")
                .failureType()).isEqualTo(FailureType.NETWORK_ERROR);
        assertThat(classify(
                "Failed to download acme/legacy from dist: The \"https://codeload.github.com/acme/legacy/zip/4b7e\" file could not be downloaded (HTTP/2 404 )\n")
                .failureType()).isEqualTo(FailureType.DEPENDENCY_ERROR);
    }

    @Test
    void parseErrorGivesFileAndLineAndMemoryLimitIsResourceExhaustion() {
        Classification parse = classify("PHP Parse error:  syntax error, unexpected token \"}\" in src/Cart.php on line 22\n");
        assertThat(parse.failureType()).isEqualTo(FailureType.COMPILATION_ERROR);
        assertThat(parse.details().locations()).singleElement().satisfies(l -> {
            assertThat(l.file()).isEqualTo("src/Cart.php");
            assertThat(l.line()).hasValue(22);
        });
        assertThat(
                classify("PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 4096 bytes)\n")
                        .failureType())
                .isEqualTo(FailureType.RESOURCE_EXHAUSTION);
    }

    @Test
    void lintersAreQualityGates() {
        assertThat(classify("FOUND 2 ERRORS AFFECTING 2 LINES\n").rule()).isEqualTo("phpcs.violations");
        assertThat(classify(" [ERROR] Found 3 errors\n").rule()).isEqualTo("phpstan.errors");
        assertThat(classify("ERROR: UndefinedMethod - src/Mailer.php:24:16 - Method X::y does not exist\n").rule())
                .isEqualTo("psalm.errors");
        assertThat(classify("Found 2 of 58 files that can be fixed in 0.4 seconds, 16.00 MB memory used\n").rule())
                .isEqualTo("php-cs-fixer.violations");
        assertThat(classify("Found 0 of 58 files that can be fixed in 0.2 seconds, 16.00 MB memory used\n").failureType())
                .isEqualTo(FailureType.UNKNOWN);
    }

    @Test
    void composerScriptWrapperIsOnlyEvidence() {
        Classification c = classify("Script vendor/bin/phpunit handling the test event returned with error code 1\n");
        assertThat(c.failureType()).isEqualTo(FailureType.UNKNOWN);
        assertThat(c.evidence()).anyMatch(e -> e.text().startsWith("Script vendor/bin/phpunit"));
    }

    @Test
    void phpMaxExecutionTimeCarriesItsLimit() {
        Classification c = classify(
                "PHP Fatal error:  Maximum execution time of 30 seconds exceeded in /app/a.php on line 7\n");
        assertThat(c.details().timeLimit()).hasValue(Duration.ofSeconds(30));
    }
}
