package io.github.recoveryaction.github.fake;

import static io.github.recoveryaction.github.fake.FakeResponses.JSON;
import static io.github.recoveryaction.github.fake.FakeResponses.found;
import static io.github.recoveryaction.github.fake.FakeResponses.json;
import static io.github.recoveryaction.github.fake.FakeResponses.notFound;
import static io.github.recoveryaction.github.fake.FakeResponses.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.recoveryaction.github.fake.FakeHttpServer.RecordedRequest;
import io.github.recoveryaction.github.fake.FakeHttpServer.Response;

/**
 * A stateful fake of the parts of GitHub's REST API the action uses, for one repository, mounted on a
 * {@link FakeHttpServer} (other fakes, such as the artifact service, can share the server). Payloads follow GitHub's
 * documented examples, trimmed to the fields the program reads.
 * <p>
 * Job logs answer with a 302 to a signed-URL-like path under {@code /_storage/}, which records whether the
 * {@code Authorization} header leaked ({@link #authorizationSentToStorage()}).
 */
public final class FakeGitHubApi {

    public static final String BOT = "github-actions[bot]";

    private final FakeHttpServer server;
    private final String repository;
    private final Map<Long, ObjectNode> runs = new HashMap<>();
    private final Map<String, List<ObjectNode>> attemptJobs = new HashMap<>();
    private final Map<Long, ObjectNode> jobs = new HashMap<>();
    private final Map<Long, String> logs = new HashMap<>();
    private final AtomicLong ids = new AtomicLong(9_000_000);
    private final AtomicInteger rateLimitUsed = new AtomicInteger();
    private final Map<String, String> attemptStarts = new HashMap<>();
    private final List<Long> rerunRequests = new ArrayList<>();
    private volatile String rerunRefusal;
    private volatile boolean authorizationSentToStorage;
    private final FakePullRequests pullRequests;
    private final FakeRestArtifacts restArtifacts;

    public FakeGitHubApi(FakeHttpServer server, String repository) {
        this.server = server;
        this.repository = repository;
        String repo = "/repos/" + repository;
        server.route("GET", repo, (r, g) -> json(200, repositoryJson()));
        server.route("GET", repo + "/actions/runs/(\\d+)", (r, g) -> found(runs.get(Long.parseLong(g.get(0)))));
        server.route("GET", repo + "/actions/runs/(\\d+)/attempts/(\\d+)/jobs", this::listAttemptJobs);
        server.route("GET", repo + "/actions/jobs/(\\d+)", (r, g) -> found(jobs.get(Long.parseLong(g.get(0)))));
        server.route("GET", repo + "/actions/jobs/(\\d+)/logs", this::redirectToLog);
        server.route("GET", "/_storage/logs/(\\d+)", this::serveLog);
        server.route("GET", repo + "/actions/runs", (r, g) -> listRuns(r, null));
        server.route("GET", repo + "/actions/workflows/([^/]+)/runs", (r, g) -> listRuns(r, g.get(0)));
        server.route("GET", repo + "/actions/runs/(\\d+)/jobs", this::listRunJobs);
        server.route("GET", repo + "/actions/runs/(\\d+)/attempts/(\\d+)", this::runAttempt);
        server.route("POST", repo + "/actions/runs/(\\d+)/rerun-failed-jobs", this::rerunFailedJobs);
        this.pullRequests = new FakePullRequests(server, repository, ids);
        this.restArtifacts = new FakeRestArtifacts(server, repository, ids, () -> authorizationSentToStorage = true);
        serveArtifacts();
    }

    /**
     * Adds a completed run of a workflow for history listings: {@code created} is when its first attempt started,
     * {@code updated} when its latest attempt ended; runs list newest first by {@code created}.
     */
    public synchronized FakeGitHubApi addHistoryRun(long id, String workflowPath, String branch, String headSha,
            String conclusion, int attempt, Instant created, Instant updated) {
        addRun(id, attempt, "push", "completed", conclusion, headSha, branch);
        ObjectNode run = runs.get(id);
        String name = workflowPath.substring(workflowPath.lastIndexOf('/') + 1).replace(".yml", "");
        run.put("workflow_id", workflowPath.endsWith("/ci.yml") ? 159038 : 100_000 + Math.abs(workflowPath.hashCode() % 1000))
                .put("path", workflowPath)
                .put("name", name).put("created_at", created.toString()).put("run_started_at", created.toString())
                .put("updated_at", updated.toString());
        return this;
    }

    /** Adds a finished job with its own times to a run attempt (for statistics). */
    public synchronized FakeGitHubApi addTimedJob(long runId, int attempt, long jobId, String name, String conclusion,
            Instant started, Instant completed) {
        addJob(runId, attempt, jobId, name, "completed", conclusion, "GitHub Actions " + jobId, "Set up job=success",
                "Run tests=" + conclusion);
        jobs.get(jobId).put("started_at", started.toString()).put("completed_at", completed.toString())
                .put("head_sha", runs.get(runId).path("head_sha").asText());
        return this;
    }

