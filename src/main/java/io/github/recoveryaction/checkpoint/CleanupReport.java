package io.github.recoveryaction.checkpoint;

import java.util.List;

/**
 * What {@code recovery cleanup} removed, or would remove with {@code --dry-run}.
 *
 * @param removed each path or checkpoint with its size
 * @param kept candidates left in place and why (tracked by git)
 */
public record CleanupReport(boolean dryRun, List<Removal> removed, List<String> kept) {

    /** @param kind {@code cache}, {@code checkpoint} or {@code leftover} */
    public record Removal(String path, String kind, long bytes) {
    }

    public CleanupReport {
        removed = List.copyOf(removed);
        kept = List.copyOf(kept);
    }

    public long bytes() {
        return removed.stream().mapToLong(Removal::bytes).sum();
    }
}
