package io.github.recoveryaction.github;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The runner values the workflow-artifact store needs, read once from an environment map (tests pass their own):
 * the runtime token and results service for uploads, the run, attempt and job for names, and a GitHub token with
 * {@code actions: read} for reading earlier attempts through the REST API. See {@code spec/github-runtime.md} §3.
 *
 * @param readToken {@code GITHUB_TOKEN}, else the action input {@code github-token}; never printed
 * @param retentionDays {@code GITHUB_RETENTION_DAYS}, the repository's maximum artifact retention
 */
public record ArtifactRuntime(
        Optional<String> runtimeToken,
        Optional<URI> resultsUrl,
        OptionalLong runId,
        int runAttempt,
        Optional<String> job,
        Optional<String> repository,
        URI apiUrl,
        Optional<String> readToken,
        OptionalInt retentionDays,
        Optional<Path> runnerTemp) {

    public static final URI DEFAULT_API_URL = URI.create("https://api.github.com");

    public static ArtifactRuntime from(Map<String, String> environment) {
        return from(name -> Optional.ofNullable(environment.get(name)));
    }

    /** From any variable lookup; blank values count as absent. */
    public static ArtifactRuntime from(Function<String, Optional<String>> lookup) {
        Function<String, Optional<String>> find = name -> lookup.apply(name).map(String::trim).filter(v -> !v.isEmpty());
        return new ArtifactRuntime(
                find.apply("ACTIONS_RUNTIME_TOKEN"),
                find.apply("ACTIONS_RESULTS_URL").map(URI::create),
                number(find.apply("GITHUB_RUN_ID")),
                (int) number(find.apply("GITHUB_RUN_ATTEMPT")).orElse(1),
                find.apply("GITHUB_JOB"),
                find.apply("GITHUB_REPOSITORY"),
                find.apply("GITHUB_API_URL").map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u)
                        .map(URI::create).orElse(DEFAULT_API_URL),
                find.apply("GITHUB_TOKEN").or(() -> find.apply("INPUT_GITHUB-TOKEN")),
                number(find.apply("GITHUB_RETENTION_DAYS")).stream().mapToInt(l -> (int) l).findFirst(),
                find.apply("RUNNER_TEMP").map(Path::of));
    }

    /** True when the runner passed what uploads need: a runtime token, the results service and a run id. */
    public boolean canUpload() {
        return runtimeToken.isPresent() && resultsUrl.isPresent() && runId.isPresent();
    }

    /** True when earlier attempts can be read through the REST API. */
    public boolean canReadRun() {
        return readToken.isPresent() && repository.isPresent() && runId.isPresent();
    }

    private static OptionalLong number(Optional<String> text) {
        try {
            return text.map(t -> OptionalLong.of(Long.parseLong(t))).orElse(OptionalLong.empty());
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Tokens never reach logs or messages. */
    @Override
    public String toString() {
        return "ArtifactRuntime[run=" + runId + ", attempt=" + runAttempt + ", job=" + job + ", repository=" + repository
                + ", results=" + resultsUrl + ", runtimeToken=" + runtimeToken.map(t -> "***") + ", readToken="
                + readToken.map(t -> "***") + "]";
    }
}
