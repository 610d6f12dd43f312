package io.github.recoveryaction.rerun;

import java.util.List;
import java.util.Optional;

/**
 * What became of a decision: re-run requested, only recorded (dry run), not wanted, or refused by GitHub.
 *
 * @param reason the one line the summary, the comment and the {@code rerun-reason} output show
 * @param warning what the step log must warn about (GitHub refused the request), when anything
 */
public record RerunOutcome(Status status, RerunDecision decision, String reason, Optional<String> warning) {

    public enum Status {
        /** {@code rerun: off}: nothing was judged, and reports say nothing about re-runs. */
        OFF,
        REQUESTED,
        DRY_RUN,
        NOT_WANTED,
        REFUSED
    }

    public static RerunOutcome off(int attempt, int maxAttempts) {
        RerunDecision decision = RerunDecision.no("rerun is off", attempt + 1, maxAttempts);
        return new RerunOutcome(Status.OFF, decision, decision.reason(), Optional.empty());
    }

    public static RerunOutcome notWanted(RerunDecision decision) {
        return new RerunOutcome(Status.NOT_WANTED, decision, decision.reason(), Optional.empty());
    }

    /** True only when GitHub accepted the request: the {@code rerun} output. */
    public boolean rerun() {
        return status == Status.REQUESTED;
    }

    /** The jobs GitHub re-runs: the {@code rerun-jobs} output. */
    public List<String> jobs() {
        return rerun() ? decision.jobs() : List.of();
    }
}
