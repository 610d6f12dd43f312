package io.github.recoveryaction.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Defaults for checkpoint commands; CLI options and action inputs override them.
 *
 * @param store {@code auto}, {@code local} or {@code artifact}
 * @param directory the local store's folder, relative to the workspace
 * @param retentionDays how long artifact checkpoints are kept; empty means the repository's default
 * @param paths globs captured in addition to changed and untracked files
 * @param criticalFiles workspace-relative files {@code recovery validate} requires
 */
public record CheckpointConfig(String store, String directory, Optional<Integer> retentionDays, List<String> paths,
        List<String> criticalFiles) {

    /** The keys of this section of {@code .github/recovery.yml}, in the order the docs list them. */
    public static final List<String> KEYS = List.of("store", "directory", "retention-days", "paths", "critical-files");

    public static final CheckpointConfig DEFAULT = new CheckpointConfig("auto", ".checkpoints", Optional.empty(),
            List.of(), List.of());

    public CheckpointConfig {
        paths = List.copyOf(paths);
        criticalFiles = List.copyOf(criticalFiles);
    }

    static CheckpointConfig parse(ConfigNode node) {
        node.requireOnlyKeys(Set.copyOf(KEYS));
        String store = node.findString("store").orElse(DEFAULT.store());
        if (!Set.of("auto", "local", "artifact").contains(store)) {
            throw node.error("store", "must be one of auto, local, artifact, got '" + store + "'");
        }
        String directory = node.findString("directory").orElse(DEFAULT.directory());
        if (directory.isBlank() || List.of(directory.replace('\\', '/').split("/")).contains("..")) {
            throw node.error("directory", "must be a folder inside the workspace, got '" + directory + "'");
        }
        return new CheckpointConfig(store, directory, node.findInt("retention-days", 1, 400), node.stringList("paths"),
                node.stringList("critical-files"));
    }
}
