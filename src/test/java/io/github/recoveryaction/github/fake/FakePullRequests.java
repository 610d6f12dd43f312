package io.github.recoveryaction.github.fake;

import static io.github.recoveryaction.github.fake.FakeResponses.JSON;
import static io.github.recoveryaction.github.fake.FakeResponses.forbidden;
import static io.github.recoveryaction.github.fake.FakeResponses.found;
import static io.github.recoveryaction.github.fake.FakeResponses.json;
import static io.github.recoveryaction.github.fake.FakeResponses.notFound;
import static io.github.recoveryaction.github.fake.FakeResponses.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.recoveryaction.github.fake.FakeHttpServer.RecordedRequest;
import io.github.recoveryaction.github.fake.FakeHttpServer.Response;

/**
 * Pull requests and their comments for {@link FakeGitHubApi}: the pulls of a commit, open pulls by head, issues,
 * and comments that can be listed, created and updated (or refused, as for a fork's read-only token).
 */
final class FakePullRequests {

    private final FakeHttpServer server;
    private final String repository;
    private final AtomicLong ids;
    private final Map<Integer, ObjectNode> pulls = new LinkedHashMap<>();
    private final Map<String, List<Integer>> commitPulls = new HashMap<>();
    private final Map<Integer, List<ObjectNode>> comments = new HashMap<>();
    private volatile boolean readOnlyToken;

    FakePullRequests(FakeHttpServer server, String repository, AtomicLong ids) {
        this.server = server;
        this.repository = repository;
        this.ids = ids;
        String repo = "/repos/" + repository;
        server.route("GET", repo + "/commits/([0-9a-f]+)/pulls", this::listCommitPulls);
        server.route("GET", repo + "/pulls", this::listPulls);
        server.route("GET", repo + "/issues/(\\d+)", (r, g) -> found(issueJson(Integer.parseInt(g.get(0)))));
        server.route("GET", repo + "/issues/(\\d+)/comments", this::listComments);
        server.route("POST", repo + "/issues/(\\d+)/comments", this::createComment);
        server.route("PATCH", repo + "/issues/comments/(\\d+)", this::updateComment);
    }

    synchronized void addPullRequest(int number, String headSha, String headLabel, String state) {
        ObjectNode pr = JSON.createObjectNode().put("id", 1000 + number).put("number", number).put("state", state)
                .put("title", "Change " + number)
                .put("url", server.url("/repos/" + repository + "/pulls/" + number))
                .put("html_url", "https://github.com/" + repository + "/pull/" + number);
        pr.putObject("head").put("label", headLabel).put("ref", headLabel.substring(headLabel.indexOf(':') + 1))
                .put("sha", headSha);
        pr.putObject("base").put("label", repository.split("/")[0] + ":main").put("ref", "main").put("sha", "base0");
        pulls.put(number, pr);
        commitPulls.computeIfAbsent(headSha, k -> new ArrayList<>()).add(number);
    }

    /** Makes comment writes answer 403 "Resource not accessible by integration", like a fork's read-only token. */
    void readOnlyToken(boolean readOnly) {
        this.readOnlyToken = readOnly;
    }

    synchronized void addComment(int issue, String author, String body) {
        comments.computeIfAbsent(issue, k -> new ArrayList<>()).add(commentJson(issue, author, body));
    }

    synchronized List<String> commentBodies(int issue) {
        return comments.getOrDefault(issue, List.of()).stream().map(c -> c.path("body").asText()).toList();
    }

    private synchronized Response listCommitPulls(RecordedRequest r, List<String> g) {
        ArrayNode array = JSON.createArrayNode();
        commitPulls.getOrDefault(g.get(0), List.of()).forEach(n -> array.add(pulls.get(n)));
        return json(200, array);
    }

    private synchronized Response listPulls(RecordedRequest r, List<String> g) {
        Map<String, String> query = query(r);
        ArrayNode array = JSON.createArrayNode();
        for (ObjectNode pr : pulls.values()) {
            boolean stateMatches = query.getOrDefault("state", "open").equals("all")
                    || pr.path("state").asText().equals(query.getOrDefault("state", "open"));
            boolean headMatches = !query.containsKey("head")
                    || pr.path("head").path("label").asText().equals(query.get("head"));
            if (stateMatches && headMatches) {
                array.add(pr);
            }
        }
        return json(200, array);
    }

    private synchronized Response listComments(RecordedRequest r, List<String> g) {
        int issue = Integer.parseInt(g.get(0));
        if (issueJson(issue) == null) {
            return notFound();
        }
        ArrayNode array = JSON.createArrayNode();
        comments.getOrDefault(issue, List.of()).forEach(array::add);
        return json(200, array);
    }

    private synchronized Response createComment(RecordedRequest r, List<String> g) throws IOException {
        if (readOnlyToken) {
            return forbidden();
        }
        int issue = Integer.parseInt(g.get(0));
        ObjectNode comment = commentJson(issue, FakeGitHubApi.BOT, JSON.readTree(r.body()).path("body").asText());
        comments.computeIfAbsent(issue, k -> new ArrayList<>()).add(comment);
        return json(201, comment);
    }

    private synchronized Response updateComment(RecordedRequest r, List<String> g) throws IOException {
        if (readOnlyToken) {
            return forbidden();
        }
        long id = Long.parseLong(g.get(0));
        Optional<ObjectNode> comment = comments.values().stream().flatMap(List::stream)
                .filter(c -> c.path("id").asLong() == id).findFirst();
        if (comment.isEmpty()) {
            return notFound();
        }
        comment.get().put("body", JSON.readTree(r.body()).path("body").asText())
                .put("updated_at", "2026-11-26T11:00:00Z");
        return json(200, comment.get());
    }

    private ObjectNode commentJson(int issue, String author, String body) {
        long id = ids.incrementAndGet();
        ObjectNode c = JSON.createObjectNode().put("id", id).put("node_id", "IC_" + id)
                .put("url", server.url("/repos/" + repository + "/issues/comments/" + id))
                .put("html_url", "https://github.com/" + repository + "/pull/" + issue + "#issuecomment-" + id)
                .put("body", body).put("created_at", "2026-11-26T10:30:00Z").put("updated_at", "2026-11-26T10:30:00Z")
                .put("author_association", "NONE");
        c.putObject("user").put("login", author).put("id", 41898282).put("type", author.endsWith("[bot]") ? "Bot" : "User");
        return c;
    }

    synchronized ObjectNode issueJson(int number) {
        ObjectNode pr = pulls.get(number);
        if (pr == null) {
            return null;
        }
        ObjectNode issue = JSON.createObjectNode().put("id", 2000 + number).put("number", number)
                .put("title", pr.path("title").asText()).put("state", pr.path("state").asText())
                .put("url", server.url("/repos/" + repository + "/issues/" + number))
                .put("html_url", pr.path("html_url").asText())
                .put("comments_url", server.url("/repos/" + repository + "/issues/" + number + "/comments"));
        issue.putObject("pull_request").put("url", pr.path("url").asText());
        return issue;
    }
}
