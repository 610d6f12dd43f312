package io.github.recoveryaction.report;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.github.recoveryaction.plan.RecoveryPlan;

/**
 * Renders reports as GitHub-flavoured Markdown for a job summary or a pull-request comment. Secrets are redacted
 * first; the result always fits the given {@link SizeBudget}, shedding detail in the order of {@link DetailLevel}
 * and never cutting a code block.
 */
public final class MarkdownReportRenderer {

    private final Redactor redactor;

    public MarkdownReportRenderer(Redactor redactor) {
        this.redactor = redactor;
    }

    /** One report, within {@code budget}. */
    public String render(FailureReport report, SizeBudget budget) {
        FailureReport safe = report.redacted(redactor);
        for (DetailLevel level : DetailLevel.LEVELS) {
            Optional<String> note = level.full() ? Optional.empty()
                    : Optional.of("Some detail was left out to stay within GitHub's size limit for a " + budget.name()
                            + ". Run `recovery analyze` on the log for the full report.");
            String text = MarkdownReportWriter.write(safe, level, note);
            if (budget.fits(text)) {
                return text;
            }
        }
        return minimal(safe, budget);
    }

    /** Several reports (one per log) in one text, each within an equal share of {@code budget}. */
    public String render(List<FailureReport> reports, SizeBudget budget) {
        SizeBudget share = budget.share(reports.size());
        return reports.stream().map(r -> render(r, share)).collect(Collectors.joining("\n---\n\n"));
    }

    /** A plan alone, as {@code recovery plan --format markdown} prints it. */
    public String renderPlan(RecoveryPlan plan) {
        return MarkdownPlanWriter.writeAlone(FailureReport.redactPlan(plan, redactor));
    }

    /** Last resort when even the smallest level is too big (absurd titles or budgets): the headline alone. */
    private static String minimal(FailureReport report, SizeBudget budget) {
        String text = "### ❌ " + MarkdownReportWriter.typeLabel(report.classification()) + "\n\nThe report is too "
                + "large for a " + budget.name() + ". Run `recovery analyze` on the log for the full report.\n";
        return budget.fits(text) ? text : "";
    }
}
