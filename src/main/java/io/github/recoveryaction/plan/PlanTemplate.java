package io.github.recoveryaction.plan;

import java.util.List;

import io.github.recoveryaction.classify.FailureType;

/**
 * The recovery knowledge for one failure type, as loaded from YAML.
 *
 * @param failureType the template's id
 * @param origin the file it came from, for error messages and {@code --verbose} output
 * @param actions in plan order
 * @param escalation what to do when the actions fail
 */
public record PlanTemplate(FailureType failureType, String origin, List<ActionTemplate> actions,
        EscalationTemplate escalation) {

    public PlanTemplate {
        actions = List.copyOf(actions);
    }

    /** The actions offered in {@code lane}, in order. */
    public List<ActionTemplate> actionsFor(Lane lane) {
        return actions.stream().filter(a -> a.lanes().contains(lane)).toList();
    }
}
