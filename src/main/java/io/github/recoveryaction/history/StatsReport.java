package io.github.recoveryaction.history;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The figures of {@code recovery stats} over a window of runs.
 *
 * @param runs completed runs in the window
 * @param failedRuns runs whose latest attempt failed
 * @param rerunRuns runs with more than one attempt
 * @param failedJobs failed jobs, every attempt counted
 * @param byType failed jobs per failure type, most first
 * @param failedJobTime time the failed jobs ran
 * @param rerunTime time the jobs of re-run attempts (attempt 2 and later) ran
 * @param flakyTests tests that failed and then passed on a re-run of the same commit
 * @param flakyJobs jobs that failed and then passed on a re-run of the same commit
 * @param rootCauses the most frequent headline lines of failed jobs, normalised
 */
public record StatsReport(int runs, int failedRuns, int rerunRuns, int failedJobs, List<Count> byType,
        List<Count> byJob, List<Count> byRule, Duration failedJobTime, Duration rerunTime, List<Flaky> flakyTests,
        List<Flaky> flakyJobs, Recovery recovery, List<Count> rootCauses) {

    /** A key and how often it occurred. */
    public record Count(String key, int count) {
    }

    /**
     * A test or job that failed, then passed on the same commit.
     *
     * @param job the job it ran in (for a job: itself)
     * @param times runs in which it did so
     * @param lastRunId the newest such run
     */
    public record Flaky(String name, String job, int times, long lastRunId) {
    }

    /**
     * How long the default branch stayed red: from the end of the first failed run (or attempt) after a green one to
     * the end of the next green one, per workflow.
     *
     * @param incidents red spells that ended in the window
     * @param redSince the start of the red spell still open, per workflow
     */
    public record Recovery(String branch, List<Duration> incidents, List<OpenIncident> redSince) {

        public Optional<Duration> median() {
            if (incidents.isEmpty()) {
                return Optional.empty();
            }
            List<Duration> sorted = incidents.stream().sorted().toList();
            return Optional.of(sorted.get((sorted.size() - 1) / 2));
        }

        public Optional<Duration> longest() {
            return incidents.stream().max(Duration::compareTo);
        }
    }

    /** A workflow still red on the default branch, since the end of its first failed run. */
    public record OpenIncident(String workflow, Instant since, long runId) {
    }
}
