package io.github.recoveryaction.github;

import java.util.List;

/**
 * One page of a runs listing, newest first.
 *
 * @param totalCount how many runs match the filter in all
 */
public record RunPage(List<RunSummary> runs, int totalCount) {

    public RunPage {
        runs = List.copyOf(runs);
    }
}
