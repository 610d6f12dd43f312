package io.github.recoveryaction.rerun;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The re-run part of a workflow-run report: what was decided about the analysed attempt, and what comparing it with
 * the attempt before showed.
 *
 * @param outcome the decision and what became of it; empty when no decision was made (nothing failed)
 * @param recoveredOnAttempt the analysed attempt, when it passed after an earlier one failed
 * @param flakyTests tests that failed in the attempt before and passed in the analysed one
 * @param notes what limited the comparison (no reports, logs gone)
 */
public record RerunReport(Optional<RerunOutcome> outcome, OptionalInt recoveredOnAttempt, List<String> flakyTests,
        List<String> notes) {

    public static final RerunReport NONE = new RerunReport(Optional.empty(), OptionalInt.empty(), List.of(), List.of());

    public RerunReport {
        flakyTests = List.copyOf(flakyTests);
        notes = List.copyOf(notes);
    }
}
