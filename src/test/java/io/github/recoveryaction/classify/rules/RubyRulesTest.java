package io.github.recoveryaction.classify.rules;

import static io.github.recoveryaction.classify.rules.RuleTestSupport.classify;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.FailureType;

class RubyRulesTest {

    @Test
    void rspecFailedExamplesBecomeRerunnableTests() {
        Classification c = classify("""
                  1) User validates the email format
                     Failure/Error: expect(user).to be_valid
                       expected #<User id: nil> to be valid, but got errors: Email is invalid
                10 examples, 1 failure, 1 pending

                Failed examples:

                rspec ./spec/models/user_spec.rb:10 # User validates the email format
                rspec ./spec/requests/orders_spec.rb[1:3:1] # Orders behaves like an endpoint returns 401
                """);
        assertThat(c.failureType()).isEqualTo(FailureType.TEST_FAILURE);
        assertThat(c.details().failedTests()).containsExactly("./spec/models/user_spec.rb:10",
                "./spec/requests/orders_spec.rb[1:3:1]");
        assertThat(c.evidence()).anyMatch(e -> e.text().contains("Failure/Error: expect(user).to be_valid"));
    }

    @Test
    void networkErrorInsideAnExampleStaysATestFailure() {
        Classification c = classify(
                """
                             Faraday::ConnectionFailed:
                               Failed to open TCP connection to localhost:4010 (Connection refused - connect(2) for "localhost" port 4010)
                        6 examples, 1 failure
                        """);
        assertThat(c.failureType()).isEqualTo(FailureType.TEST_FAILURE);
    }

    @Test
    void pendingMigrationDecidesOverTheLoadErrorSummary() {
        Classification c = classify("""
                An error occurred while loading ./spec/models/user_spec.rb.
                ActiveRecord::PendingMigrationError:
                  Migrations are pending. To resolve this issue, run:
                0 examples, 0 failures, 1 error occurred outside of examples
                """);
        assertThat(c.failureType()).isEqualTo(FailureType.CONFIGURATION_ERROR);
        assertThat(c.rule()).isEqualTo("rails.pending-migrations");
    }

    @Test
    void minitestNamesTestsAndLocations() {
        Classification c = classify("""
                  1) Failure:
                UserTest#test_rejects_bad_email [test/models/user_test.rb:12]:
                Expected true to be falsy.

                  2) Error:
                OrderTest#test_total:
                NoMethodError: undefined method `price' for nil
                5 runs, 8 assertions, 1 failures, 1 errors, 0 skips
                """);
        assertThat(c.failureType()).isEqualTo(FailureType.TEST_FAILURE);
        assertThat(c.details().failedTests()).containsExactly("UserTest#test_rejects_bad_email", "OrderTest#test_total");
        assertThat(c.details().locations()).singleElement().satisfies(l -> {
            assertThat(l.file()).isEqualTo("test/models/user_test.rb");
            assertThat(l.line()).hasValue(12);
        });
    }

    @Test
    void rubocopOffensesAreQualityGatesWithLocations() {
        Classification c = classify("""
                app/models/user.rb:12:13: C: [Correctable] Style/StringLiterals: Prefer single-quoted strings.
                124 files inspected, 1 offense detected, 1 offense autocorrectable
                """);
        assertThat(c.failureType()).isEqualTo(FailureType.QUALITY_GATE_FAILURE);
        assertThat(c.details().locations()).singleElement().satisfies(l -> {
            assertThat(l.file()).isEqualTo("app/models/user.rb");
            assertThat(l.message()).startsWith("Style/StringLiterals");
        });
        assertThat(classify("124 files inspected, no offenses detected\n").failureType()).isEqualTo(FailureType.UNKNOWN);
    }

    @Test
    void bundlerDistinguishesMissingGemsNetworkAndNativeBuilds() {
        assertThat(classify("Could not find gem 'rails (~> 8.0.1)' in locally installed gems.\n").details().dependencies())
                .containsExactly("rails (~> 8.0.1)");
        assertThat(classify(
                "Could not fetch specs from https://rubygems.org/ due to underlying error <Gem::Net::OpenTimeout: execution expired>\n")
                .failureType()).isEqualTo(FailureType.NETWORK_ERROR);
        Classification nativeBuild = classify("""
                Gem::Ext::BuildError: ERROR: Failed to build gem native extension.
                ruby_pg.c:12:10: error: unknown type name ‘PGconn’
                An error occurred while installing pg (1.5.9), and Bundler cannot continue.
                """);
        assertThat(nativeBuild.failureType()).isEqualTo(FailureType.DEPENDENCY_ERROR);
        assertThat(nativeBuild.details().dependencies()).contains("pg (1.5.9)");
    }

    @Test
    void retriedFetchThatSucceededIsNotANetworkError() {
        Classification c = classify(
                """
                        Retrying fetcher due to error (2/4): Bundler::HTTPError Could not fetch specs from https://rubygems.org/ due to underlying error <Gem::Net::OpenTimeout>
                        Bundle complete! 42 Gemfile dependencies, 118 gems now installed.
                        """);
        assertThat(c.failureType()).isEqualTo(FailureType.UNKNOWN);
    }

    @Test
    void localDatabaseRefusingConnectionsIsAConfigurationError() {
        Classification c = classify(
                """
                        bin/rails aborted!
                        ActiveRecord::ConnectionNotEstablished: connection to server at "127.0.0.1", port 5432 failed: Connection refused (ActiveRecord::ConnectionNotEstablished)
                        Tasks: TOP => db:create
                        """);
        assertThat(c.failureType()).isEqualTo(FailureType.CONFIGURATION_ERROR);
        assertThat(c.evidence()).anyMatch(e -> e.text().contains("Connection refused"));
    }
}
