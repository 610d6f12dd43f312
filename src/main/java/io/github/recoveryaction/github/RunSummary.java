package io.github.recoveryaction.github;

import java.time.Instant;
import java.util.Optional;

/**
 * A workflow run as the runs listing describes it: what the repository's history (baselines, statistics) needs.
 *
 * @param workflowId the workflow's id, the same for every run of one workflow file
 * @param workflowPath the workflow file, e.g. {@code .github/workflows/ci.yml}
 * @param attempt the latest attempt
 * @param conclusion empty while the run is in progress
 * @param createdAt when the run (its first attempt) was created
 * @param updatedAt when the run last changed: the end of its latest attempt once completed
 */
public record RunSummary(long id, long workflowId, String workflowPath, String name, Optional<String> headBranch,
        String headSha, String event, String status, Optional<String> conclusion, int attempt, Instant createdAt,
        Instant updatedAt, String htmlUrl) {

    public boolean completed() {
        return status.equals("completed");
    }

    public boolean succeeded() {
        return conclusion.filter("success"::equals).isPresent();
    }

    /** Failed in the sense of a red build: failure, timed out, or could not start. */
    public boolean failed() {
        return conclusion.filter(c -> c.equals("failure") || c.equals("timed_out") || c.equals("startup_failure"))
                .isPresent();
    }
}
