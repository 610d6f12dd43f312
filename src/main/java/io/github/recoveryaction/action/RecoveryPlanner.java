package io.github.recoveryaction.action;

import java.time.Duration;
import java.util.Optional;

import io.github.recoveryaction.classify.Classification;

/** Plans the recovery of one classified failure; the report's port to the planner and its renderers. */
@FunctionalInterface
public interface RecoveryPlanner {

    /**
     * @param lane the lane asked for ({@code auto} or a lane id)
     * @param jobDuration how long the failed job ran, when known (long jobs take the heavy lane)
     */
    PlanView plan(Classification classification, String lane, Optional<Duration> jobDuration);
}
