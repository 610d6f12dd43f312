package io.github.recoveryaction.github;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The current run's workflow artifacts: uploads through the results service (runtime token: CreateArtifact, block
 * upload, FinalizeArtifact) and reads through the REST API when a token with {@code actions: read} is there, since
 * only that path reliably reaches earlier attempts. Without a token, or when the API refuses it, reads fall back to
 * the results service, which may answer 404 for earlier attempts (see {@code spec/github-runtime.md}, UNCONFIRMED 1).
 */
public final class WorkflowArtifacts {

    /** Writes an artifact's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final ArtifactRuntime runtime;
    private final RetryingHttpClient http;
    private final Consumer<String> warnings;
    private final int blockSize;
    private TwirpArtifactClient twirp;
    private boolean restRefused;

    public WorkflowArtifacts(ArtifactRuntime runtime, RetryingHttpClient http, Consumer<String> warnings, int blockSize) {
        this.runtime = runtime;
        this.http = http;
        this.warnings = warnings;
        this.blockSize = blockSize;
    }

    public static WorkflowArtifacts create(ArtifactRuntime runtime, Consumer<String> warnings) {
        return new WorkflowArtifacts(runtime, RetryingHttpClient.create(warnings), warnings,
                BlockBlobOutputStream.DEFAULT_BLOCK_SIZE);
    }

    /**
     * Uploads and finalizes an artifact; an upload that fails part-way is never finalized, so no partial artifact
     * appears.
     *
     * @return the artifact's REST id
     */
    public long upload(String name, Optional<Instant> expiresAt, Content content) {
        TwirpArtifactClient service = twirp();
        URI blob = service.createArtifact(name, expiresAt);
        BlockBlobOutputStream out = new BlockBlobOutputStream(http, blob, "application/zip", blockSize,
                BlockBlobOutputStream.DEFAULT_CONCURRENCY);
        try {
            content.writeTo(out);
            out.close();
        } catch (IOException | RuntimeException e) {
            out.abort();
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new GitHubAccessException("upload artifact " + name + " failed: " + e.getMessage(), e);
        }
        return service.finalizeArtifact(name, out.size(), out.sha256());
    }

    /** The run's artifacts (all attempts when the REST API is usable). */
    public List<StoredArtifact> list() {
        if (useRest()) {
            try {
                return rest().list(runtime.runId().orElseThrow());
            } catch (GitHubAccessException e) {
                fallBack(e);
            }
        }
        return twirp().listArtifacts(Optional.empty());
    }

    public void download(StoredArtifact artifact, Path file) {
        if (useRest() && artifact.backendIds().isEmpty()) {
            rest().download(artifact, file);
            return;
        }
        URI url = signedUrl(artifact);
        HttpResponse<Path> response = http.send("download artifact " + artifact.name(), () -> unauthenticatedGet(url),
                HttpResponse.BodyHandlers.ofFile(file));
        if (response.statusCode() / 100 != 2) {
            throw new GitHubAccessException("download artifact " + artifact.name() + " failed: HTTP "
                    + response.statusCode() + " from storage", response.statusCode());
        }
    }

    /** The artifact's bytes as a stream, for reading only its start. */
    public InputStream open(StoredArtifact artifact) {
        if (useRest() && artifact.backendIds().isEmpty()) {
            return rest().open(artifact);
        }
        URI url = signedUrl(artifact);
        HttpResponse<InputStream> response = http.send("download artifact " + artifact.name(),
                () -> unauthenticatedGet(url), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() / 100 != 2) {
            throw new GitHubAccessException("download artifact " + artifact.name() + " failed: HTTP "
                    + response.statusCode() + " from storage", response.statusCode());
        }
        return response.body();
    }

    /**
     * Deletes through the results service, which needs no {@code actions: write}; artifacts it cannot reach (earlier
     * attempts) are deleted through the REST API, which does.
     */
    public void delete(StoredArtifact artifact) {
        if (!runtime.canUpload()) {
            rest().delete(artifact);
            return;
        }
        StoredArtifact withIds = artifact.backendIds().isPresent() ? artifact
                : twirp().listArtifacts(Optional.of(artifact.name())).stream().findFirst().orElse(artifact);
        try {
            twirp().deleteArtifact(withIds);
        } catch (GitHubAccessException e) {
            if (e.status() != 404 || !runtime.canReadRun()) {
                throw e;
            }
            rest().delete(artifact);
        }
    }

    private URI signedUrl(StoredArtifact artifact) {
        try {
            return twirp().signedArtifactUrl(artifact);
        } catch (GitHubAccessException e) {
            if (e.status() == 404) {
                throw new GitHubAccessException("the artifact service cannot hand out artifact " + artifact.name()
                        + " (HTTP 404; it does so only for the current attempt); pass a token with 'actions: read' "
                        + "(github-token) so that earlier attempts are read through the REST API", 404);
            }
            throw e;
        }
    }

    private boolean useRest() {
        return runtime.canReadRun() && !restRefused;
    }

    private void fallBack(GitHubAccessException e) {
        if (!runtime.canUpload() || e.status() != 401 && e.status() != 403 && e.status() != 404) {
            throw e;
        }
        restRefused = true;
        warnings.accept(e.getMessage() + "; reading artifacts through the runner's artifact service instead");
    }

    private RunArtifactsApi rest() {
        return new RunArtifactsApi(http, runtime.apiUrl(), runtime.repository().orElseThrow(),
                runtime.readToken().orElseThrow());
    }

    private TwirpArtifactClient twirp() {
        if (twirp == null) {
            if (!runtime.canUpload()) {
                throw new GitHubAccessException("the artifact store needs ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL and "
                        + "GITHUB_RUN_ID, which the runner sets only inside GitHub Actions; use --store local elsewhere", 0);
            }
            String token = runtime.runtimeToken().orElseThrow();
            twirp = new TwirpArtifactClient(http, runtime.resultsUrl().orElseThrow(), token,
                    BackendIds.fromRuntimeToken(token));
        }
        return twirp;
    }

    private static HttpRequest unauthenticatedGet(URI url) {
        return HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(10)).GET().build();
    }
}
