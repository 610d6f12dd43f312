package io.github.recoveryaction.rerun;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.github.recoveryaction.classify.FailureType;

/** Test data for the re-run decision: runs, failed jobs and the workflow the action runs in. */
final class Runs {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final OwnWorkflow OWN = new OwnWorkflow(OptionalLong.of(300), Optional.of(".github/workflows/recovery.yml"),
            Optional.of("Recovery"));

    private Runs() {
    }

    static ReviewedRun failedRun(int attempt) {
        return run(attempt, "completed", "failure", 1);
    }

    static ReviewedRun run(int attempt, String status, String conclusion, int failedJobs) {
        return new ReviewedRun(200, attempt, attempt, "CI", status, Optional.ofNullable(conclusion),
                Optional.of(NOW.minus(Duration.ofHours(2))), Optional.of(".github/workflows/ci.yml"), failedJobs,
                List.of());
    }

    static FailedJob job(String name, FailureType type, String rule, String title) {
        return new FailedJob(name, type, rule, !rule.startsWith("generic.") && !rule.equals("unknown"), title,
                Optional.of("Run ./gradlew build"), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    static FailedJob network(String name) {
        return job(name, FailureType.NETWORK_ERROR, "network.connection-reset", "The connection was reset by the peer.");
    }

    static FailedJob tests(String name, String... failing) {
        return new FailedJob(name, FailureType.TEST_FAILURE, "gradle.test-failed", true, "Tests failed.",
                Optional.of("Run ./gradlew test"), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(failing));
    }

    /** A step timeout: the step ran its full limit, the job a little longer. */
    static FailedJob stepTimeout(String name, Duration limit) {
        return new FailedJob(name, FailureType.TIMEOUT, "runner.step-timeout", true,
                "The step ran longer than its timeout-minutes.", Optional.of("Run e2e"), Optional.of(limit),
                Optional.of(limit.plusMinutes(2)), Optional.of(limit), List.of());
    }

    static RerunHistory history(List<Duration> durations, String... flaky) {
        return new RerunHistory() {
            @Override
            public List<Duration> successfulDurations(String job, Optional<String> step) {
                return durations;
            }

            @Override
            public java.util.Set<String> knownFlakyTests() {
                return java.util.Set.of(flaky);
            }
        };
    }
}
