package io.github.recoveryaction.plan;

import java.util.List;
import java.util.Optional;

import io.github.recoveryaction.classify.FailureType;

/**
 * The ordered recovery actions for one failure in one lane, plus where to turn when they do not work.
 *
 * @param failureType the failure the plan is for
 * @param lane the lane the plan was made for
 * @param laneReason why this lane was chosen, when it was chosen automatically
 * @param actions in the order to try them; never empty
 * @param escalation the path when every action failed
 */
public record RecoveryPlan(
        FailureType failureType,
        Lane lane,
        Optional<String> laneReason,
        List<RecoveryAction> actions,
        Escalation escalation) {

    public RecoveryPlan {
        actions = List.copyOf(actions);
    }

    /** The recommended action, when the failure type has one. */
    public Optional<RecoveryAction> findRecommended() {
        return actions.stream().filter(RecoveryAction::recommended).findFirst();
    }

    public RecoveryPlan withLaneReason(String reason) {
        return new RecoveryPlan(failureType, lane, Optional.of(reason), actions, escalation);
    }
}
