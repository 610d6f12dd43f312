package io.github.recoveryaction.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import io.github.recoveryaction.checkpoint.CheckpointStore;
import io.github.recoveryaction.checkpoint.CheckpointStores;
import io.github.recoveryaction.checkpoint.LocalDirectoryCheckpointStore;
import io.github.recoveryaction.checkpoint.StoreKind;
import io.github.recoveryaction.checkpoint.WorkspacePaths;
import io.github.recoveryaction.config.RepositoryConfig;
import io.github.recoveryaction.config.RepositoryConfigLoader;
import io.github.recoveryaction.github.ArtifactRuntime;
import io.github.recoveryaction.github.RunnerEnvironment;
import io.github.recoveryaction.github.WorkflowCommands;
import picocli.CommandLine.Option;

/** Mixin for {@code --workspace}, {@code --store} and {@code --job-key}: where checkpoints are taken and kept. */
public class CheckpointStoreOptions {

    @Option(names = "--workspace", paramLabel = "DIR", description = "The workspace to checkpoint or restore (default: $GITHUB_WORKSPACE, else the current directory).")
    Optional<Path> workspace;

    @Option(names = "--store", paramLabel = "STORE", description = "auto (artifact inside GitHub Actions, else local), local (a folder of the workspace, "
            + ".checkpoints/ by default) or artifact (workflow artifacts of the run). Default: checkpoints.store "
            + "of .github/recovery.yml, else auto.")
    Optional<String> store;

    @Option(names = "--job-key", paramLabel = "KEY", description = "Names this job's checkpoint artifacts (default: $GITHUB_JOB); give matrix jobs one key per "
            + "leg, e.g. build-<os>.")
    Optional<String> jobKey;

    /** Everything a checkpoint command needs, resolved once. */
    record Context(WorkspacePaths workspace, RepositoryConfig config, CheckpointStores stores, StoreKind kind,
            ArtifactRuntime runtime, Consumer<String> warnings) {

        CheckpointStore open(Optional<String> jobKey, Optional<Integer> retentionDays) {
            return stores.open(kind, jobKey, retentionDays);
        }

        Optional<LocalDirectoryCheckpointStore> localStore() {
            return kind == StoreKind.LOCAL ? Optional.of(stores.local()) : Optional.empty();
        }
    }

    Path workspace(RunnerEnvironment environment) {
        return workspace.or(environment::workspace).orElse(Paths.get("")).toAbsolutePath().normalize();
    }

    Context context(RunnerEnvironment environment, PrintWriter err) {
        Path root = workspace(environment);
        RepositoryConfig config = RepositoryConfigLoader.loadFromWorkspace(root);
        return context(environment, err, config);
    }

    Context context(RunnerEnvironment environment, PrintWriter err, RepositoryConfig config) {
        Consumer<String> warnings = warnings(environment, err);
        ArtifactRuntime runtime = ArtifactRuntime.from(environment::find);
        CheckpointStores stores = new CheckpointStores(workspace(environment), config.checkpoints(), runtime,
                Clock.systemUTC(), warnings);
        return new Context(stores.workspacePaths(), config, stores, stores.resolve(store), runtime, warnings);
    }

    Optional<String> jobKey() {
        return jobKey;
    }

    /** Annotations inside GitHub Actions (on stderr, which the runner scans too, so JSON on stdout stays clean). */
    static Consumer<String> warnings(RunnerEnvironment environment, PrintWriter err) {
        if (environment.inGitHubActions()) {
            WorkflowCommands commands = new WorkflowCommands(Optional.empty(), Optional.empty(), err,
                    () -> UUID.randomUUID().toString());
            return commands::warning;
        }
        return message -> {
            err.println("recovery: warning: " + WorkflowCommands.oneLine(message));
            err.flush();
        };
    }
}
