package io.github.recoveryaction.classify.rules;

import static io.github.recoveryaction.classify.rules.RuleTestSupport.classify;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.FailureType;

class PythonLintRulesTest {

    @Test
    void blackCheckNamesTheFilesToReformat() {
        Classification c = classify("""
                would reformat /home/runner/work/etl/etl/etl/load.py

                Oh no! 💥 💔 💥
                1 file would be reformatted, 2 files would be left unchanged.
                """);
        assertThat(c.failureType()).isEqualTo(FailureType.QUALITY_GATE_FAILURE);
        assertThat(c.details().locations()).extracting(l -> l.file()).containsExactly("/home/runner/work/etl/etl/etl/load.py");
        assertThat(c.evidence()).anyMatch(e -> e.text().startsWith("Oh no!"));
    }

    @Test
    void linterFindingsGiveFileLineColumnAndMessage() {
        Classification c = classify("""
                ./bad.py:1:1: F401 'os' imported but unused
                ./bad.py:6:8: F821 undefined name 'x'
                """);
        assertThat(c.failureType()).isEqualTo(FailureType.QUALITY_GATE_FAILURE);
        assertThat(c.details().locations()).hasSize(2).first().satisfies(l -> {
            assertThat(l.file()).isEqualTo("./bad.py");
            assertThat(l.line()).hasValue(1);
            assertThat(l.column()).hasValue(1);
            assertThat(l.message()).isEqualTo("F401 'os' imported but unused");
        });
    }

    @Test
    void mypyIsAQualityGateNotACompilationError() {
        Classification c = classify("""
                src/app/typed.py:3: error: Argument 1 to "g" has incompatible type "str"; expected "int"  [arg-type]
                Found 1 error in 1 file (checked 14 source files)
                """);
        assertThat(c.failureType()).isEqualTo(FailureType.QUALITY_GATE_FAILURE);
        assertThat(c.rule()).isEqualTo("mypy.error");
    }

    @Test
    void successMessagesAreNotFailures() {
        assertThat(classify("All checks passed!\nFound 0 errors.\n0 errors, 0 warnings, 0 informations \n")
                .failureType()).isEqualTo(FailureType.UNKNOWN);
    }
}
