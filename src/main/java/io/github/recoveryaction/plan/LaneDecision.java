package io.github.recoveryaction.plan;

/**
 * The lane chosen for a plan and why, for the report ("heavy: the job ran 42m, over the 30m threshold").
 *
 * @param lane the lane
 * @param reason one sentence
 */
public record LaneDecision(Lane lane, String reason) {
}
