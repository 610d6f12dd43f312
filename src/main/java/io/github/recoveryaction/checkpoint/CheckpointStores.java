package io.github.recoveryaction.checkpoint;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import io.github.recoveryaction.InvalidInputException;
import io.github.recoveryaction.config.CheckpointConfig;
import io.github.recoveryaction.github.ArtifactRuntime;
import io.github.recoveryaction.github.WorkflowArtifacts;

/** Opens the store a command asked for, from its options, the repository configuration and the runner's values. */
public final class CheckpointStores {

    private final Path workspace;
    private final CheckpointConfig config;
    private final ArtifactRuntime runtime;
    private final Clock clock;
    private final Consumer<String> warnings;

    public CheckpointStores(Path workspace, CheckpointConfig config, ArtifactRuntime runtime, Clock clock,
            Consumer<String> warnings) {
        this.workspace = workspace.toAbsolutePath().normalize();
        this.config = config;
        this.runtime = runtime;
        this.clock = clock;
        this.warnings = warnings;
    }

    /** The workspace with the local store's folder excluded from capture and restore. */
    public WorkspacePaths workspacePaths() {
        Path store = localDirectory();
        return new WorkspacePaths(workspace, store.startsWith(workspace) ? workspace.relativize(store).toString() : "");
    }

    public StoreKind resolve(Optional<String> requested) {
        String id = requested.orElse(config.store());
        StoreKind kind = StoreKind.findById(id).orElseThrow(() -> new InvalidInputException("--store must be one of "
                + StoreKind.knownIds() + ", got '" + id + "'"));
        if (kind == StoreKind.AUTO) {
            return runtime.canUpload() ? StoreKind.ARTIFACT : StoreKind.LOCAL;
        }
        return kind;
    }

    public LocalDirectoryCheckpointStore local() {
        return new LocalDirectoryCheckpointStore(localDirectory(), config.directory());
    }

    /**
     * @param jobKey overrides {@code GITHUB_JOB}, e.g. to keep matrix legs apart
     * @param retentionDays overrides the configured retention
     */
    public CheckpointStore open(StoreKind kind, Optional<String> jobKey, Optional<Integer> retentionDays) {
        if (resolveAuto(kind) == StoreKind.LOCAL) {
            return local();
        }
        if (!runtime.canUpload()) {
            throw new InvalidInputException("--store artifact needs the runner's ACTIONS_RUNTIME_TOKEN, "
                    + "ACTIONS_RESULTS_URL and GITHUB_RUN_ID; outside GitHub Actions use --store local");
        }
        String job = jobKey.or(runtime::job).orElseThrow(() -> new InvalidInputException(
                "--store artifact needs the job's key: GITHUB_JOB is not set, pass --job-key"));
        Path scratch = runtime.runnerTemp().orElse(Path.of(System.getProperty("java.io.tmpdir")));
        return new ArtifactCheckpointStore(WorkflowArtifacts.create(runtime, warnings), new ArtifactNames(job),
                runtime.runAttempt(), retentionDays.or(config::retentionDays).map(this::expiry), scratch,
                "artifacts of run " + runtime.runId().orElseThrow() + " (job " + job + ")");
    }

    /** Retention beyond the repository's maximum is cut to it, as {@code actions/upload-artifact} does. */
    private Instant expiry(int requestedDays) {
        int days = requestedDays;
        if (runtime.retentionDays().isPresent() && days > runtime.retentionDays().getAsInt()) {
            days = runtime.retentionDays().getAsInt();
            warnings.accept("retention of " + requestedDays + " days exceeds the repository's maximum of " + days
                    + " days (GITHUB_RETENTION_DAYS); using " + days);
        }
        return clock.instant().plus(Duration.ofDays(days));
    }

    private StoreKind resolveAuto(StoreKind kind) {
        return kind == StoreKind.AUTO ? (runtime.canUpload() ? StoreKind.ARTIFACT : StoreKind.LOCAL) : kind;
    }

    private Path localDirectory() {
        return workspace.resolve(config.directory()).normalize();
    }
}
