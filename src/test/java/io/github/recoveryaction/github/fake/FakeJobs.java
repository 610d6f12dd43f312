package io.github.recoveryaction.github.fake;

import static io.github.recoveryaction.github.fake.FakeResponses.JSON;
import static io.github.recoveryaction.github.fake.FakeResponses.found;
import static io.github.recoveryaction.github.fake.FakeResponses.json;
import static io.github.recoveryaction.github.fake.FakeResponses.notFound;
import static io.github.recoveryaction.github.fake.FakeResponses.query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.recoveryaction.github.fake.FakeHttpServer.RecordedRequest;
import io.github.recoveryaction.github.fake.FakeHttpServer.Response;

/** The jobs of run attempts for {@link FakeGitHubApi}, with their steps: one job, an attempt's and a run's jobs. */
final class FakeJobs {

    private final FakeHttpServer server;
    private final String repository;
    private final FakeRuns runs;
    private final FakeRateLimit rateLimit;
    private final Map<String, List<ObjectNode>> attemptJobs = new HashMap<>();
    private final Map<Long, ObjectNode> jobs = new HashMap<>();

    FakeJobs(FakeHttpServer server, String repository, FakeRuns runs, FakeRateLimit rateLimit) {
        this.server = server;
        this.repository = repository;
        this.runs = runs;
        this.rateLimit = rateLimit;
        String repo = "/repos/" + repository;
        server.route("GET", repo + "/actions/runs/(\\d+)/attempts/(\\d+)/jobs", this::listAttemptJobs);
        server.route("GET", repo + "/actions/jobs/(\\d+)", (r, g) -> found(find(Long.parseLong(g.get(0))).orElse(null)));
        server.route("GET", repo + "/actions/runs/(\\d+)/jobs", this::listRunJobs);
    }

    /** See {@link FakeGitHubApi#addJob}. */
    synchronized void addJob(long runId, int attempt, long jobId, String name, String status, String conclusion,
            String runnerName, String... steps) {
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
    }

    /** See {@link FakeGitHubApi#addTimedJob}. */
    synchronized void addTimedJob(long runId, int attempt, long jobId, String name, String conclusion, Instant started,
            Instant completed) {
        addJob(runId, attempt, jobId, name, "completed", conclusion, "GitHub Actions " + jobId, "Set up job=success",
                "Run tests=" + conclusion);
        jobs.get(jobId).put("started_at", started.toString()).put("completed_at", completed.toString())
                .put("head_sha", runs.find(runId).orElseThrow().path("head_sha").asText());
    }

    synchronized void stepTimes(long jobId, int stepNumber, String startedAt, String completedAt) {
        ObjectNode step = (ObjectNode) jobs.get(jobId).path("steps").get(stepNumber - 1);
        step.put("started_at", startedAt).put("completed_at", completedAt);
    }

    synchronized Optional<ObjectNode> find(long id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /**
     * Finished jobs ran four minutes on a fixed day; running jobs started two minutes ago, so that a running job's
     * duration (up to now) does not depend on when the test runs.
     */
    private static String startedAt(String conclusion) {
        return conclusion == null
                ? Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS).toString()
                : "2026-11-26T10:00:05Z";
    }

    private synchronized Response listAttemptJobs(RecordedRequest r, List<String> g) {
        List<ObjectNode> list = attemptJobs.get(g.get(0) + "/" + g.get(1));
        if (list == null && runs.find(Long.parseLong(g.get(0))).isEmpty()) {
            return notFound();
        }
        ObjectNode body = JSON.createObjectNode();
        List<ObjectNode> items = list == null ? List.of() : list;
        body.put("total_count", items.size());
        body.putArray("jobs").addAll(items);
        return json(200, body);
    }

    private synchronized Response listRunJobs(RecordedRequest r, List<String> g) {
        long runId = Long.parseLong(g.get(0));
        Optional<ObjectNode> run = runs.find(runId);
        if (run.isEmpty()) {
            return notFound();
        }
        boolean all = "all".equals(query(r).get("filter"));
        int latest = run.get().path("run_attempt").asInt();
        List<ObjectNode> items = new ArrayList<>();
        for (int attempt = 1; attempt <= latest; attempt++) {
            if (all || attempt == latest) {
                items.addAll(attemptJobs.getOrDefault(runId + "/" + attempt, List.of()));
            }
        }
        ObjectNode body = JSON.createObjectNode().put("total_count", items.size());
        body.putArray("jobs").addAll(items);
        return rateLimit.counted(json(200, body));
    }
}
