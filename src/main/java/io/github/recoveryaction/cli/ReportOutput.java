package io.github.recoveryaction.cli;

import java.util.List;
import java.util.stream.Collectors;

import io.github.recoveryaction.InvalidInputException;
import io.github.recoveryaction.report.FailureReport;
import io.github.recoveryaction.report.JsonReportRenderer;
import io.github.recoveryaction.report.MarkdownReportRenderer;
import io.github.recoveryaction.report.Redactor;
import io.github.recoveryaction.report.SizeBudget;
import io.github.recoveryaction.report.TextReportRenderer;

/** The renderer {@code analyze} prints with, chosen from {@code --format} and {@code --size-limit}. */
record ReportOutput(FormatOption format, SizeBudget budget, Redactor redactor) {

    static ReportOutput of(FormatOption format, String sizeLimit, List<String> redactPatterns) {
        SizeBudget budget = switch (sizeLimit) {
            case "job-summary" -> SizeBudget.JOB_SUMMARY;
            case "pr-comment" -> SizeBudget.PR_COMMENT;
            default -> throw new InvalidInputException("unknown --size-limit '" + sizeLimit
                    + "'; use job-summary or pr-comment");
        };
        return new ReportOutput(format, budget, Redactor.withPatterns(redactPatterns));
    }

    String render(List<FailureReport> reports) {
        if (reports.isEmpty()) {
            return "";
        }
        return switch (format) {
            case markdown -> new MarkdownReportRenderer(redactor).render(reports, budget);
            case json -> reports.stream().map(new JsonReportRenderer(redactor)::render)
                    .collect(Collectors.joining("\n", "", "\n"));
            case text -> reports.stream().map(new TextReportRenderer(redactor)::render)
                    .collect(Collectors.joining("\n"));
        };
    }
}
