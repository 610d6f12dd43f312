package io.github.recoveryaction.github;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The REST API operations the action needs, for one repository. {@code find…} methods return empty where GitHub
 * answers 404 and absence is normal; other failures throw {@link GitHubAccessException} after retries, and a refused
 * token throws {@link GitHubPermissionException} naming the permission to grant.
 */
public interface GitHubGateway {

    Optional<WorkflowRun> findRun(long runId);

    /** The jobs of one attempt of a run, with their steps. */
    List<WorkflowJob> listJobs(long runId, int attempt);

    Optional<WorkflowJob> findJob(long jobId);

    /**
     * Downloads a job's plain-text log to {@code target}, at most {@code maxBytes} of it (the end is kept when the
     * log is longer, since failures are at the end).
     *
     * @return empty when GitHub has no log for the job (404: still running, or expired)
     */
    Optional<Path> downloadJobLog(long jobId, Path target, long maxBytes);

    /** Numbers of the pull requests that contain {@code sha}, open ones first. */
    List<Integer> listPullRequestsForCommit(String sha);

    /**
     * The open pull request whose head is {@code headSha}; {@code headLabel} ({@code owner:branch}) narrows the search
     * for pull requests from forks.
     */
    Optional<Integer> findOpenPullRequest(String headSha, Optional<String> headLabel);

    List<IssueComment> listIssueComments(int number);

    IssueComment createIssueComment(int number, String body);

    IssueComment updateIssueComment(long commentId, String body);

    /** One attempt of a run ({@code …/runs/{id}/attempts/{n}}): its start, status and conclusion. */
    Optional<WorkflowRun> findRunAttempt(long runId, int attempt);

    /**
     * One page (1-based, up to 100 runs) of the repository's runs matching {@code filter}, newest first: the newest
     * successful runs of a workflow ({@link RunFilter#successfulRunsOf}), or a scan of the repository's history.
     */
    RunPage listRuns(RunFilter filter, int page, int perPage);

    /**
     * Asks GitHub to re-run the failed jobs of a completed run and the jobs that depend on them.
     *
     * @throws GitHubPermissionException when the token lacks {@code actions: write}
     */
    void rerunFailedJobs(long runId);

    /** The run's artifacts that have not expired, all attempts, at most 100. */
    List<StoredArtifact> listRunArtifacts(long runId);

    /** The repository's artifacts named {@code name} that have not expired, newest first, at most {@code count}. */
    List<StoredArtifact> listArtifactsNamed(String name, int count);

    /** An artifact's zip, streamed; empty when it is gone (404, 410). The caller closes the stream. */
    Optional<InputStream> openArtifact(long artifactId);

    /** The jobs of every attempt of a run (one listing, {@code filter=all}), each with its attempt number. */
    List<WorkflowJob> listJobsOfAllAttempts(long runId);

    /** The repository's default branch. */
    String defaultBranch();
}
