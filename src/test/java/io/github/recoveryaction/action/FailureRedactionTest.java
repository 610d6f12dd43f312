package io.github.recoveryaction.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.Details;
import io.github.recoveryaction.classify.Evidence;
import io.github.recoveryaction.classify.FailureType;
import io.github.recoveryaction.report.Redactor;

class FailureRedactionTest {

    private final FailureRedaction redaction = new FailureRedaction(
            Redactor.withPatterns(List.of(Pattern.quote("hunter22-token"))));

    @Test
    void cleansEvidenceTitlesAndTestMessagesButKeepsLineNumbers() {
        Classification c = new Classification("build", Optional.empty(), FailureType.PERMISSION_ERROR, 0.9,
                Optional.empty(), List.of(new Evidence(12, "curl -H 'Authorization: Bearer hunter22-token'"),
                        new Evidence(13, "token ghp_" + "a".repeat(36))),
                "r", "login with hunter22-token failed", Details.NONE);
        FailedTest test = new FailedTest("T", "t", "password=hunter22-token", Optional.empty(), OptionalInt.empty());
        JobFailure failure = new JobFailure(Optional.empty(), "build", Optional.empty(), c, List.of(test), "job log",
                List.of(), Optional.empty());

        JobFailure clean = redaction.redact(failure);

        assertThat(clean.classification().evidence()).extracting(Evidence::line).containsExactly(12L, 13L);
        assertThat(clean.classification().evidence()).extracting(Evidence::text)
                .noneMatch(t -> t.contains("hunter22") || t.contains("ghp_a"));
        assertThat(clean.classification().title()).doesNotContain("hunter22");
        assertThat(clean.failedTests().get(0).message()).doesNotContain("hunter22");
    }
}
