package io.github.recoveryaction.github.fake;

import static io.github.recoveryaction.github.fake.FakeResponses.JSON;
import static io.github.recoveryaction.github.fake.FakeResponses.found;
import static io.github.recoveryaction.github.fake.FakeResponses.json;
import static io.github.recoveryaction.github.fake.FakeResponses.notFound;
import static io.github.recoveryaction.github.fake.FakeResponses.query;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.recoveryaction.github.fake.FakeHttpServer.RecordedRequest;
import io.github.recoveryaction.github.fake.FakeHttpServer.Response;

/**
 * Workflow runs for {@link FakeGitHubApi}: a run, one attempt of it, and the listings of the repository's and a
 * workflow's runs, newest first, filtered and paged as GitHub does.
 */
final class FakeRuns {

    private final FakeHttpServer server;
    private final String repository;
    private final FakeRateLimit rateLimit;
    private final Map<Long, ObjectNode> runs = new HashMap<>();
    private final Map<String, String> attemptStarts = new HashMap<>();

    FakeRuns(FakeHttpServer server, String repository, FakeRateLimit rateLimit) {
        this.server = server;
        this.repository = repository;
        this.rateLimit = rateLimit;
        String repo = "/repos/" + repository;
        server.route("GET", repo + "/actions/runs/(\\d+)", (r, g) -> found(find(Long.parseLong(g.get(0))).orElse(null)));
        server.route("GET", repo + "/actions/runs", (r, g) -> listRuns(r, null));
        server.route("GET", repo + "/actions/workflows/([^/]+)/runs", (r, g) -> listRuns(r, g.get(0)));
        server.route("GET", repo + "/actions/runs/(\\d+)/attempts/(\\d+)", this::runAttempt);
    }

    /** Adds a run; {@code pullRequests} is what GitHub lists in the run (empty for forks). */
    synchronized void addRun(long id, int attempt, String event, String status, String conclusion, String headSha,
            String headBranch, int... pullRequests) {
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
    }

    /** See {@link FakeGitHubApi#addHistoryRun}. */
    synchronized void addHistoryRun(long id, String workflowPath, String branch, String headSha, String conclusion,
            int attempt, Instant created, Instant updated) {
        addRun(id, attempt, "push", "completed", conclusion, headSha, branch);
        String name = workflowPath.substring(workflowPath.lastIndexOf('/') + 1).replace(".yml", "");
        runs.get(id)
                .put("workflow_id",
                        workflowPath.endsWith("/ci.yml") ? 159038 : 100_000 + Math.abs(workflowPath.hashCode() % 1000))
                .put("path", workflowPath)
                .put("name", name).put("created_at", created.toString()).put("run_started_at", created.toString())
                .put("updated_at", updated.toString());
    }

    synchronized Optional<ObjectNode> find(long id) {
        return Optional.ofNullable(runs.get(id));
    }

    synchronized void attemptStarted(long runId, int attempt, String instant) {
        attemptStarts.put(runId + "/" + attempt, instant);
    }

    synchronized void details(long runId, String createdAt, long workflowId, String path) {
        runs.get(runId).put("created_at", createdAt).put("workflow_id", workflowId).put("path", path);
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
        return rateLimit.counted(json(200, body));
    }
}
