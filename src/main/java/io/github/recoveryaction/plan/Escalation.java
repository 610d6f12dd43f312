package io.github.recoveryaction.plan;

import java.util.List;

/**
 * What to do when none of the plan's actions worked: who or what to look at next.
 *
 * @param description one or two sentences, Markdown
 * @param steps ordered things to check or do, Markdown
 * @param commands commands that help with those steps
 */
public record Escalation(String description, List<String> steps, List<String> commands) {

    public Escalation {
        steps = List.copyOf(steps);
        commands = List.copyOf(commands);
    }
}
