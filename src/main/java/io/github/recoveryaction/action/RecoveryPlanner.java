package io.github.recoveryaction.action;

/** Plans the recovery of one failed job; the report's port to the planner. */
@FunctionalInterface
public interface RecoveryPlanner {

    /** @param lane the lane asked for: {@code auto} or a lane id */
    PlanView plan(JobFailure failure, String lane);
}
