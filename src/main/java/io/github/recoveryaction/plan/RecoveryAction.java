package io.github.recoveryaction.plan;

import java.util.List;

/**
 * One step of a recovery plan, with every placeholder already filled in.
 *
 * @param strategy what kind of recovery this is
 * @param recommended true for the one strategy the taxonomy's matrix recommends for the failure type
 * @param description what to do and why, Markdown with log-derived values inside code spans
 * @param commands shell commands to copy, in order; may be empty when nothing can be run for the user
 * @param estimatedMinutes rough time the action takes, including the re-run it implies
 * @param successCriteria how to tell that the action worked
 * @param rollbackSteps how to undo the action when it made things worse
 */
public record RecoveryAction(
        Strategy strategy,
        boolean recommended,
        String description,
        List<String> commands,
        int estimatedMinutes,
        List<String> successCriteria,
        List<String> rollbackSteps) {

    public RecoveryAction {
        commands = List.copyOf(commands);
        successCriteria = List.copyOf(successCriteria);
        rollbackSteps = List.copyOf(rollbackSteps);
    }
}
