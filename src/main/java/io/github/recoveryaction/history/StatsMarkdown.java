package io.github.recoveryaction.history;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import io.github.recoveryaction.history.StatsReport.Count;
import io.github.recoveryaction.history.StatsReport.Flaky;
import io.github.recoveryaction.plan.DurationFormat;
import io.github.recoveryaction.report.MarkdownText;

/**
 * {@link StatsReport} as Markdown for a job summary: the headline figures, a Mermaid pie chart of the failure types
 * (GitHub renders Mermaid blocks), rankings, flaky tests, time to recovery and the most frequent root-cause lines.
 * Log-derived text goes through {@link MarkdownText}, so it cannot render as Markdown, HTML or a mention.
 */
public final class StatsMarkdown {

    private StatsMarkdown() {
    }

    public static String render(StatsReport r, StatsScope scope) {
        StringBuilder md = new StringBuilder("### CI failure statistics · ").append(MarkdownText.inline(scope.repository()))
                .append("\n\n");
        md.append(scope.describe()).append(" · **").append(r.runs()).append("** runs, **").append(r.failedRuns())
                .append("** failed").append(percent(r.failedRuns(), r.runs())).append(", ").append(r.rerunRuns())
                .append(" re-run · ").append(r.failedJobs()).append(" failed jobs\n\n");
        md.append("| Time lost | |\n|---|---|\n| in failed jobs | ").append(human(r.failedJobTime()))
                .append(" |\n| in re-run attempts | ").append(human(r.rerunTime())).append(" |\n\n");
        if (!r.byType().isEmpty()) {
            md.append("```mermaid\npie showData title Failed jobs by failure type\n");
            r.byType().forEach(c -> md.append("    \"").append(mermaid(c.key())).append("\" : ").append(c.count())
                    .append('\n'));
            md.append("```\n\n");
        }
        table(md, "Failures by type", "type", r.byType(), MarkdownText::codeSpan);
        table(md, "Failures by job", "job", r.byJob(), MarkdownText::codeSpan);
        table(md, "Failures by rule", "rule", r.byRule(), MarkdownText::codeSpan);
        flaky(md, "Flaky tests (failed, then passed on a re-run of the same commit)", r.flakyTests());
        flaky(md, "Flaky jobs", r.flakyJobs());
        recovery(md, r.recovery());
        table(md, "Most frequent root-cause lines (normalised)", "line", r.rootCauses(), MarkdownText::codeSpan);
        md.append("<sub>").append(MarkdownText.inline(scope.scanNote())).append("</sub>\n");
        return md.toString();
    }

    private static void recovery(StringBuilder md, StatsReport.Recovery recovery) {
        md.append("#### Time to recovery on ").append(MarkdownText.codeSpan(recovery.branch())).append("\n\n");
        if (recovery.incidents().isEmpty() && recovery.redSince().isEmpty()) {
            md.append("No red spell in this window.\n\n");
            return;
        }
        md.append(recovery.incidents().size()).append(" red spell").append(recovery.incidents().size() == 1 ? "" : "s")
                .append(" ended");
        recovery.median().ifPresent(m -> md.append(" · median ").append(human(m)));
        recovery.longest().ifPresent(m -> md.append(" · longest ").append(human(m)));
        md.append("\n\n");
        recovery.redSince().forEach(open -> md.append("- Still red: ").append(MarkdownText.codeSpan(open.workflow()))
                .append(" since ").append(open.since()).append(" (run ").append(open.runId()).append(")\n"));
        if (!recovery.redSince().isEmpty()) {
            md.append('\n');
        }
    }

    private static void flaky(StringBuilder md, String title, List<Flaky> flaky) {
        if (flaky.isEmpty()) {
            return;
        }
        md.append("#### ").append(title).append("\n\n| test or job | job | runs | last run |\n|---|---|---:|---:|\n");
        flaky.forEach(f -> md.append("| ").append(MarkdownText.codeSpan(f.name())).append(" | ")
                .append(MarkdownText.codeSpan(f.job())).append(" | ").append(f.times()).append(" | ")
                .append(f.lastRunId()).append(" |\n"));
        md.append('\n');
    }

    private static void table(StringBuilder md, String title, String column, List<Count> counts,
            Function<String, String> format) {
        if (counts.isEmpty()) {
            return;
        }
        md.append("#### ").append(title).append("\n\n| ").append(column).append(" | failed jobs |\n|---|---:|\n");
        counts.forEach(c -> md.append("| ").append(format.apply(c.key()).replace("|", "\\|")).append(" | ")
                .append(c.count()).append(" |\n"));
        md.append('\n');
    }

    private static String mermaid(String label) {
        String s = label.replaceAll("[\"\\r\\n`<>]", "'");
        return s.length() > 60 ? s.substring(0, 59) + "…" : s;
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? "" : String.format(Locale.ROOT, " (%d %%)", Math.round(100.0 * part / whole));
    }

    private static String human(Duration d) {
        return DurationFormat.human(d);
    }
}
