package io.github.recoveryaction.plan;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.github.recoveryaction.config.LaneConfig;
import io.github.recoveryaction.workspace.WorkspaceGlob;

/**
 * Decides the {@code auto} lane. In order: a lane fixed in the repository configuration; {@code heavy} when the job
 * ran at least {@code heavy-after} (a docs-only change in a slow workflow is not cheap to re-run); {@code docs} when
 * every changed file matches a documentation pattern; else {@code standard}. Pure: the caller gathers the inputs.
 */
public final class LaneSelector {

    private final LaneConfig config;

    public LaneSelector(LaneConfig config) {
        this.config = config;
    }

    /**
     * @param changedFiles repository-relative paths changed by the pull request or against the merge base; empty
     *        when unknown (then the lane is never {@code docs})
     * @param jobDuration how long the failed job ran, when known
     */
    public LaneDecision select(Optional<List<String>> changedFiles, Optional<Duration> jobDuration) {
        if (config.lane().isPresent()) {
            return new LaneDecision(config.lane().get(), "the repository configuration sets lane "
                    + config.lane().get().id() + ".");
        }
        if (jobDuration.isPresent() && jobDuration.get().compareTo(config.heavyAfter()) >= 0) {
            return new LaneDecision(Lane.HEAVY, "the job ran " + DurationFormat.human(jobDuration.get())
                    + ", at least the heavy-after threshold of " + DurationFormat.human(config.heavyAfter()) + ".");
        }
        if (changedFiles.isPresent() && !changedFiles.get().isEmpty()) {
            List<WorkspaceGlob> globs = config.docsPatterns().stream().map(WorkspaceGlob::of).toList();
            Optional<String> code = changedFiles.get().stream()
                    .filter(f -> globs.stream().noneMatch(g -> g.matches(f.startsWith("./") ? f.substring(2) : f)))
                    .findFirst();
            if (code.isEmpty()) {
                return new LaneDecision(Lane.DOCS, "all " + changedFiles.get().size()
                        + " changed files are documentation.");
            }
            return new LaneDecision(Lane.STANDARD, "changed files include code (" + code.get() + ").");
        }
        return new LaneDecision(Lane.STANDARD, "no changed files or job duration point to another lane.");
    }
}
