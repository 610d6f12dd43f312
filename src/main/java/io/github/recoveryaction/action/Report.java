package io.github.recoveryaction.action;

import java.util.List;
import java.util.Optional;

import io.github.recoveryaction.config.ReportMode;
import io.github.recoveryaction.rerun.RerunReport;

/**
 * Everything one {@code recovery report} found, ready to publish.
 *
 * @param workflow the workflow whose failure is reported
 * @param attempt the run attempt that was analysed
 * @param runUrl link to the analysed run
 * @param failures the failed jobs with their plans; empty when nothing failed (a passing attempt)
 * @param notes what limited the analysis as a whole
 * @param rerun what was decided about re-running the attempt, and what comparing it with the one before showed
 * @param cancelled the analysed attempt was cancelled (workflow-run mode): nothing to recover, nothing to comment
 */
public record Report(ReportMode mode, String workflow, int attempt, Optional<String> runUrl,
        List<PlannedFailure> failures, List<String> notes, RerunReport rerun, boolean cancelled) {

    public Report {
        failures = List.copyOf(failures);
        notes = List.copyOf(notes);
    }

    public Report(ReportMode mode, String workflow, int attempt, Optional<String> runUrl,
            List<PlannedFailure> failures, List<String> notes, RerunReport rerun) {
        this(mode, workflow, attempt, runUrl, failures, notes, rerun, false);
    }

    public Report(ReportMode mode, String workflow, int attempt, Optional<String> runUrl,
            List<PlannedFailure> failures, List<String> notes) {
        this(mode, workflow, attempt, runUrl, failures, notes, RerunReport.NONE);
    }

    /** Nothing failed; a cancelled attempt did not recover, it stopped. */
    public boolean recovered() {
        return failures.isEmpty() && !cancelled;
    }

    public Optional<PlannedFailure> primary() {
        return failures.stream().findFirst();
    }

    /** A failed job and the plan for it. */
    public record PlannedFailure(JobFailure failure, PlanView plan) {
    }
}
