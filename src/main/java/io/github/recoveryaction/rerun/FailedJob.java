package io.github.recoveryaction.rerun;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.github.recoveryaction.classify.FailureType;

/**
 * One failed job of the analysed attempt with its verdict, as the re-run decision needs it.
 *
 * @param rule the id of the rule that decided the verdict
 * @param decidedByRule false for generic-tier and {@code unknown} verdicts, which never justify a re-run
 * @param title the verdict's one-sentence explanation
 * @param step the failed step's name
 * @param timeLimit the limit a timeout hit, as the log states it
 * @param jobDuration how long the job ran in this attempt
 * @param stepDuration how long the failed step ran in this attempt
 * @param failingTests tests the log or the reports name as failing
 */
public record FailedJob(String name, FailureType type, String rule, boolean decidedByRule, String title,
        Optional<String> step, Optional<Duration> timeLimit, Optional<Duration> jobDuration,
        Optional<Duration> stepDuration, List<String> failingTests) {

    public FailedJob {
        failingTests = List.copyOf(failingTests);
    }

    /** {@code `network_error` in `build`}: how reasons name a job's failure. */
    String label() {
        return "`" + type.id() + "` in `" + name.replace("`", "'").replaceAll("\\s+", " ").strip() + "`";
    }
}
