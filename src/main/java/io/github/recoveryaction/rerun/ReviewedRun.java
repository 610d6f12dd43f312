package io.github.recoveryaction.rerun;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The run whose attempt is judged, as the API describes it.
 *
 * @param attempt the analysed attempt
 * @param latestAttempt the run's newest attempt; a newer one than {@code attempt} means someone re-ran it already
 * @param status {@code completed} once every job has finished
 * @param conclusion the newest attempt's conclusion ({@code failure}, {@code cancelled}, {@code success}, …)
 * @param createdAt when the run was first created; GitHub re-runs only within 30 days of it
 * @param workflowPath the workflow file, e.g. {@code .github/workflows/ci.yml}
 * @param failedJobs how many jobs of the attempt failed, analysed or not
 * @param cancelledJobs names of the attempt's cancelled jobs (fail-fast siblings, jobs cut short by a timeout)
 */
public record ReviewedRun(long id, int attempt, int latestAttempt, String workflowName, String status,
        Optional<String> conclusion, Optional<Instant> createdAt, Optional<String> workflowPath, int failedJobs,
        List<String> cancelledJobs) {

    public ReviewedRun {
        cancelledJobs = List.copyOf(cancelledJobs);
    }
}
