package io.github.recoveryaction.github;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The runner's artifact service ({@code github.actions.results.api.v1.ArtifactService}) over Twirp: JSON POSTs to
 * {@code <results origin>/twirp/<service>/<Method>} with the runtime token. Requests use proto field names
 * (snake_case) and {@code int64} as strings; responses are read leniently ({@link JsonFields}).
 */
public final class TwirpArtifactClient {

    /** The protocol version {@code @actions/artifact} 2.x-5.x sends: the uploaded blob is a zip. */
    static final int ARTIFACT_VERSION = 4;
    private static final String SERVICE = "/twirp/github.actions.results.api.v1.ArtifactService/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RetryingHttpClient http;
    private final URI base;
    private final String token;
    private final BackendIds ids;

    public TwirpArtifactClient(RetryingHttpClient http, URI resultsUrl, String token, BackendIds ids) {
        this.http = http;
        this.base = URI.create(resultsUrl.getScheme() + "://" + resultsUrl.getRawAuthority());
        this.token = token;
        this.ids = ids;
    }

    /** Starts an upload; the answer is the signed blob URL to upload to. A 409 means the name is taken. */
    public URI createArtifact(String name, Optional<Instant> expiresAt) {
        ObjectNode body = request(ids, name);
        expiresAt.ifPresent(t -> body.put("expires_at", t.toString()));
        body.put("version", ARTIFACT_VERSION);
        JsonNode answer = call("CreateArtifact", "create artifact " + name, body);
        if (!JsonFields.bool(answer, "ok")) {
            throw new GitHubAccessException("create artifact " + name + " was refused by the artifact service", 0);
        }
        return JsonFields.text(answer, "signed_upload_url").map(URI::create).orElseThrow(
                () -> new GitHubAccessException("create artifact " + name + ": the answer has no signed upload URL", 0));
    }

    /** Makes an uploaded artifact visible; returns its REST id. */
    public long finalizeArtifact(String name, long size, String sha256) {
        ObjectNode body = request(ids, name);
        body.put("size", Long.toString(size));
        body.put("hash", sha256);
        JsonNode answer = call("FinalizeArtifact", "finalize artifact " + name, body);
        if (!JsonFields.bool(answer, "ok")) {
            throw new GitHubAccessException("finalize artifact " + name + " was refused by the artifact service", 0);
        }
        return JsonFields.int64(answer, "artifact_id").orElse(0);
    }

    /** The run's finalized artifacts, optionally those with one exact name. */
    public List<StoredArtifact> listArtifacts(Optional<String> nameFilter) {
        ObjectNode body = JSON.createObjectNode();
        body.put("workflow_run_backend_id", ids.workflowRunBackendId());
        body.put("workflow_job_run_backend_id", ids.workflowJobRunBackendId());
        nameFilter.ifPresent(n -> body.put("name_filter", n));
        JsonNode answer = call("ListArtifacts", "list artifacts", body);
        List<StoredArtifact> artifacts = new ArrayList<>();
        JsonNode list = JsonFields.field(answer, "artifacts");
        if (list != null) {
            for (JsonNode a : list) {
                artifacts.add(new StoredArtifact(JsonFields.int64(a, "database_id").orElse(0),
                        JsonFields.text(a, "name").orElse(""), JsonFields.int64(a, "size").orElse(0),
                        JsonFields.text(a, "created_at").flatMap(TwirpArtifactClient::instant).orElse(Instant.EPOCH),
                        JsonFields.text(a, "digest"),
                        Optional.of(new BackendIds(JsonFields.text(a, "workflow_run_backend_id").orElse(""),
                                JsonFields.text(a, "workflow_job_run_backend_id").orElse("")))));
            }
        }
        return artifacts;
    }

    /** A short-lived download URL; the ids must be those the listing returned for the artifact. */
    public URI signedArtifactUrl(StoredArtifact artifact) {
        JsonNode answer = call("GetSignedArtifactURL", "get a download URL for artifact " + artifact.name(),
                request(artifact.backendIds().orElse(ids), artifact.name()));
        return JsonFields.text(answer, "signed_url").filter(u -> !u.isEmpty()).map(URI::create)
                .orElseThrow(() -> new GitHubAccessException("artifact " + artifact.name() + " has no download URL", 404));
    }

    /** Deletes by name, with the run and job ids the listing reports for it when known. */
    public void deleteArtifact(StoredArtifact artifact) {
        call("DeleteArtifact", "delete artifact " + artifact.name(), request(artifact.backendIds().orElse(ids),
                artifact.name()));
    }

    private static ObjectNode request(BackendIds ids, String name) {
        ObjectNode body = JSON.createObjectNode();
        body.put("workflow_run_backend_id", ids.workflowRunBackendId());
        body.put("workflow_job_run_backend_id", ids.workflowJobRunBackendId());
        body.put("name", name);
        return body;
    }

    private JsonNode call(String method, String what, ObjectNode body) {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpResponse<byte[]> response = http.send(what, () -> HttpRequest.newBuilder(base.resolve(SERVICE + method))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw new GitHubAccessException(what + " failed: " + describeError(response), response.statusCode());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new GitHubAccessException(what + ": the artifact service answered with invalid JSON", response.statusCode());
        }
    }

    private static String describeError(HttpResponse<byte[]> response) {
        String detail = "";
        try {
            JsonNode error = JSON.readTree(response.body());
            detail = error.path("msg").asText(error.path("code").asText(""));
        } catch (IOException e) {
            // not a Twirp error body
        }
        String hint = switch (response.statusCode()) {
            case 401, 403 -> " (the runtime token was refused)";
            case 409 -> " (an artifact with this name already exists in the run)";
            default -> detail.contains("insufficient usage") ? " (the artifact storage quota is used up)" : "";
        };
        return "HTTP " + response.statusCode() + (detail.isEmpty() ? "" : " " + detail) + hint;
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
