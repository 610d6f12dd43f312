package io.github.recoveryaction.plan;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.github.recoveryaction.config.LaneConfig;

/**
 * How a report's lane is chosen: a lane the user fixed, or {@code auto} from the changed files and the job's
 * duration (see {@link LaneSelector}).
 *
 * @param fixed the lane given explicitly
 * @param config the repository's lane settings
 * @param changedFiles the change's files, when known
 * @param jobDuration how long the job ran, when known; otherwise the failing step's duration is used
 */
public record LaneChoice(Optional<Lane> fixed, LaneConfig config, Optional<List<String>> changedFiles,
        Optional<Duration> jobDuration) {

    /** The lane inputs' and options' default: chosen by {@link LaneSelector}. */
    public static final String AUTO = "auto";

    public static LaneChoice fixed(Lane lane) {
        return new LaneChoice(Optional.of(lane), LaneConfig.DEFAULT, Optional.empty(), Optional.empty());
    }

    /** The lane for a failure whose step ran {@code stepDuration}; the reason is empty for a fixed lane. */
    public LaneDecision decide(Optional<Duration> stepDuration) {
        return fixed.map(l -> new LaneDecision(l, ""))
                .orElseGet(() -> new LaneSelector(config).select(changedFiles, jobDuration.or(() -> stepDuration)));
    }
}
