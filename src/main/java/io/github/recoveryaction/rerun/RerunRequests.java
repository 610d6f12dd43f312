package io.github.recoveryaction.rerun;

import java.time.Duration;

/**
 * The side effects of a re-run: the wait before it and the request to GitHub. A dry run swaps in
 * {@link DryRunRequests}, which only records them, so the decision and the report take the same path either way.
 */
public interface RerunRequests {

    void pause(Duration wait);

    /**
     * Asks GitHub to re-run the failed jobs of {@code runId} (and the jobs that depend on them).
     *
     * @return true when the request was sent, false when it was only recorded
     * @throws io.github.recoveryaction.github.GitHubPermissionException when the token may not re-run
     */
    boolean rerunFailedJobs(long runId);
}
