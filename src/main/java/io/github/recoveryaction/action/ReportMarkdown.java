package io.github.recoveryaction.action;

import java.util.List;
import java.util.stream.Collectors;

import io.github.recoveryaction.action.Report.PlannedFailure;
import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.Evidence;

/**
 * The job summary and the pull-request comment in Markdown. Log text is untrusted: it goes into code fences longer
 * than any backtick run it contains, and table cells are escaped, so a log cannot change the report's structure.
 */
final class ReportMarkdown {

    /** GitHub rejects comments above 65,536 characters; stay well below. */
    static final int COMMENT_LIMIT = 60_000;
    private static final int EVIDENCE_IN_COMMENT = 5;
    private static final int TESTS_SHOWN = 20;

    private ReportMarkdown() {
    }

    static String summary(Report report) {
        StringBuilder md = new StringBuilder();
        if (report.recovered()) {
            md.append("## ✅ No failure to recover from\n\n").append(recoveredText(report)).append('\n');
        }
        for (PlannedFailure f : report.failures()) {
            section(md, f, Classification.MAX_EVIDENCE, true);
        }
        notes(md, report.notes());
        return md.toString();
    }

    static String comment(Report report, String marker) {
        StringBuilder md = new StringBuilder(marker).append('\n');
        if (report.recovered()) {
            md.append("## ✅ Recovered\n\n").append(recoveredText(report)).append('\n');
            return md.toString();
        }
        for (PlannedFailure f : report.failures()) {
            section(md, f, EVIDENCE_IN_COMMENT, false);
        }
        notes(md, report.notes());
        md.append("\n<sub>Updated for attempt ").append(report.attempt());
        report.runUrl().ifPresent(url -> md.append(" of [this run](").append(url).append(')'));
        md.append(" by recovery-action.</sub>\n");
        return limit(md.toString(), marker);
    }

    private static String recoveredText(Report report) {
        return "Attempt " + report.attempt() + " of " + report.workflow() + " has no failed job"
                + report.runUrl().map(url -> " ([run](" + url + "))").orElse("") + ".";
    }

    private static void section(StringBuilder md, PlannedFailure planned, int evidenceLines, boolean full) {
        JobFailure f = planned.failure();
        Classification c = f.classification();
        md.append("## 🔧 ").append(escape(f.jobName())).append(": `").append(c.failureType().id()).append("`");
        f.stepName().ifPresent(step -> md.append(" in step “").append(escape(step)).append('”'));
        md.append("\n\n").append(escape(c.title())).append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Failure type", "`" + c.failureType().id() + "` (confidence " + String.format(java.util.Locale.ROOT,
                "%.2f", c.confidence()) + ", rule `" + escape(c.rule()) + "`)");
        f.failedStep().ifPresent(step -> row(md, "Failed step", "#" + step.number() + " " + escape(step.name())));
        row(md, "Lane", planned.plan().lane());
        planned.plan().recommendedStrategy().ifPresent(s -> row(md, "Recommended", "`" + s + "`"));
        row(md, "Evidence from", escape(f.source()));
        f.job().ifPresent(job -> row(md, "Job", "[" + escape(job.name()) + "](" + job.htmlUrl() + ")"));
        md.append('\n');
        tests(md, f.failedTests());
        evidence(md, c.evidence(), evidenceLines, full);
        md.append(planned.plan().markdown().strip()).append("\n\n");
        notes(md, f.notes());
    }

    private static void tests(StringBuilder md, List<FailedTest> tests) {
        if (tests.isEmpty()) {
            return;
        }
        md.append("**Failing tests** (").append(tests.size()).append(")\n\n");
        tests.stream().limit(TESTS_SHOWN).forEach(t -> md.append("- `").append(t.displayName().replace("`", "'"))
                .append("`").append(t.message().isEmpty() ? "" : ": " + escape(oneLine(t.message()))).append('\n'));
        if (tests.size() > TESTS_SHOWN) {
            md.append("- … and ").append(tests.size() - TESTS_SHOWN).append(" more\n");
        }
        md.append('\n');
    }

    private static void evidence(StringBuilder md, List<Evidence> evidence, int max, boolean open) {
        if (evidence.isEmpty()) {
            return;
        }
        String text = evidence.stream().limit(max).map(e -> e.line() + ": " + e.text())
                .collect(Collectors.joining("\n"));
        String fence = fenceFor(text);
        md.append("<details").append(open ? " open" : "").append("><summary>Evidence</summary>\n\n")
                .append(fence).append("text\n").append(text).append('\n').append(fence).append("\n\n</details>\n\n");
    }

    private static void notes(StringBuilder md, List<String> notes) {
        notes.forEach(note -> md.append("> [!NOTE]\n> ").append(escape(oneLine(note))).append("\n\n"));
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
    }

    /** A code fence one backtick longer than the longest backtick run in {@code text}. */
    static String fenceFor(String text) {
        int longest = 0;
        int run = 0;
        for (char ch : text.toCharArray()) {
            run = ch == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return "`".repeat(Math.max(3, longest + 1));
    }

    /** Neutralises Markdown and HTML in untrusted text shown outside code fences. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")
                .replace("`", "\\`").replace("*", "\\*").replace("_", "\\_").replace("[", "\\[").replace("]", "\\]")
                .replace("@", "@\u200B");
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static String limit(String body, String marker) {
        if (body.length() <= COMMENT_LIMIT) {
            return body;
        }
        String note = "\n\n_(cut to fit GitHub's comment size limit; the job summary has the full report)_\n";
        String cut = body.substring(0, COMMENT_LIMIT - note.length());
        int fences = cut.split("```", -1).length - 1;
        return cut + (fences % 2 == 1 ? "\n```" : "") + note;
    }
}
