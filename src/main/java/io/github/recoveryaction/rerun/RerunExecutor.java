package io.github.recoveryaction.rerun;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

import io.github.recoveryaction.config.DurationText;
import io.github.recoveryaction.github.GitHubAccessException;
import io.github.recoveryaction.github.GitHubPermissionException;

/**
 * Carries out a decision: waits the delay for the attempt it creates, then asks for the re-run. A refusal never
 * fails the step: it becomes one warning (naming {@code actions: write} when the token lacks it) and the reason
 * says what was wanted and what stopped it.
 */
public final class RerunExecutor {

    static final String PERMISSION_HINT = "grant the workflow 'permissions: actions: write' (the re-run API needs it)";

    private final RerunRequests requests;
    private final Consumer<String> log;

    public RerunExecutor(RerunRequests requests, Consumer<String> log) {
        this.requests = requests;
        this.log = log;
    }

    public RerunOutcome execute(RerunDecision decision, RerunPolicy policy, long runId) {
        if (!decision.rerun()) {
            return RerunOutcome.notWanted(decision);
        }
        Duration wait = policy.delayBefore(decision.nextAttempt());
        if (!wait.isZero()) {
            log.accept("Waiting " + DurationText.human(wait) + " before re-running (rerun-delay "
                    + DurationText.human(policy.delay()) + ", doubled per attempt, at most "
                    + DurationText.human(RerunPolicy.MAX_DELAY) + ").");
            requests.pause(wait);
        }
        try {
            if (requests.rerunFailedJobs(runId)) {
                log.accept("GitHub accepted the re-run of run " + runId + "; attempt " + decision.nextAttempt()
                        + " starts now.");
                return new RerunOutcome(RerunOutcome.Status.REQUESTED, decision, decision.reason(), Optional.empty());
            }
            return new RerunOutcome(RerunOutcome.Status.DRY_RUN, decision,
                    "Dry run: " + decision.reason().replaceFirst("^Re-running", "would re-run"),
                    Optional.empty());
        } catch (GitHubPermissionException e) {
            return refused(decision, "GitHub refused the token (HTTP " + e.status() + "), which needs actions: write",
                    "Could not re-run the failed jobs of run " + runId + ": GitHub answered HTTP " + e.status() + "; "
                            + PERMISSION_HINT + ".");
        } catch (GitHubAccessException e) {
            return refused(decision, "the request failed: " + e.getMessage(),
                    "Could not re-run the failed jobs of run " + runId + ": " + e.getMessage());
        }
    }

    private static RerunOutcome refused(RerunDecision decision, String why, String warning) {
        String wanted = decision.reason().replaceFirst("^Re-running", "wanted to re-run");
        return new RerunOutcome(RerunOutcome.Status.REFUSED, decision, "Not re-run: " + why + "; " + wanted,
                Optional.of(warning));
    }
}
