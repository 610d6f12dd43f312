package io.github.recoveryaction.github;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The public REST API's view of a run's artifacts, which spans all attempts of the run (the results service's own
 * listing and download can be limited to the current attempt, see {@code spec/github-runtime.md} §3.7). Needs a
 * token with {@code actions: read}; downloads follow GitHub's redirect to storage without the token.
 */
public final class RunArtifactsApi {

    /** What {@code @actions/artifact} reads at most. */
    static final int MAX_ARTIFACTS = 1000;
    private static final int PAGE_SIZE = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RetryingHttpClient http;
    private final URI apiUrl;
    private final String repository;
    private final String token;

    public RunArtifactsApi(RetryingHttpClient http, URI apiUrl, String repository, String token) {
        this.http = http;
        this.apiUrl = apiUrl;
        this.repository = repository;
        this.token = token;
    }

    /** The run's artifacts that have not expired, all attempts, in the API's order. */
    public List<StoredArtifact> list(long runId) {
        List<StoredArtifact> artifacts = new ArrayList<>();
        for (int page = 1; artifacts.size() < MAX_ARTIFACTS; page++) {
            String path = "/repos/" + repository + "/actions/runs/" + runId + "/artifacts?per_page=" + PAGE_SIZE + "&page="
                    + page;
            JsonNode body = getJson("list the artifacts of run " + runId, path);
            JsonNode items = body.path("artifacts");
            for (JsonNode a : items) {
                if (!a.path("expired").asBoolean(false)) {
                    artifacts.add(new StoredArtifact(a.path("id").asLong(), a.path("name").asText(),
                            a.path("size_in_bytes").asLong(), instant(a.path("created_at").asText()),
                            Optional.ofNullable(a.get("digest")).filter(JsonNode::isTextual).map(JsonNode::asText),
                            Optional.empty()));
                }
            }
            if (items.size() < PAGE_SIZE || page * PAGE_SIZE >= body.path("total_count").asInt(Integer.MAX_VALUE)) {
                break;
            }
        }
        return artifacts;
    }

    /** Downloads the artifact (a zip) into {@code file}; a dropped connection is retried as a whole. */
    public void download(StoredArtifact artifact, Path file) {
        HttpResponse<Path> response = http.send("download artifact " + artifact.name(),
                () -> get(zipPath(artifact)), HttpResponse.BodyHandlers.ofFile(file));
        requireOk("download artifact " + artifact.name(), response.statusCode());
    }

    /** The artifact's bytes as a stream, for reading the start of it; the caller closes it. */
    public InputStream open(StoredArtifact artifact) {
        HttpResponse<InputStream> response = http.send("download artifact " + artifact.name(),
                () -> get(zipPath(artifact)), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() / 100 != 2) {
            try (InputStream ignored = response.body()) {
                requireOk("download artifact " + artifact.name(), response.statusCode());
            } catch (IOException e) {
                // the error status is what matters
            }
        }
        return response.body();
    }

    /** Needs {@code actions: write}. */
    public void delete(StoredArtifact artifact) {
        HttpResponse<String> response = http.send("delete artifact " + artifact.name(), () -> HttpRequest.newBuilder(
                apiUrl.resolve(apiPath("/repos/" + repository + "/actions/artifacts/" + artifact.id())))
                .header("Authorization", "Bearer " + token).header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28").timeout(Duration.ofSeconds(60)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 404) {
            requireOk("delete artifact " + artifact.name(), response.statusCode());
        }
    }

    private String zipPath(StoredArtifact artifact) {
        return "/repos/" + repository + "/actions/artifacts/" + artifact.id() + "/zip";
    }

    private JsonNode getJson(String what, String path) {
        HttpResponse<byte[]> response = http.send(what, () -> get(path), HttpResponse.BodyHandlers.ofByteArray());
        requireOk(what, response.statusCode());
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new GitHubAccessException(what + ": the API answered with invalid JSON", response.statusCode());
        }
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(apiUrl.resolve(apiPath(path))).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token).header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28").GET().build();
    }

    /** {@code GITHUB_API_URL} may carry a path (GitHub Enterprise: {@code /api/v3}). */
    private String apiPath(String path) {
        String prefix = apiUrl.getRawPath() == null ? "" : apiUrl.getRawPath();
        return (prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix) + path;
    }

    private static void requireOk(String what, int status) {
        if (status / 100 == 2) {
            return;
        }
        String hint = switch (status) {
            case 401 -> " (the token was refused)";
            case 403, 404 -> " (give the workflow 'permissions: actions: read' and pass its token)";
            case 410 -> " (the artifact has expired)";
            default -> "";
        };
        throw new GitHubAccessException(what + " failed: HTTP " + status + hint, status);
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
