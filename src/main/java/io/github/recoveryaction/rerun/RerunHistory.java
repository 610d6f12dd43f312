package io.github.recoveryaction.rerun;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What earlier runs tell the decision; asked only when a verdict needs it, since each answer costs API calls. */
public interface RerunHistory {

    RerunHistory NONE = new RerunHistory() {
        @Override
        public List<Duration> successfulDurations(String job, Optional<String> step) {
            return List.of();
        }

        @Override
        public Set<String> knownFlakyTests() {
            return Set.of();
        }
    };

    /**
     * How long the job ({@code step} empty) or its step took in recent successful runs of the same workflow, newest
     * first; empty when no such run was found.
     */
    List<Duration> successfulDurations(String job, Optional<String> step);

    /** Tests the action has found flaky in earlier runs of the repository. */
    Set<String> knownFlakyTests();
}
