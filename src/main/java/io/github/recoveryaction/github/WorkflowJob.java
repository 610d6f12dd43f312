package io.github.recoveryaction.github;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A job of a workflow run attempt with its steps, from the jobs API.
 *
 * @param id the job id, which is also the check-run id ({@code job.check_run_id})
 * @param conclusion empty while the job runs
 * @param runnerName the runner that took the job, when one did
 */
public record WorkflowJob(long id, long runId, int runAttempt, String name, String status, Optional<String> conclusion,
        Optional<String> runnerName, String htmlUrl, Optional<Instant> startedAt, Optional<Instant> completedAt,
        List<JobStep> steps) {

    public WorkflowJob {
        steps = List.copyOf(steps);
    }

    public boolean completed() {
        return status.equals("completed");
    }

    public boolean failed() {
        return conclusion.filter(c -> c.equals("failure") || c.equals("timed_out")).isPresent();
    }

    public boolean succeeded() {
        return conclusion.filter("success"::equals).isPresent();
    }

    /** The first step that failed; in a running job, the steps finished so far. */
    public Optional<JobStep> findFailedStep() {
        return steps.stream().filter(JobStep::failed).findFirst();
    }

    /** How long the job ran, or has run until {@code now} when it is still running. */
    public Optional<Duration> duration(Instant now) {
        return startedAt.map(start -> Duration.between(start, completedAt.orElse(now)));
    }
}
