package io.github.recoveryaction.action;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.FailureType;
import io.github.recoveryaction.config.LaneConfig;

/**
 * Stand-in until the planner is wired: recommends the strategy of the taxonomy's matrix and picks the lane from
 * the input or the job's duration.
 */
final class MatrixRecoveryPlanner implements RecoveryPlanner {

    private static final Map<FailureType, String> RECOMMENDED = Map.ofEntries(
            Map.entry(FailureType.TIMEOUT, "retry"), Map.entry(FailureType.TEST_FAILURE, "retry"),
            Map.entry(FailureType.QUALITY_GATE_FAILURE, "skip"), Map.entry(FailureType.RESOURCE_EXHAUSTION, "rollback"),
            Map.entry(FailureType.NETWORK_ERROR, "resume"), Map.entry(FailureType.GIT_ERROR, "retry"),
            Map.entry(FailureType.INFRASTRUCTURE_ERROR, "retry"), Map.entry(FailureType.UNKNOWN, "manual"));

    private final LaneConfig lanes;

    MatrixRecoveryPlanner(LaneConfig lanes) {
        this.lanes = lanes;
    }

    @Override
    public PlanView plan(Classification c, String lane, Optional<Duration> jobDuration) {
        String chosen = !lane.equals("auto") ? lane
                : lanes.lane().map(l -> l.id()).orElseGet(() -> jobDuration
                        .filter(d -> d.compareTo(lanes.heavyAfter()) > 0).map(d -> "heavy").orElse("standard"));
        String strategy = RECOMMENDED.getOrDefault(c.failureType(), "manual");
        String json = "{\"failureType\":\"" + c.failureType().id() + "\",\"lane\":\"" + chosen
                + "\",\"actions\":[{\"strategy\":\"" + strategy + "\",\"recommended\":true}]}";
        String markdown = "### Recovery plan\n\n1. **" + strategy + "** (recommended)\n";
        return new PlanView(chosen, Optional.of(strategy), json, markdown);
    }
}
