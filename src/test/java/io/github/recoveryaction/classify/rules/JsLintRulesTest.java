package io.github.recoveryaction.classify.rules;

import static io.github.recoveryaction.classify.rules.RuleTestSupport.classify;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.FailureType;
import io.github.recoveryaction.classify.SourceLocation;

/** The linter and formatter rules of js-lint.yaml: findings with their files, and what is not a failure. */
class JsLintRulesTest {

    @Test
    void eslintFindingsCarryTheFileOfTheirHeader() {
        Classification c = classify("""
                /home/runner/work/web/web/src/components/Header.tsx
                  12:9   warning  'logo' is assigned a value but never used  @typescript-eslint/no-unused-vars

                /home/runner/work/web/web/src/lib/api.ts
                   4:10  error    'fetchJson' is defined but never used    @typescript-eslint/no-unused-vars
                  27:15  error    Unexpected any. Specify a different type  @typescript-eslint/no-explicit-any

                ✖ 3 problems (2 errors, 1 warning)
                """);

        assertThat(c.failureType()).isEqualTo(FailureType.QUALITY_GATE_FAILURE);
        assertThat(c.details().locations()).extracting(SourceLocation::display)
                .containsExactly("/home/runner/work/web/web/src/lib/api.ts:4:10");
        assertThat(c.details().locations().get(0).message()).isEqualTo("'fetchJson' is defined but never used");
    }

    @Test
    void warningsAndZeroProblemsAreNotFailures() {
        Classification c = classify("""
                /home/runner/work/web/web/src/components/Header.tsx
                  12:9  warning  'logo' is assigned a value but never used  @typescript-eslint/no-unused-vars

                ✖ 1 problem (0 errors, 1 warning)
                0 problems
                All matched files use Prettier code style!
                upload failed
                """);

        assertThat(c.failureType()).isEqualTo(FailureType.UNKNOWN);
    }

    @Test
    void tooManyWarningsIsAQualityGate() {
        Classification c = classify("""
                ✖ 1 problem (0 errors, 1 warning)

                ESLint found too many warnings (maximum: 0).
                """);

        assertThat(c.rule()).isEqualTo("eslint.too-many-warnings");
    }

    @Test
    void eslintThatCannotStartIsAConfigurationError() {
        Classification c = classify(
                """
                        Oops! Something went wrong! :(

                        ESLint: 9.22.0

                        Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'eslint-plugin-react' imported from /home/runner/work/web/web/eslint.config.mjs
                        """);

        assertThat(c.failureType()).isEqualTo(FailureType.CONFIGURATION_ERROR);
        assertThat(c.rule()).isEqualTo("eslint.config-error");
    }

    @Test
    void prettierListsTheFilesToReformat() {
        Classification c = classify("""
                Checking formatting...
                [warn] src/components/Header.tsx
                [warn] src/lib/api.ts
                [warn] Code style issues found in 2 files. Run Prettier with --write to fix.
                """);

        assertThat(c.rule()).isEqualTo("prettier.check-failed");
        assertThat(c.details().locations()).extracting(SourceLocation::file)
                .containsExactly("src/components/Header.tsx", "src/lib/api.ts");
    }

    @Test
    void stylelintAndMarkdownlintFindingsAreQualityGates() {
        assertThat(classify("  3:5   ✖  Unexpected unknown property \"colr\"   property-no-unknown").rule())
                .isEqualTo("stylelint.error-finding");
        Classification md = classify("README.md:12:81 error MD013/line-length Line length [Expected: 80; Actual: 104]");
        assertThat(md.rule()).isEqualTo("markdownlint.finding");
        assertThat(md.details().locations()).extracting(SourceLocation::display).containsExactly("README.md:12:81");
    }

}
