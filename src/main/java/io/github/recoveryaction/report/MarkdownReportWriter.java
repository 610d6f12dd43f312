package io.github.recoveryaction.report;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.Details;
import io.github.recoveryaction.classify.Evidence;
import io.github.recoveryaction.classify.StepRef;
import io.github.recoveryaction.plan.DurationFormat;

/** One report as Markdown at one {@link DetailLevel}: headline, evidence, plan, collapsed details. */
final class MarkdownReportWriter {

    /** Longest title or step name shown in the headline. */
    static final int MAX_HEADLINE_TEXT = 300;

    private MarkdownReportWriter() {
    }

    static String write(FailureReport report, DetailLevel level, Optional<String> note) {
        Classification c = report.classification();
        StringBuilder md = new StringBuilder();
        if (!c.failed()) {
            md.append("### ✅ No failed step found in ").append(MarkdownText.codeSpan(cut(c.job().orElse(c.file()))))
                    .append("\n\n").append(MarkdownText.inline(cut(c.title()))).append("\n");
            return md.toString();
        }
        headline(md, report);
        note.ifPresent(n -> md.append("> [!NOTE]\n> ").append(n).append("\n\n"));
        evidence(md, report, level);
        otherJobs(md, c);
        md.append(MarkdownPlanWriter.write(report.plan(), level));
        if (level.listItems() > 0) {
            details(md, c, level);
        }
        return md.toString();
    }

    static String typeLabel(Classification c) {
        String words = c.failureType().id().replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static void headline(StringBuilder md, FailureReport report) {
        Classification c = report.classification();
        md.append("### ❌ ").append(typeLabel(c));
        c.job().ifPresent(job -> md.append(" in job ").append(MarkdownText.codeSpan(cut(job))));
        report.shownStep().ifPresentOrElse(s -> md.append(" in step ").append(stepName(s)),
                () -> md.append(" in ").append(MarkdownText.codeSpan(cut(c.file()))));
        md.append("\n\n**").append(MarkdownText.inline(cut(c.title()))).append("**\n\n");
        md.append("<sub>Rule ").append(MarkdownText.codeSpan(c.rule())).append(" · confidence ")
                .append(Math.round(c.confidence() * 100)).append(" %");
        report.links().ifPresent(l -> md.append(" · ").append(link("run", l.runUrl())));
        report.links().flatMap(LogLinks::findStepUrl).ifPresent(u -> md.append(" · ").append(link("failing step", u)));
        md.append("</sub>\n\n");
    }

    /** GitHub's display name when the log has it, with the {@code Run} name the contract counts by. */
    static String stepName(StepRef s) {
        String run = s.number() + " " + MarkdownText.codeSpan(cut(s.name()));
        return s.displayName().filter(d -> !d.equals(s.name()))
                .map(d -> MarkdownText.codeSpan(cut(d)) + " (" + run + ")").orElse(run);
    }

    /** The input's other failed jobs, marking those that failed only because a job they need failed. */
    private static void otherJobs(StringBuilder md, Classification c) {
        if (c.otherFailedJobs().isEmpty()) {
            return;
        }
        md.append("#### Other failed jobs\n\n");
        for (Classification.JobVerdict j : c.otherFailedJobs()) {
            md.append("- ").append(MarkdownText.codeSpan(cut(j.job()))).append(": ")
                    .append(j.failureType().id().replace('_', ' '))
                    .append(j.step().map(s -> " in step " + stepName(s)).orElse(""))
                    .append(j.consequence() ? " — failed because a job it needs failed" : "").append('\n');
        }
        md.append('\n');
    }

    private static void evidence(StringBuilder md, FailureReport report, DetailLevel level) {
        List<Evidence> all = report.classification().evidence();
        report.classification().novelty().ifPresent(n -> md.append("_").append(n.sentence().replace(
                "the last passing run", n.link().map(u -> link("the last passing run", u)).orElse(
                        "the last passing run (" + MarkdownText.inline(cut(n.baseline())) + ")")))
                .append("._\n\n"));
        if (all.isEmpty()) {
            return;
        }
        List<Evidence> shown = all.subList(0, Math.min(level.evidenceLines(), all.size()));
        int width = String.valueOf(shown.stream().mapToLong(Evidence::line).max().orElse(1)).length();
        List<String> lines = new ArrayList<>();
        long previous = -1;
        for (Evidence e : shown) {
            if (previous > 0 && e.line() > previous + 1) {
                lines.add(" ".repeat(width) + " ┊");
            }
            lines.add(String.format("%" + width + "d │ %s", e.line(), LogText.numbered(e.text(), level.lineChars())));
            previous = e.line();
        }
        md.append("#### Evidence\n\n").append(MarkdownText.codeBlock(lines, "text", ""));
        if (shown.size() < all.size()) {
            md.append("\n_").append(all.size() - shown.size()).append(" more evidence lines left out._\n");
        }
        List<String> links = new ArrayList<>();
        for (Evidence e : shown) {
            report.links().flatMap(l -> l.findLineUrl(e.line())).ifPresent(u -> links.add(link(String.valueOf(e.line()),
                    u)));
        }
        if (!links.isEmpty()) {
            md.append("\nIn the log: ").append(String.join(" · ", links)).append("\n");
        }
        md.append("\n");
    }

    private static void details(StringBuilder md, Classification c, DetailLevel level) {
        Details d = c.details();
        StringBuilder body = new StringBuilder();
        section(body, "Failed tests", d.failedTests(), level, MarkdownText::codeSpan);
        section(body, "Source locations", d.locations(), level, l -> MarkdownText.codeSpan(l.display())
                + (l.message().isBlank() ? "" : " " + MarkdownText.inline(cut(l.message()))));
        section(body, "Unresolved dependencies", d.dependencies(), level, MarkdownText::codeSpan);
        d.command().ifPresent(cmd -> body.append("**Command not found:** ").append(MarkdownText.codeSpan(cmd))
                .append("\n\n"));
        List<String> facts = new ArrayList<>();
        d.exitCode().ifPresent(code -> facts.add("**Exit code:** " + code));
        d.stepDuration().ifPresent(t -> facts.add("**Step ran:** " + DurationFormat.human(t)));
        d.timeLimit().ifPresent(t -> facts.add("**Time limit:** " + DurationFormat.human(t)));
        facts.add("**Log:** " + MarkdownText.codeSpan(cut(c.file())));
        body.append(String.join(" · ", facts)).append("\n");
        md.append("<details><summary>Details</summary>\n\n").append(body).append("\n</details>\n");
    }

    private static <T> void section(StringBuilder md, String label, List<T> items, DetailLevel level,
            Function<T, String> format) {
        if (items.isEmpty()) {
            return;
        }
        md.append("**").append(label).append(" (").append(items.size()).append(")**\n\n");
        int shown = Math.min(level.listItems(), items.size());
        for (T item : items.subList(0, shown)) {
            md.append("- ").append(format.apply(item)).append("\n");
        }
        if (shown < items.size()) {
            md.append("- … and ").append(items.size() - shown).append(" more\n");
        }
        md.append("\n");
    }

    private static String link(String text, URI url) {
        return "[" + text + "](" + url + ")";
    }

    private static String cut(String s) {
        return s.length() <= MAX_HEADLINE_TEXT ? s : s.substring(0, MAX_HEADLINE_TEXT - 1) + "…";
    }
}
