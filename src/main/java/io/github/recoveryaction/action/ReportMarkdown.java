package io.github.recoveryaction.action;

import java.util.List;
import java.util.Map;

import io.github.recoveryaction.action.Report.PlannedFailure;
import io.github.recoveryaction.report.MarkdownReportRenderer;
import io.github.recoveryaction.report.SizeBudget;
import io.github.recoveryaction.rerun.RerunOutcome;
import io.github.recoveryaction.rerun.RerunReport;

/**
 * The job summary and the pull-request comment: per failed job the report renderer's section (classification,
 * evidence, plan; redacted and fitted to its share of the size budget), followed by what only the action knows:
 * the job, where the evidence came from, failing tests with their messages from JUnit reports, and notes.
 */
final class ReportMarkdown {

    /** Room kept in each budget for the action's own lines around the renderer's sections. */
    private static final int OWN_LINES = 8_000;
    private static final int TESTS_SHOWN = 20;
    private static final Map<RerunOutcome.Status, String> ICONS = Map.of(RerunOutcome.Status.OFF, "",
            RerunOutcome.Status.REQUESTED, "🔁", RerunOutcome.Status.DRY_RUN, "🧪", RerunOutcome.Status.NOT_WANTED, "⏸️",
            RerunOutcome.Status.REFUSED, "⚠️");

    private final MarkdownReportRenderer renderer;

    ReportMarkdown(MarkdownReportRenderer renderer) {
        this.renderer = renderer;
    }

    String summary(Report report) {
        StringBuilder md = new StringBuilder();
        if (report.cancelled()) {
            md.append("## ⏹️ Attempt ").append(report.attempt()).append(" of ").append(escape(report.workflow()))
                    .append(" was cancelled\n\n").append("Nothing to recover from")
                    .append(report.runUrl().map(url -> " ([run](" + url + "))").orElse(""))
                    .append(": the jobs were stopped, not failed. Re-run it when you want it to finish.\n\n");
        } else if (report.recovered()) {
            md.append(report.rerun().recoveredOnAttempt().isPresent() ? recoveredHeading(report)
                    : "## ✅ No failure to recover from\n\n").append(recoveredText(report)).append("\n\n");
        }
        rerun(md, report);
        SizeBudget budget = share(SizeBudget.JOB_SUMMARY, report);
        report.failures().forEach(f -> section(md, f, budget));
        notes(md, report.notes());
        return md.toString();
    }

    /** The comment: {@code marker} on its first line, and no other marker-like text below it. */
    String comment(Report report, String marker) {
        return marker + "\n" + StickyComment.breakMarkers(commentBody(report));
    }

    private String commentBody(Report report) {
        StringBuilder md = new StringBuilder();
        if (report.recovered()) {
            md.append(report.rerun().recoveredOnAttempt().isPresent() ? recoveredHeading(report) : "## ✅ Recovered\n\n")
                    .append(recoveredText(report)).append("\n\n");
            rerun(md, report);
            return md.toString();
        }
        md.append("## 🔧 Recovery plan\n\n");
        rerun(md, report);
        SizeBudget budget = share(SizeBudget.PR_COMMENT, report);
        report.failures().forEach(f -> section(md, f, budget));
        notes(md, report.notes());
        md.append("\n<sub>Updated for attempt ").append(report.attempt());
        report.runUrl().ifPresent(url -> md.append(" of [this run](").append(url).append(')'));
        return md.append(" by recovery-action.</sub>\n").toString();
    }

    private static SizeBudget share(SizeBudget whole, Report report) {
        int parts = Math.max(1, report.failures().size());
        return new SizeBudget(whole.name(), Math.max(1_000, whole.limit() - OWN_LINES * parts), whole.bytes())
                .share(parts);
    }

    private static String recoveredText(Report report) {
        return "Attempt " + report.attempt() + " of " + escape(report.workflow()) + " has no failed job"
                + report.runUrl().map(url -> " ([run](" + url + "))").orElse("") + ".";
    }

    private static String recoveredHeading(Report report) {
        return "## ✅ Recovered on attempt " + report.rerun().recoveredOnAttempt().getAsInt() + "\n\n";
    }

    /** The re-run decision, the flaky tests and the comparison's notes; nothing while rerun is off. */
    private static void rerun(StringBuilder md, Report report) {
        RerunReport rerun = report.rerun();
        rerun.outcome().filter(o -> o.status() != RerunOutcome.Status.OFF).ifPresent(o -> md.append("> ")
                .append(ICONS.get(o.status())).append(" **").append(withCode(o.reason())).append("**\n\n"));
        List<String> flaky = rerun.flakyTests();
        if (!flaky.isEmpty()) {
            md.append("### 🎲 Flaky tests (").append(flaky.size()).append(")\n\n")
                    .append("They failed in attempt ").append(report.attempt() - 1).append(" and passed in attempt ")
                    .append(report.attempt()).append(":\n\n");
            flaky.stream().limit(TESTS_SHOWN).forEach(t -> md.append("- `").append(code(t)).append("`\n"));
            if (flaky.size() > TESTS_SHOWN) {
                md.append("- … and ").append(flaky.size() - TESTS_SHOWN).append(" more\n");
            }
            md.append('\n');
        }
        notes(md, rerun.notes());
    }

    /** Text whose {@code `code`} spans were made by the action: the rest is escaped, the spans kept. */
    static String withCode(String text) {
        String[] parts = text.split("`", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            out.append(i % 2 == 0 || i == parts.length - 1 ? escape(parts[i]) : "`" + parts[i] + "`");
        }
        return out.toString();
    }

    private static String code(String text) {
        return oneLine(text).replace("`", "'");
    }

    private void section(StringBuilder md, PlannedFailure planned, SizeBudget budget) {
        JobFailure f = planned.failure();
        md.append(renderer.render(planned.plan().report(), budget).strip()).append("\n\n");
        md.append("<sub>Evidence from ").append(escape(f.source()));
        f.job().ifPresent(job -> md.append(" · job [").append(escape(job.name())).append("](").append(job.htmlUrl())
                .append(')'));
        f.failedStep().ifPresent(step -> md.append(" · failed step ").append(step.number()).append(' ')
                .append(escape(step.name())));
        md.append("</sub>\n\n");
        tests(md, f.failedTests());
        notes(md, f.notes());
    }

    private static void tests(StringBuilder md, List<FailedTest> tests) {
        if (tests.isEmpty()) {
            return;
        }
        md.append("<details><summary>Failing tests from the test reports (").append(tests.size())
                .append(")</summary>\n\n");
        tests.stream().limit(TESTS_SHOWN).forEach(t -> md.append("- `").append(t.displayName().replace("`", "'"))
                .append("`").append(t.message().isEmpty() ? "" : ": " + escape(oneLine(t.message()))).append('\n'));
        if (tests.size() > TESTS_SHOWN) {
            md.append("- … and ").append(tests.size() - TESTS_SHOWN).append(" more\n");
        }
        md.append("\n</details>\n\n");
    }

    private static void notes(StringBuilder md, List<String> notes) {
        notes.forEach(note -> md.append("> [!NOTE]\n> ").append(escape(oneLine(note))).append("\n\n"));
    }

    /** Neutralises Markdown and HTML in untrusted text shown outside code fences. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")
                .replace("`", "\\`").replace("*", "\\*").replace("_", "\\_").replace("[", "\\[").replace("]", "\\]")
                .replace("@", "@\u200B");
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s*\\R\\s*", " ").strip();
        return line.length() <= 300 ? line : line.substring(0, 299) + "…";
    }
}
