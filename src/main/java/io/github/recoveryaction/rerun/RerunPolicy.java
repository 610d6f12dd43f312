package io.github.recoveryaction.rerun;

import java.time.Duration;
import java.util.Optional;

import io.github.recoveryaction.config.RerunSelection;
import io.github.recoveryaction.config.RerunSettings;

/**
 * How the action re-runs, resolved from inputs, {@code .github/recovery.yml} and defaults.
 *
 * @param selection which failures are re-run ({@code rerun})
 * @param maxAttempts total attempts a run may reach, the first included ({@code max-attempts})
 * @param delay the wait before the first re-run, doubled for each later one ({@code rerun-delay})
 * @param dryRun decide and report without asking GitHub to re-run ({@code rerun-dry-run})
 * @param flakyTests re-run once a {@code test_failure} whose failing tests were all flaky before
 *        ({@code rerun-flaky-tests})
 */
public record RerunPolicy(RerunSelection selection, int maxAttempts, Duration delay, boolean dryRun,
        boolean flakyTests) {

    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** The longest the job waits before a re-run, however often the delay has doubled. */
    public static final Duration MAX_DELAY = Duration.ofMinutes(10);

    public static final RerunPolicy OFF = new RerunPolicy(RerunSelection.OFF, DEFAULT_MAX_ATTEMPTS, Duration.ZERO,
            false, false);

    public RerunPolicy {
        if (maxAttempts < 1 || maxAttempts > RerunSettings.MAX_ATTEMPTS_LIMIT) {
            throw new IllegalArgumentException("maxAttempts " + maxAttempts);
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay " + delay);
        }
    }

    /**
     * The policy from the step's inputs (CLI options win over action inputs there), then {@code .github/recovery.yml},
     * then the defaults; a dry run is the default for {@code workflow_dispatch}, where someone is trying it out.
     */
    public static RerunPolicy resolve(RerunSettings inputs, RerunSettings config, Optional<String> eventName) {
        return new RerunPolicy(
                inputs.rerun().or(config::rerun).orElse(RerunSelection.OFF),
                inputs.maxAttempts().or(config::maxAttempts).orElse(DEFAULT_MAX_ATTEMPTS),
                inputs.delay().or(config::delay).orElse(Duration.ZERO),
                inputs.dryRun().or(config::dryRun).orElseGet(() -> eventName.filter("workflow_dispatch"::equals)
                        .isPresent()),
                inputs.flakyTests().or(config::flakyTests).orElse(false));
    }

    /** The wait before the re-run that makes attempt {@code next}: the delay, doubled per earlier re-run, capped. */
    public Duration delayBefore(int next) {
        Duration wait = delay;
        for (int attempt = 3; attempt <= next && wait.compareTo(MAX_DELAY) < 0; attempt++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : wait;
    }
}
