package io.github.recoveryaction.classify.rules;

import static io.github.recoveryaction.classify.rules.RuleTestSupport.classify;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.FailureType;

class RustRulesTest {

    @Test
    void rustcErrorsCarryTheirLocation() {
        Classification c = classify("""
                   Compiling geo v0.1.0 (/home/runner/work/geo/geo)
                error[E0308]: mismatched types
                  --> src/main.rs:10:18
                   |
                10 |     let d: u32 = distance(&a, &b);
                   |            ---   ^^^^^^^^^^^^^^^^ expected `u32`, found `f64`

                error: could not compile `geo` (bin "geo") due to 1 previous error
                """);
        assertThat(c.failureType()).isEqualTo(FailureType.COMPILATION_ERROR);
        assertThat(c.rule()).isEqualTo("rustc.coded-error");
        assertThat(c.details().locations()).first().satisfies(l -> {
            assertThat(l.file()).isEqualTo("src/main.rs");
            assertThat(l.line()).hasValue(10);
            assertThat(l.column()).hasValue(18);
            assertThat(l.message()).isEqualTo("mismatched types");
        });
    }

    @Test
    void clippyLintsAreAQualityGateEvenThoughTheyLookLikeRustcErrors() {
        Classification c = classify("""
                    Checking demo v0.1.0 (/home/runner/work/demo/demo)
                error: length comparison to zero
                 --> src/main.rs:4:8
                  |
                4 |     if v.len() == 0 { println!("empty"); }
                  |        ^^^^^^^^^^^^ help: using `is_empty` is clearer and more explicit: `v.is_empty()`
                  |
                  = help: for further information visit https://rust-lang.github.io/rust-clippy/rust-1.95.0/index.html#len_zero
                  = note: `-D clippy::len-zero` implied by `-D warnings`

                error: could not compile `demo` (bin "demo") due to 1 previous error
                """);
        assertThat(c.failureType()).isEqualTo(FailureType.QUALITY_GATE_FAILURE);
        assertThat(c.evidence()).anyMatch(e -> e.text().equals("error: length comparison to zero"));
    }

    @Test
    void failedTestsAreNamedAndThePanicLocated() {
        Classification c = classify("""
                test tests::adds ... FAILED

                failures:

                ---- tests::adds stdout ----

                thread 'tests::adds' (21416) panicked at src/lib.rs:9:9:
                assertion `left == right` failed
                  left: -1
                 right: 3

                failures:
                    tests::adds

                test result: FAILED. 1 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.10s

                error: test failed, to rerun pass `--lib`
                """);
        assertThat(c.failureType()).isEqualTo(FailureType.TEST_FAILURE);
        assertThat(c.details().failedTests()).containsExactly("tests::adds");
        assertThat(c.details().locations()).extracting(l -> l.display()).containsExactly("src/lib.rs:9:9");
        assertThat(c.evidence()).anyMatch(e -> e.text().startsWith("assertion `left == right` failed"));
    }

    @Test
    void killedCompilerIsResourceExhaustion() {
        assertThat(classify("""
                error: could not compile `polars-core` (lib)

                Caused by:
                  process didn't exit successfully: `rustc --crate-name polars_core` (signal: 9, SIGKILL: kill)
                """).failureType()).isEqualTo(FailureType.RESOURCE_EXHAUSTION);
    }

    @Test
    void exhaustedNetworkRetriesAreANetworkError() {
        assertThat(classify("""
                error: failed to get `serde` as a dependency of package `geo v0.1.0 (/home/runner/work/geo/geo)`

                Caused by:
                  [6] Could not resolve hostname (Could not resolve host: index.crates.io)
                """).failureType()).isEqualTo(FailureType.NETWORK_ERROR);
    }

    @Test
    void aCodedRustcErrorAmongClippyLintsIsACompilationError() {
        Classification c = classify("""
                    Checking demo v0.1.0 (/home/runner/work/demo/demo)
                error: length comparison to zero
                 --> src/main.rs:4:8
                  |
                  = help: for further information visit https://rust-lang.github.io/rust-clippy/master/index.html#len_zero
                error[E0425]: cannot find value `limit` in this scope
                 --> src/main.rs:9:12
                error: could not compile `demo` (bin "demo") due to 2 previous errors
                """);
        assertThat(c.failureType()).isEqualTo(FailureType.COMPILATION_ERROR);
        assertThat(c.rule()).isEqualTo("rustc.coded-error");
    }
}
