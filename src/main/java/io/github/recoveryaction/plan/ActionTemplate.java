package io.github.recoveryaction.plan;

import java.util.List;
import java.util.Set;

/**
 * One recovery action of a template, before placeholders are filled in. Fields may differ per lane.
 *
 * @param strategy the recovery strategy
 * @param recommended whether this is the recommended action
 * @param lanes the lanes that offer this action
 * @param description what to do and why
 * @param commands commands, each a text with fallbacks; an item that cannot be filled in is left out
 * @param estimatedMinutes rough duration
 * @param successCriteria how to tell it worked
 * @param rollbackSteps how to undo it
 */
public record ActionTemplate(
        Strategy strategy,
        boolean recommended,
        Set<Lane> lanes,
        ByLane<TextTemplate> description,
        ByLane<List<TextTemplate>> commands,
        ByLane<Integer> estimatedMinutes,
        ByLane<List<TextTemplate>> successCriteria,
        ByLane<List<TextTemplate>> rollbackSteps) {

    public ActionTemplate {
        lanes = Set.copyOf(lanes);
    }
}
