package io.github.recoveryaction.action;

import java.util.ArrayList;
import java.util.List;

import io.github.recoveryaction.action.Report.PlannedFailure;
import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.SourceLocation;
import io.github.recoveryaction.github.WorkflowCommands;

/**
 * Error annotations on the evidence: one per source location or failing test that names a file and line, else one
 * for the failure itself. The runner keeps 10 annotations of a type per step; the rest would only be logged, so at
 * most {@value #MAX_PER_STEP} are produced, the most specific first.
 */
final class EvidenceAnnotations {

    static final int MAX_PER_STEP = 10;

    private EvidenceAnnotations() {
    }

    static List<String> lines(Report report) {
        List<String> lines = new ArrayList<>();
        for (PlannedFailure planned : report.failures()) {
            JobFailure f = planned.failure();
            Classification c = f.classification();
            String title = c.failureType().id() + " in " + f.jobName() + f.stepName().map(s -> " › " + s).orElse("");
            for (SourceLocation loc : c.details().locations()) {
                lines.add(error(loc.file(), loc.line().isPresent() ? loc.line().getAsInt() : 0, title,
                        loc.message().isEmpty() ? c.title() : loc.message()));
            }
            for (FailedTest test : f.failedTests()) {
                if (test.file().isPresent() && test.line().isPresent()) {
                    lines.add(error(test.file().get(), test.line().getAsInt(), "Test failed: " + test.displayName(),
                            test.message()));
                }
            }
            lines.add(error("", 0, title, c.title() + " Recovery: " + planned.plan().recommendedStrategy()
                    .map(s -> "`" + s + "` recommended; ").orElse("") + "see the job summary."));
        }
        return lines.stream().distinct().limit(MAX_PER_STEP).toList();
    }

    private static String error(String file, int line, String title, String message) {
        StringBuilder sb = new StringBuilder("::error ");
        if (!file.isEmpty()) {
            sb.append("file=").append(WorkflowCommands.escapeProperty(file)).append(',');
            if (line > 0) {
                sb.append("line=").append(line).append(',');
            }
        }
        sb.append("title=").append(WorkflowCommands.escapeProperty(title));
        return sb.append("::").append(WorkflowCommands.escapeData(message)).toString();
    }
}
