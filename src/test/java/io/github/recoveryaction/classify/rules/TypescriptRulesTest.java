package io.github.recoveryaction.classify.rules;

import static io.github.recoveryaction.classify.rules.RuleTestSupport.classify;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.FailureType;
import io.github.recoveryaction.classify.SourceLocation;

/** The compiler and bundler rules of typescript.yaml: locations, and packages versus project files. */
class TypescriptRulesTest {

    @Test
    void tscErrorsGiveFileLineColumnAndMessage() {
        Classification c = classify("""
                src/cart.ts(8,27): error TS2345: Argument of type 'string' is not assignable to parameter of type 'number'.
                ##[error]src/checkout.ts(21,5): error TS2322: Type 'undefined' is not assignable to type 'Order'.
                """);

        assertThat(c.failureType()).isEqualTo(FailureType.COMPILATION_ERROR);
        assertThat(c.details().locations()).extracting(SourceLocation::display).containsExactly(
                "src/cart.ts:8:27", "src/checkout.ts:21:5");
        assertThat(c.details().locations().get(0).message())
                .isEqualTo("TS2345: Argument of type 'string' is not assignable to parameter of type 'number'.");
    }

    @Test
    void prettyTscOutputGivesTheSameLocation() {
        Classification c = classify("""
                src/cart.ts:8:27 - error TS2345: Argument of type 'string' is not assignable to parameter of type 'number'.

                Found 1 error in src/cart.ts:8
                """);

        assertThat(c.details().locations()).extracting(SourceLocation::display).containsExactly("src/cart.ts:8:27");
    }

    @Test
    void anUnresolvedPackageIsADependencyErrorAndAnUnresolvedFileACompilationError() {
        assertThat(
                classify("src/a.ts(1,20): error TS2307: Cannot find module 'fastify' or its corresponding type declarations.")
                        .failureType())
                .isEqualTo(FailureType.DEPENDENCY_ERROR);
        assertThat(
                classify("src/a.ts(1,20): error TS2307: Cannot find module './routes' or its corresponding type declarations.")
                        .failureType())
                .isEqualTo(FailureType.COMPILATION_ERROR);
        assertThat(classify("Module not found: Error: Can't resolve 'chart.js/auto' in '/home/runner/work/app/app/src'")
                .details().dependencies()).containsExactly("chart.js");
        assertThat(classify("Module not found: Can't resolve '@/components/ui/button'").failureType())
                .isEqualTo(FailureType.COMPILATION_ERROR);
        assertThat(classify("✘ [ERROR] Could not resolve \"@acme/shared/config\"").details().dependencies())
                .containsExactly("@acme/shared");
        assertThat(classify("[vite]: Rollup failed to resolve import \"./pages/Settings.vue\" from \"src/router.ts\".")
                .failureType()).isEqualTo(FailureType.COMPILATION_ERROR);
    }

    @Test
    void tsconfigProblemsAreConfigurationErrors() {
        Classification c = classify("""
                tsconfig.json:5:5 - error TS5023: Unknown compiler option 'strictNullCheck'.
                """);

        assertThat(c.failureType()).isEqualTo(FailureType.CONFIGURATION_ERROR);
    }

    @Test
    void esbuildErrorsTakeTheLocationFromTheFollowingLine() {
        Classification c = classify("""
                ✘ [ERROR] Expected ";" but found "count"

                    src/counter.ts:7:6:
                      7 │ let x count = 0;
                """);

        assertThat(c.rule()).isEqualTo("esbuild.error");
        assertThat(c.details().locations()).extracting(SourceLocation::display).containsExactly("src/counter.ts:7:6");
    }

    @Test
    void nextTypeErrorsTakeTheLocationBeforeThem() {
        Classification c = classify("""
                Failed to compile.

                ./src/app/page.tsx:12:7
                Type error: Type 'string' is not assignable to type 'number'.
                """);

        assertThat(c.rule()).isEqualTo("next.type-error");
        assertThat(c.details().locations()).extracting(SourceLocation::display).contains("./src/app/page.tsx:12:7");
    }

    @Test
    void aGenericBuildFailureLosesToTheMessageThatNamesTheCause() {
        Classification c = classify("""
                Failed to compile.

                ./src/app/dashboard/page.tsx
                14:9  Error: 'session' is assigned a value but never used.  @typescript-eslint/no-unused-vars
                """);

        assertThat(c.failureType()).isEqualTo(FailureType.QUALITY_GATE_FAILURE);
    }

}
