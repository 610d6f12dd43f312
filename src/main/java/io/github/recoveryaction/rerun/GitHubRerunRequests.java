package io.github.recoveryaction.rerun;

import java.time.Duration;

import io.github.recoveryaction.github.GitHubGateway;
import io.github.recoveryaction.github.Sleeper;

/** The real re-run: the job sleeps, then calls {@code rerun-failed-jobs}. */
public final class GitHubRerunRequests implements RerunRequests {

    private final GitHubGateway github;
    private final Sleeper sleeper;

    public GitHubRerunRequests(GitHubGateway github, Sleeper sleeper) {
        this.github = github;
        this.sleeper = sleeper;
    }

    @Override
    public void pause(Duration wait) {
        sleeper.sleep(wait);
    }

    @Override
    public boolean rerunFailedJobs(long runId) {
        github.rerunFailedJobs(runId);
        return true;
    }
}
