package io.github.recoveryaction.github.fake;

import static io.github.recoveryaction.github.fake.FakeResponses.JSON;
import static io.github.recoveryaction.github.fake.FakeResponses.json;
import static io.github.recoveryaction.github.fake.FakeResponses.notFound;
import static io.github.recoveryaction.github.fake.FakeResponses.query;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.recoveryaction.github.fake.FakeHttpServer.RecordedRequest;
import io.github.recoveryaction.github.fake.FakeHttpServer.Response;

/**
 * The REST artifact endpoints of {@link FakeGitHubApi}: listings of a run's and the repository's artifacts, and the
 * zip download through a redirect to a signed-URL-like path under {@code /_storage/artifacts/}.
 */
final class FakeRestArtifacts {

    private final FakeHttpServer server;
    private final String repository;
    private final AtomicLong ids;
    private final Runnable storageSawAuthorization;
    private final Map<Long, ObjectNode> artifacts = new LinkedHashMap<>();
    private final Map<Long, Long> artifactRuns = new HashMap<>();
    private final Map<Long, byte[]> artifactZips = new HashMap<>();

    FakeRestArtifacts(FakeHttpServer server, String repository, AtomicLong ids, Runnable storageSawAuthorization) {
        this.server = server;
        this.repository = repository;
        this.ids = ids;
        this.storageSawAuthorization = storageSawAuthorization;
    }

    /** Routes the endpoints (again: the route added last wins when another fake serves them too). */
    void route() {
        String repo = "/repos/" + repository;
        server.route("GET", repo + "/actions/runs/(\\d+)/artifacts", this::listRunArtifacts);
        server.route("GET", repo + "/actions/artifacts", this::listRepositoryArtifacts);
        server.route("GET", repo + "/actions/artifacts/(\\d+)/zip", this::redirectToArtifact);
        server.route("GET", "/_storage/artifacts/(\\d+)", this::serveArtifact);
    }

    /** Adds an artifact of a run, a zip of {@code files} (path → content); {@code runId} 0 is the action's own run. */
    synchronized long addArtifact(long runId, String name, String createdAt, Map<String, String> files) {
        long id = ids.incrementAndGet();
        byte[] zip = zip(files);
        ObjectNode a = JSON.createObjectNode().put("id", id).put("node_id", "MDg6QXJ0aWZhY3Q" + id).put("name", name)
                .put("size_in_bytes", zip.length)
                .put("archive_download_url", server.url("/repos/" + repository + "/actions/artifacts/" + id + "/zip"))
                .put("expired", false).put("created_at", createdAt).put("updated_at", createdAt)
                .put("expires_at", "2027-02-24T10:00:00Z").put("digest", "sha256:0");
        a.putObject("workflow_run").put("id", runId).put("head_branch", "main");
        artifacts.put(id, a);
        artifactRuns.put(id, runId);
        artifactZips.put(id, zip);
        return id;
    }

    /** The files of an artifact, by name, as stored. */
    synchronized Map<String, String> artifactFiles(long id) {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(artifactZips.get(id)))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                files.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private synchronized Response listRunArtifacts(RecordedRequest r, List<String> g) {
        long runId = Long.parseLong(g.get(0));
        return artifactList(a -> artifactRuns.get(a.path("id").asLong()) == runId);
    }

    private synchronized Response listRepositoryArtifacts(RecordedRequest r, List<String> g) {
        String name = query(r).get("name");
        return artifactList(a -> name == null || name.equals(a.path("name").asText()));
    }

    private Response artifactList(Predicate<ObjectNode> filter) {
        ArrayNode list = JSON.createArrayNode();
        artifacts.values().stream().filter(filter)
                .sorted((a, b) -> b.path("created_at").asText().compareTo(a.path("created_at").asText()))
                .forEach(list::add);
        ObjectNode body = JSON.createObjectNode().put("total_count", list.size());
        body.set("artifacts", list);
        return json(200, body);
    }

    private synchronized Response redirectToArtifact(RecordedRequest r, List<String> g) {
        long id = Long.parseLong(g.get(0));
        return artifacts.containsKey(id) ? Response.redirect(server.url("/_storage/artifacts/" + id + "?sig=zip"))
                : notFound();
    }

    private synchronized Response serveArtifact(RecordedRequest r, List<String> g) {
        if (r.header("Authorization") != null) {
            storageSawAuthorization.run();
            return Response.text(400, "signed URLs take no Authorization header");
        }
        byte[] zip = artifactZips.get(Long.parseLong(g.get(0)));
        return zip == null ? notFound() : new Response(200, Map.of("Content-Type", "application/zip"), zip);
    }

    private static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
