package io.github.recoveryaction.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What {@code recovery cleanup} removes.
 *
 * @param paths globs of caches and temporary build leftovers, relative to the workspace; empty means the
 *        defaults of the ecosystems detected in the workspace
 * @param olderThan age from which checkpoints are removed
 */
public record CleanupConfig(List<String> paths, Duration olderThan) {

    /** The keys of this section of {@code .github/recovery.yml}, in the order the docs list them. */
    public static final List<String> KEYS = List.of("paths", "older-than");

    public static final Duration DEFAULT_OLDER_THAN = Duration.ofDays(7);
    public static final CleanupConfig DEFAULT = new CleanupConfig(List.of(), DEFAULT_OLDER_THAN);

    static CleanupConfig parse(ConfigNode node) {
        node.requireOnlyKeys(Set.copyOf(KEYS));
        return new CleanupConfig(node.stringList("paths"), node.findDuration("older-than").orElse(DEFAULT_OLDER_THAN));
    }
}
