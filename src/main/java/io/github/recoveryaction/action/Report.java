package io.github.recoveryaction.action;

import java.util.List;
import java.util.Optional;

import io.github.recoveryaction.config.ReportMode;

/**
 * Everything one {@code recovery report} found, ready to publish.
 *
 * @param workflow the workflow whose failure is reported
 * @param attempt the run attempt that was analysed
 * @param runUrl link to the analysed run
 * @param failures the failed jobs with their plans; empty when nothing failed (a passing attempt)
 * @param notes what limited the analysis as a whole
 */
public record Report(ReportMode mode, String workflow, int attempt, Optional<String> runUrl,
        List<PlannedFailure> failures, List<String> notes) {

    public Report {
        failures = List.copyOf(failures);
        notes = List.copyOf(notes);
    }

    public boolean recovered() {
        return failures.isEmpty();
    }

    public Optional<PlannedFailure> primary() {
        return failures.stream().findFirst();
    }

    /** A failed job and the plan for it. */
    public record PlannedFailure(JobFailure failure, PlanView plan) {
    }
}
