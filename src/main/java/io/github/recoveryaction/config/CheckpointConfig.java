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
 */
public record CheckpointConfig(String store, String directory, Optional<Integer> retentionDays, List<String> paths) {

    public static final CheckpointConfig DEFAULT = new CheckpointConfig("auto", ".checkpoints", Optional.empty(),
            List.of());

    static CheckpointConfig parse(ConfigNode node) {
        node.requireOnlyKeys(Set.of("store", "directory", "retention-days", "paths"));
        String store = node.findString("store").orElse(DEFAULT.store());
        if (!Set.of("auto", "local", "artifact").contains(store)) {
            throw node.error("store", "must be one of auto, local, artifact, got '" + store + "'");
        }
        return new CheckpointConfig(store, node.findString("directory").orElse(DEFAULT.directory()),
                node.findInt("retention-days", 1, 400), node.stringList("paths"));
    }
}