    /** Requests answered, as GitHub's rate limit counts them, for {@code x-ratelimit-remaining}. */
    public int rateLimitUsed() {
        return rateLimitUsed.get();
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
    public synchronized FakeGitHubApi addRun(long id, int attempt, String event, String status, String conclusion,
            String headSha, String headBranch, int... pullRequests) {
        ObjectNode run = JSON.createObjectNode().put("id", id).put("name", "CI").put("node_id", "WFR_" + id)
                .put("head_branch", headBranch).put("head_sha", headSha).put("run_number", 7).put("event", event)
                .put("status", status).put("run_attempt", attempt).put("workflow_id", 159038)
                .put("url", server.url("/repos/" + repository + "/actions/runs/" + id))
                .put("html_url", "https://github.com/" + repository + "/actions/runs/" + id)
                .put("created_at", "2026-11-26T10:00:00Z").put("updated_at", "2026-11-26T10:05:00Z")
                .put("path", ".github/workflows/ci.yml").put("run_started_at", "2026-11-26T10:00:00Z");
        run.set("conclusion", conclusion == null ? null : run.textNode(conclusion));
        ArrayNode prs = run.putArray("pull_requests");
        for (int n : pullRequests) {
            prs.addObject().put("id", 1000 + n).put("number", n).put("url", server.url("/repos/" + repository + "/pulls/" + n));
        }
        runs.put(id, run);
        return this;
    }

    /** Adds a job to a run attempt; steps are {@code name=conclusion} pairs ("in_progress" for a running step). */
    public synchronized FakeGitHubApi addJob(long runId, int attempt, long jobId, String name, String status,
            String conclusion, String runnerName, String... steps) {
        ObjectNode job = JSON.createObjectNode().put("id", jobId).put("run_id", runId).put("run_attempt", attempt)
                .put("node_id", "CR_" + jobId).put("head_sha", "f00d").put("name", name).put("status", status)
                .put("started_at", startedAt(conclusion)).put("runner_name", runnerName)
                .put("workflow_name", "CI").put("html_url", "https://github.com/" + repository + "/actions/runs/"
                        + runId + "/job/" + jobId)
                .put("check_run_url", server.url("/repos/" + repository + "/check-runs/" + jobId));
        job.set("conclusion", conclusion == null ? null : job.textNode(conclusion));
        job.set("completed_at", conclusion == null ? null : job.textNode("2026-11-26T10:04:05Z"));
        ArrayNode array = job.putArray("steps");
        for (int i = 0; i < steps.length; i++) {
            String[] parts = steps[i].split("=", 2);
            boolean running = parts[1].equals("in_progress") || parts[1].equals("queued");
            ObjectNode step = array.addObject().put("name", parts[0])
                    .put("status", running ? parts[1] : "completed").put("number", i + 1)
                    .put("started_at", "2026-11-26T10:00:0" + Math.min(i, 9) + "Z");
            step.set("conclusion", running ? null : step.textNode(parts[1]));
            step.set("completed_at", running ? null : step.textNode("2026-11-26T10:01:0" + Math.min(i, 9) + "Z"));
        }
        attemptJobs.computeIfAbsent(runId + "/" + attempt, k -> new ArrayList<>()).add(job);
        jobs.put(jobId, job);
        return this;
    }

    /**
     * Finished jobs ran four minutes on a fixed day; running jobs started two minutes ago, so that a running job's
     * duration (up to now) does not depend on when the test runs.
     */
    private static String startedAt(String conclusion) {
        return conclusion == null
                ? Instant.now().minusSeconds(120).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()
                : "2026-11-26T10:00:05Z";
    }

    /** The job's log; jobs without one answer 404, as GitHub does while a job runs. */
    public synchronized FakeGitHubApi addLog(long jobId, String text) {
        logs.put(jobId, text);
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
    public synchronized FakeGitHubApi attemptStarted(long runId, int attempt, String instant) {
        attemptStarts.put(runId + "/" + attempt, instant);
        return this;
    }

    /** Sets when a job's step ran (the jobs API's step timestamps). */
    public synchronized FakeGitHubApi stepTimes(long jobId, int stepNumber, String startedAt, String completedAt) {
        ObjectNode step = (ObjectNode) jobs.get(jobId).path("steps").get(stepNumber - 1);
        step.put("started_at", startedAt).put("completed_at", completedAt);
        return this;
    }

    /** Sets a run's creation time (GitHub re-runs only within 30 days of it) and its workflow's id and file. */
    public synchronized FakeGitHubApi runDetails(long runId, String createdAt, long workflowId, String path) {
        runs.get(runId).put("created_at", createdAt).put("workflow_id", workflowId).put("path", path);
        return this;
    }

    /**
     * Makes {@code rerun-failed-jobs} answer 403 with GitHub's {@code message}, e.g. "Resource not accessible by integration".
     */
    public FakeGitHubApi refuseReruns(String message) {
        this.rerunRefusal = message;
        return this;
    }

    /** Run ids of the {@code rerun-failed-jobs} requests GitHub accepted, in order. */
    public synchronized List<Long> rerunRequests() {
        return List.copyOf(rerunRequests);
    }

    public boolean authorizationSentToStorage() {
        return authorizationSentToStorage;
    }

    private synchronized Response runAttempt(RecordedRequest r, List<String> g) {
        ObjectNode run = runs.get(Long.parseLong(g.get(0)));
        int attempt = Integer.parseInt(g.get(1));
        if (run == null || attempt > run.path("run_attempt").asInt()) {
            return notFound();
        }
        ObjectNode copy = run.deepCopy().put("run_attempt", attempt);
        copy.put("run_started_at", attemptStarts.getOrDefault(g.get(0) + "/" + attempt, "2026-11-26T10:00:00Z"));
        if (attempt < run.path("run_attempt").asInt()) {
            copy.put("conclusion", "failure").put("status", "completed");
        }
        return json(200, copy);
    }

    private synchronized Response rerunFailedJobs(RecordedRequest r, List<String> g) {
        long id = Long.parseLong(g.get(0));
        if (!runs.containsKey(id)) {
            return notFound();
        }
        if (rerunRefusal != null) {
            return Response.json(403, "{\"message\":\"" + rerunRefusal + "\",\"documentation_url\":"
                    + "\"https://docs.github.com/rest/actions/workflow-runs#re-run-failed-jobs-from-a-workflow-run\","
                    + "\"status\":\"403\"}");
        }
        rerunRequests.add(id);
        return Response.empty(201);
    }

    private synchronized Response listAttemptJobs(RecordedRequest r, List<String> g) {
        List<ObjectNode> list = attemptJobs.get(g.get(0) + "/" + g.get(1));
        if (list == null && !runs.containsKey(Long.parseLong(g.get(0)))) {
            return notFound();
        }
        ObjectNode body = JSON.createObjectNode();
        List<ObjectNode> items = list == null ? List.of() : list;
        body.put("total_count", items.size());
        body.putArray("jobs").addAll(items);
        return json(200, body);
    }

    private synchronized Response listRuns(RecordedRequest r, String workflow) {
        Map<String, String> query = query(r);
        int perPage = Integer.parseInt(query.getOrDefault("per_page", "30"));
        int page = Integer.parseInt(query.getOrDefault("page", "1"));
        String since = query.getOrDefault("created", ">=0000").substring(2);
        List<ObjectNode> matching = runs.values().stream()
                .filter(run -> workflow == null || run.path("path").asText().endsWith("/" + workflow)
                        || run.path("workflow_id").asText().equals(workflow))
                .filter(run -> !query.containsKey("branch") || run.path("head_branch").asText().equals(query.get("branch")))
                .filter(run -> !query.containsKey("status") || run.path("status").asText().equals(query.get("status"))
                        || run.path("conclusion").asText().equals(query.get("status")))
                .filter(run -> run.path("created_at").asText().substring(0, 10).compareTo(since) >= 0)
                .sorted(Comparator.comparing((ObjectNode run) -> run.path("created_at").asText()).reversed()
                        .thenComparing(Comparator.comparingLong((ObjectNode run) -> run.path("id").asLong()).reversed()))
                .toList();
        ObjectNode body = JSON.createObjectNode().put("total_count", matching.size());
        ArrayNode array = body.putArray("workflow_runs");
        matching.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(array::add);
        return withRateLimit(json(200, body));
    }

    private synchronized Response listRunJobs(RecordedRequest r, List<String> g) {
        long runId = Long.parseLong(g.get(0));
        if (!runs.containsKey(runId)) {
            return notFound();
        }
        boolean all = "all".equals(query(r).get("filter"));
        int latest = runs.get(runId).path("run_attempt").asInt();
        List<ObjectNode> items = new ArrayList<>();
        for (int attempt = 1; attempt <= latest; attempt++) {
            if (all || attempt == latest) {
                items.addAll(attemptJobs.getOrDefault(runId + "/" + attempt, List.of()));
            }
        }
        ObjectNode body = JSON.createObjectNode().put("total_count", items.size());
        body.putArray("jobs").addAll(items);
        return withRateLimit(json(200, body));
    }

    private Response withRateLimit(Response response) {
        Map<String, String> headers = new HashMap<>(response.headers());
        headers.put("x-ratelimit-limit", "5000");
        headers.put("x-ratelimit-remaining", String.valueOf(5000 - rateLimitUsed.incrementAndGet()));
        headers.put("x-ratelimit-reset", String.valueOf(Instant.now().plusSeconds(3600).getEpochSecond()));
        return new Response(response.status(), headers, response.body());
    }

    private synchronized Response redirectToLog(RecordedRequest r, List<String> g) {
        long id = Long.parseLong(g.get(0));
        if (!logs.containsKey(id)) {
            return notFound();
        }
        return Response.redirect(server.url("/_storage/logs/" + id + "?sig=abc&se=2026-11-26T10%3A10%3A00Z"));
    }

    private synchronized Response serveLog(RecordedRequest r, List<String> g) {
        if (r.header("Authorization") != null) {
            authorizationSentToStorage = true;
            return Response.text(400, "signed URLs take no Authorization header");
        }
        return Response.text(200, logs.get(Long.parseLong(g.get(0))));
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
