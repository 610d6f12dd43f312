package io.github.recoveryaction.github.fake;

import static io.github.recoveryaction.github.fake.FakeResponses.JSON;
import static io.github.recoveryaction.github.fake.FakeResponses.json;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A stateful fake of the parts of GitHub's REST API the action uses, for one repository, mounted on a
 * {@link FakeHttpServer} (other fakes, such as the artifact service, can share the server). Payloads follow GitHub's
 * documented examples, trimmed to the fields the program reads. Each API area is a small fake that registers its own
 * routes: {@link FakeRuns}, {@link FakeJobs}, {@link FakeJobLogs}, {@link FakeReruns}, {@link FakePullRequests}
 * (comments) and {@link FakeRestArtifacts}; this class builds them and is what tests call.
 * <p>
 * Job logs and artifacts answer with a 302 to a signed-URL-like path under {@code /_storage/}, which records whether
 * the {@code Authorization} header leaked ({@link #authorizationSentToStorage()}).
 */
public final class FakeGitHubApi {

    public static final String BOT = "github-actions[bot]";

    private final FakeHttpServer server;
    private final String repository;
    private final FakeRateLimit rateLimit = new FakeRateLimit();
    private final FakeRuns runs;
    private final FakeJobs jobs;
    private final FakeJobLogs logs;
    private final FakeReruns reruns;
    private final FakePullRequests pullRequests;
    private final FakeRestArtifacts restArtifacts;
    private volatile boolean authorizationSentToStorage;

    public FakeGitHubApi(FakeHttpServer server, String repository) {
        this.server = server;
        this.repository = repository;
        AtomicLong ids = new AtomicLong(9_000_000);
        server.route("GET", "/repos/" + repository, (r, g) -> json(200, repositoryJson()));
        this.runs = new FakeRuns(server, repository, rateLimit);
        this.jobs = new FakeJobs(server, repository, runs, rateLimit);
        this.logs = new FakeJobLogs(server, repository, () -> authorizationSentToStorage = true);
        this.reruns = new FakeReruns(server, repository, runs);
        this.pullRequests = new FakePullRequests(server, repository, ids);
        this.restArtifacts = new FakeRestArtifacts(server, repository, ids, () -> authorizationSentToStorage = true);
        serveArtifacts();
    }

    /**
     * Adds a completed run of a workflow for history listings: {@code created} is when its first attempt started,
     * {@code updated} when its latest attempt ended; runs list newest first by {@code created}.
     */
    public FakeGitHubApi addHistoryRun(long id, String workflowPath, String branch, String headSha,
            String conclusion, int attempt, Instant created, Instant updated) {
        runs.addHistoryRun(id, workflowPath, branch, headSha, conclusion, attempt, created, updated);
        return this;
    }

    /** Adds a finished job with its own times to a run attempt (for statistics). */
    public FakeGitHubApi addTimedJob(long runId, int attempt, long jobId, String name, String conclusion,
            Instant started, Instant completed) {
        jobs.addTimedJob(runId, attempt, jobId, name, conclusion, started, completed);
        return this;
    }

    /** Requests answered, as GitHub's rate limit counts them, for {@code x-ratelimit-remaining}. */
    public int rateLimitUsed() {
        return rateLimit.used();
    }

    /**
     * Routes the REST artifact endpoints to this fake: call it again after mounting another fake that serves them
     * (the {@link FakeArtifactService}), since the route added last wins.
     */
    public FakeGitHubApi serveArtifacts() {
        restArtifacts.route();
        return this;
    }

    public FakeHttpServer server() {
        return server;
    }

    /** Adds a run; {@code pullRequests} is what GitHub lists in the run (empty for forks). */
    public FakeGitHubApi addRun(long id, int attempt, String event, String status, String conclusion,
            String headSha, String headBranch, int... pullRequests) {
        runs.addRun(id, attempt, event, status, conclusion, headSha, headBranch, pullRequests);
        return this;
    }

    /** Adds a job to a run attempt; steps are {@code name=conclusion} pairs ("in_progress" for a running step). */
    public FakeGitHubApi addJob(long runId, int attempt, long jobId, String name, String status,
            String conclusion, String runnerName, String... steps) {
        jobs.addJob(runId, attempt, jobId, name, status, conclusion, runnerName, steps);
        return this;
    }

    /** The job's log; jobs without one answer 404, as GitHub does while a job runs. */
    public FakeGitHubApi addLog(long jobId, String text) {
        logs.add(jobId, text);
        return this;
    }

    public FakeGitHubApi addPullRequest(int number, String headSha, String headLabel, String state) {
        pullRequests.addPullRequest(number, headSha, headLabel, state);
        return this;
    }

    /** Makes comment writes answer 403 "Resource not accessible by integration", like a fork's read-only token. */
    public FakeGitHubApi readOnlyToken(boolean readOnly) {
        pullRequests.readOnlyToken(readOnly);
        return this;
    }

    public FakeGitHubApi addComment(int issue, String author, String body) {
        pullRequests.addComment(issue, author, body);
        return this;
    }

    public List<String> commentBodies(int issue) {
        return pullRequests.commentBodies(issue);
    }

    /** Adds an artifact of a run, a zip of {@code files} (path → content); {@code runId} 0 is the action's own run. */
    public long addArtifact(long runId, String name, String createdAt, Map<String, String> files) {
        return restArtifacts.addArtifact(runId, name, createdAt, files);
    }

    /** The files of an artifact, by name, as stored. */
    public Map<String, String> artifactFiles(long id) {
        return restArtifacts.artifactFiles(id);
    }

    /**
     * When an attempt of a run started ({@code run_started_at} of {@code …/attempts/{n}}); artifacts created before
     * belong to earlier attempts.
     */
    public FakeGitHubApi attemptStarted(long runId, int attempt, String instant) {
        runs.attemptStarted(runId, attempt, instant);
        return this;
    }

    /** Sets when a job's step ran (the jobs API's step timestamps). */
    public FakeGitHubApi stepTimes(long jobId, int stepNumber, String startedAt, String completedAt) {
        jobs.stepTimes(jobId, stepNumber, startedAt, completedAt);
        return this;
    }

    /** Sets a run's creation time (GitHub re-runs only within 30 days of it) and its workflow's id and file. */
    public FakeGitHubApi runDetails(long runId, String createdAt, long workflowId, String path) {
        runs.details(runId, createdAt, workflowId, path);
        return this;
    }

    /**
     * Makes {@code rerun-failed-jobs} answer 403 with GitHub's {@code message}, e.g. "Resource not accessible by integration".
     */
    public FakeGitHubApi refuseReruns(String message) {
        reruns.refuse(message);
        return this;
    }

    /** Run ids of the {@code rerun-failed-jobs} requests GitHub accepted, in order. */
    public List<Long> rerunRequests() {
        return reruns.requests();
    }

    public boolean authorizationSentToStorage() {
        return authorizationSentToStorage;
    }

    private ObjectNode repositoryJson() {
        String[] parts = repository.split("/");
        ObjectNode repo = JSON.createObjectNode().put("id", 1296269).put("name", parts[1]).put("full_name", repository)
                .put("private", false).put("default_branch", "main")
                .put("url", server.url("/repos/" + repository))
                .put("html_url", "https://github.com/" + repository);
        repo.putObject("owner").put("login", parts[0]).put("id", 1).put("type", "Organization");
        return repo;
    }
}
