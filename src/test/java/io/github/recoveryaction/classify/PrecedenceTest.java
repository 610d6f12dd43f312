package io.github.recoveryaction.classify;

import static io.github.recoveryaction.classify.JobLogBuilder.jobLog;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.recoveryaction.classify.log.LogInput;
import io.github.recoveryaction.classify.rules.RuleLoader;
import io.github.recoveryaction.classify.rules.RuleSet;

/** The taxonomy's precedence, on rules written for the test so the bundled knowledge can change freely. */
class PrecedenceTest {

    @TempDir
    static Path dir;

    private static RuleSet rules() throws Exception {
        Path file = dir.resolve("rules.yml");
        Files.writeString(file, """
                schema-version: 1
                rules:
                  - id: t.tests-failed
                    title: tests failed
                    failure-type: test_failure
                    match: [{line: 'TESTS FAILED'}]
                  - id: t.refused
                    title: refused
                    failure-type: network_error
                    match: [{line: 'Connection refused'}]
                  - id: t.not-found
                    title: not found
                    failure-type: dependency_error
                    match: [{line: 'artifact not found'}]
                  - id: t.compile
                    title: compile
                    failure-type: compilation_error
                    match: [{line: 'COMPILE ERROR'}]
                  - id: t.shutdown
                    title: shutdown
                    failure-type: infrastructure_error
                    match: [{line: 'runner shut down'}]
                  - id: t.assert
                    title: assertion
                    failure-type: test_failure
                    evidence-only: true
                    match: [{line: 'expected <1> but was <2>'}]
                  - id: t.slow
                    title: pathological
                    failure-type: timeout
                    match: [{line: '(x+x+)+y'}]
                """);
        return RuleLoader.load(Optional.of(file));
    }

    private static Classification classify(String... output) throws Exception {
        String log = jobLog().step("build", output).exit(1).post().build();
        return new Classifier(rules())
                .classify(LogInput.of("t", new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aTestVerdictWinsOverNetworkErrorsInsideTheTests() throws Exception {
        assertThat(classify("java.net.ConnectException: Connection refused", "TESTS FAILED").rule())
                .isEqualTo("t.tests-failed");
    }

    @Test
    void couldNotReachWinsOverNotFound() throws Exception {
        assertThat(classify("artifact not found", "Connection refused").failureType()).isEqualTo(FailureType.NETWORK_ERROR);
    }

    @Test
    void thePlatformStoppingTheWorkWinsOverEverything() throws Exception {
        assertThat(classify("TESTS FAILED", "Connection refused", "runner shut down").failureType())
                .isEqualTo(FailureType.INFRASTRUCTURE_ERROR);
    }

    @Test
    void amongToolVerdictsTheFirstErrorIsTheRootCause() throws Exception {
        assertThat(classify("COMPILE ERROR", "artifact not found").rule()).isEqualTo("t.compile");
        assertThat(classify("artifact not found", "COMPILE ERROR").rule()).isEqualTo("t.not-found");
    }

    @Test
    void evidenceOnlyRulesAddEvidenceOfTheWinningTypeButNeverDecide() throws Exception {
        Classification c = classify("expected <1> but was <2>", "TESTS FAILED");
        assertThat(c.evidence()).extracting(Evidence::text).containsExactly("expected <1> but was <2>", "TESTS FAILED");
        // alone, the evidence-only rule does not decide: the generic tier reads the assertion's wording
        Classification alone = classify("expected <1> but was <2>");
        assertThat(alone.decidedByRule()).isFalse();
        assertThat(alone.rule()).startsWith("generic.");
    }

    @Test
    void aPathologicalPatternIsSwitchedOffInsteadOfHangingTheRun() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add("x".repeat(4000));
        }
        lines.add("COMPILE ERROR");
        List<String> warnings = new ArrayList<>();
        String log = jobLog().step("build", lines.toArray(String[]::new)).exit(1).post().build();

        long start = System.nanoTime();
        Classification c = new Classifier(rules(), warnings::add)
                .classify(LogInput.of("t", new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8))));

        assertThat(c.rule()).isEqualTo("t.compile");
        assertThat(warnings).singleElement().asString().contains("t.slow").contains("switched off");
        assertThat(System.nanoTime() - start).as("bounded by the per-line budget, not the regex").isLessThan(30_000_000_000L);
    }
}
