package io.github.recoveryaction.report;

import java.util.List;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.Evidence;
import io.github.recoveryaction.plan.RecoveryAction;
import io.github.recoveryaction.plan.RecoveryPlan;

/**
 * Plain text for a terminal or a CI log: redacted, without terminal escapes, and with every line that could read
 * as a workflow command ({@code ::error::}, {@code ##[…]}) defused.
 */
public final class TextReportRenderer {

    private final Redactor redactor;

    public TextReportRenderer(Redactor redactor) {
        this.redactor = redactor;
    }

    /** One report. */
    public String render(FailureReport report) {
        FailureReport safe = report.redacted(redactor);
        Classification c = safe.classification();
        StringBuilder out = new StringBuilder();
        if (!c.failed()) {
            return out.append("No failed step found (").append(c.file()).append("): ").append(c.title()).append("\n\n")
                    .toString();
        }
        out.append(c.failureType().id());
        safe.shownStep().ifPresent(s -> out.append(" in step ").append(s.number()).append(" \"").append(s.name()).append('"')
                .append(s.displayName().filter(d -> !d.equals(s.name())).map(d -> " (shown as \"" + d + "\")")
                        .orElse("")));
        out.append(" (").append(c.file()).append(")\n");
        for (Classification.JobVerdict j : c.otherFailedJobs()) {
            out.append("  Also failed: job ").append(j.job()).append(" (").append(j.failureType().id())
                    .append(j.consequence() ? ", because a job it needs failed" : "").append(")\n");
        }
        out.append("  Why: ").append(c.title()).append('\n');
        out.append("  Rule: ").append(c.rule()).append(", confidence ").append(Math.round(c.confidence() * 100) / 100.0)
                .append('\n');
        safe.links().ifPresent(l -> out.append("  Run: ").append(l.findStepUrl().orElse(l.runUrl())).append('\n'));
        if (!c.evidence().isEmpty()) {
            out.append("\nEvidence:\n");
            for (Evidence e : c.evidence()) {
                out.append(String.format("  %6d | %s%n", e.line(), e.text()));
            }
        }
        out.append('\n');
        plan(out, safe.plan());
        return LogText.lines(out.toString());
    }

    /** A plan alone. */
    public String renderPlan(RecoveryPlan plan) {
        StringBuilder out = new StringBuilder();
        plan(out, FailureReport.redactPlan(plan, redactor));
        return LogText.lines(out.toString());
    }

    private static void plan(StringBuilder out, RecoveryPlan plan) {
        out.append("Recovery plan for ").append(plan.failureType().id()).append(" (lane ").append(plan.lane().id())
                .append(")\n");
        plan.laneReason().ifPresent(r -> out.append("  Lane chosen automatically: ").append(r).append('\n'));
        int n = 1;
        for (RecoveryAction a : plan.actions()) {
            out.append(String.format("%n%d. [%s%s, about %d min] %s%n", n++, a.strategy().id(),
                    a.recommended() ? ", recommended" : "", a.estimatedMinutes(), a.description()));
            a.commands().forEach(cmd -> out.append("     $ ").append(cmd).append('\n'));
            items(out, "Done when", a.successCriteria());
            items(out, "Roll back", a.rollbackSteps());
        }
        out.append("\nIf these actions do not work: ").append(plan.escalation().description()).append('\n');
        plan.escalation().steps().forEach(s -> out.append("  - ").append(s).append('\n'));
        plan.escalation().commands().forEach(cmd -> out.append("     $ ").append(cmd).append('\n'));
    }

    private static void items(StringBuilder out, String label, List<String> items) {
        if (!items.isEmpty()) {
            out.append("   ").append(label).append(": ").append(String.join(" ", items)).append('\n');
        }
    }
}
