package io.github.recoveryaction.history;

import java.util.Optional;

/**
 * What a statistics report covers and how it was read.
 *
 * @param window e.g. "last 30 days" or "last 200 runs"
 * @param matching runs GitHub lists for the filter
 * @param fromCache records reused from the cache
 * @param requests API requests the scan sent
 * @param stopped why the scan ended early, when it did
 */
public record StatsScope(String repository, Optional<String> workflow, Optional<String> branch, String window,
        int matching, int fromCache, int requests, Optional<String> stopped) {

    /** "Last 30 days · workflow `ci.yml` · branch `main`". */
    String describe() {
        String text = Character.toUpperCase(window.charAt(0)) + window.substring(1);
        return text + workflow.map(w -> " · workflow `" + w.replace("`", "'") + "`").orElse("")
                + branch.map(b -> " · branch `" + b.replace("`", "'") + "`").orElse("");
    }

    /** One line on the scan: its cost, the cache, and an early stop. */
    String scanNote() {
        return "Read with " + requests + " API requests; " + fromCache + " runs from the cache; " + matching
                + " runs match the filter" + stopped.map(s -> ". Stopped early: " + s).orElse("") + ".";
    }
}
