package io.github.recoveryaction.action;

import java.util.Optional;

import io.github.recoveryaction.report.FailureReport;

/**
 * A failure's recovery plan as the action publishes it.
 *
 * @param report the classification, the plan and the log links, for the Markdown and annotation renderers
 * @param json the plan's JSON ({@code recovery plan --format json}), for the {@code plan-json} output
 */
public record PlanView(FailureReport report, String json) {

    public String lane() {
        return report.plan().lane().id();
    }

    public Optional<String> recommendedStrategy() {
        return report.plan().findRecommended().map(a -> a.strategy().id());
    }
}
