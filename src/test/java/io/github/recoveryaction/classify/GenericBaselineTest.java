package io.github.recoveryaction.classify;

import static io.github.recoveryaction.classify.JobLogBuilder.jobLog;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.classify.log.LogInput;

/** The generic tier with a baseline: what the passing run printed too never heads a generic verdict. */
class GenericBaselineTest {

    static final String KNOWN = "widget-build: error: permission denied: /var/cache/widget/lock";
    static final String CAUSE = "widget-sync: fatal: 404 Not Found: widget 2.1 is missing from the registry";

    @Test
    void aLineThePassingRunPrintedIsNeverTheRootCauseOrTheHeadline() {
        String failing = jobLog().step("./ci/widget.sh", "Fetching widget sources", CAUSE, "Building widget", KNOWN,
                "Packaging widget", KNOWN).exit(1).post().build();
        String passing = jobLog().step("./ci/widget.sh", "Fetching widget sources", "Building widget", KNOWN,
                "Packaging widget", KNOWN, "widget 2.1 ready").post().build();

        Classification without = classify(failing, KnownLines.NONE);
        Classification with = classify(failing, KnownLines.read(input(passing), "run 41 on main", Optional.empty()));

        assertThat(without.failureType()).isEqualTo(FailureType.PERMISSION_ERROR);
        assertThat(without.evidence()).extracting(Evidence::text).contains(KNOWN);
        assertThat(with.failureType()).isEqualTo(FailureType.DEPENDENCY_ERROR);
        assertThat(with.rule()).isEqualTo("generic.http-status");
        assertThat(with.evidence()).extracting(Evidence::text).doesNotContain(KNOWN).contains(CAUSE);
        assertThat(with.evidence()).extracting(Evidence::text).filteredOn(t -> !t.startsWith("##[")).first()
                .isEqualTo(CAUSE);
        assertThat(with.novelty()).hasValueSatisfying(n -> assertThat(n.newLines()).isEqualTo(2));
    }

    @Test
    void aKnownLinePrintedMoreOftenThanInThePassingRunIsNewAgain() {
        String failing = jobLog().step("./ci/widget.sh", "Building widget", KNOWN, "retrying", KNOWN).exit(1).post()
                .build();
        String passing = jobLog().step("./ci/widget.sh", "Building widget", KNOWN, "retrying", "widget built").post()
                .build();

        Classification with = classify(failing, KnownLines.read(input(passing), "run 41 on main", Optional.empty()));

        assertThat(with.failureType()).isEqualTo(FailureType.PERMISSION_ERROR);
        assertThat(with.evidence()).extracting(Evidence::text).containsOnlyOnce(KNOWN);
        assertThat(with.evidence()).filteredOn(e -> e.text().equals(KNOWN)).singleElement()
                .satisfies(e -> assertThat(e.line()).as("the second one").isEqualTo(13));
    }

    private static Classification classify(String log, KnownLines baseline) {
        return new Classifier(ClassifierTest.RULES).classify(input(log), baseline);
    }

    private static LogInput input(String log) {
        return LogInput.of("build.log", new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));
    }
}
