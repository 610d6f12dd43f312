package io.github.recoveryaction.action;

import java.util.Optional;

/**
 * A recovery plan as the action publishes it.
 *
 * @param lane the lane the plan is for
 * @param recommendedStrategy the strategy marked recommended, when one is
 * @param json the plan's JSON ({@code recovery plan --format json})
 * @param markdown the plan as a Markdown section for the summary and the comment
 */
public record PlanView(String lane, Optional<String> recommendedStrategy, String json, String markdown) {
}
