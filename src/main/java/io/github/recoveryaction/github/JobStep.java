package io.github.recoveryaction.github;

import java.time.Instant;
import java.util.Optional;

/** One step of a job from the jobs API; {@code number} is the step's position, "Set up job" being 1. */
public record JobStep(int number, String name, String status, Optional<String> conclusion, Optional<Instant> startedAt,
        Optional<Instant> completedAt) {

    public boolean failed() {
        return conclusion.filter(c -> c.equals("failure") || c.equals("timed_out")).isPresent();
    }
}
