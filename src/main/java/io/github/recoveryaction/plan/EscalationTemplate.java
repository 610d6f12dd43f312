package io.github.recoveryaction.plan;

import java.util.List;

/** The escalation path of a template, before placeholders are filled in. */
public record EscalationTemplate(
        ByLane<TextTemplate> description,
        ByLane<List<TextTemplate>> steps,
        ByLane<List<TextTemplate>> commands) {
}
