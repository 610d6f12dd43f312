package io.github.recoveryaction.history;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the statistics keep of one completed workflow run, cached between scans: the run, and for runs that failed
 * or were re-run, the jobs of every attempt with the classification of each failed job.
 *
 * @param attempts the run's latest attempt
 * @param conclusion the latest attempt's conclusion
 * @param updatedAt when the latest attempt ended; a cached record is reused while the run still shows this time
 * @param jobs the jobs of every attempt; empty for a run that passed at its first attempt (its jobs are not fetched)
 */
public record RunRecord(long id, String workflow, Optional<String> branch, String headSha, Instant createdAt,
        Instant updatedAt, int attempts, String conclusion, List<JobRecord> jobs) {

    public RunRecord {
        jobs = List.copyOf(jobs);
    }

    public boolean failed() {
        return JobRecord.red(conclusion);
    }

    public boolean succeeded() {
        return conclusion.equals("success");
    }

    /**
     * One job of one attempt.
     *
     * @param failure the classification of a failed job's log; empty for jobs that did not fail
     */
    public record JobRecord(long id, String name, int attempt, String conclusion, Optional<Instant> startedAt,
            Optional<Instant> completedAt, Optional<FailureRecord> failure) {

        public boolean failed() {
            return red(conclusion);
        }

        public Duration duration() {
            return startedAt.flatMap(s -> completedAt.map(c -> Duration.between(s, c))).filter(d -> !d.isNegative())
                    .orElse(Duration.ZERO);
        }

        static boolean red(String conclusion) {
            return conclusion.equals("failure") || conclusion.equals("timed_out") || conclusion.equals("startup_failure");
        }
    }

    /**
     * The classification of a failed job, or why there is none.
     *
     * @param failureType a failure-type id; {@code unknown} when the log was not available
     * @param rootCause the headline evidence line, normalised ({@code LineNormalizer}), when there was one
     * @param failedTests the tests the log names as failed
     */
    public record FailureRecord(String failureType, String rule, Optional<String> rootCause,
            List<String> failedTests) {

        public static final String NO_LOG = "no-log";

        public FailureRecord {
            failedTests = List.copyOf(failedTests);
        }
    }
}
