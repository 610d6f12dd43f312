package io.github.recoveryaction.report;

import java.util.ArrayList;
import java.util.List;

import io.github.recoveryaction.plan.Escalation;
import io.github.recoveryaction.plan.RecoveryAction;
import io.github.recoveryaction.plan.RecoveryPlan;

/** The plan part of a Markdown report: a checklist of actions with copyable commands, then the escalation path. */
final class MarkdownPlanWriter {

    private static final String INDENT = "  ";

    private MarkdownPlanWriter() {
    }

    static String write(RecoveryPlan plan, DetailLevel level) {
        return write(plan, level, "#### Recovery plan · lane `" + plan.lane().id() + "`");
    }

    /** The plan under its own heading, for {@code recovery plan}. */
    static String writeAlone(RecoveryPlan plan) {
        return write(plan, DetailLevel.LEVELS.getFirst(), "### Recovery plan for `" + plan.failureType().id()
                + "` · lane `" + plan.lane().id() + "`");
    }

    private static String write(RecoveryPlan plan, DetailLevel level, String heading) {
        StringBuilder md = new StringBuilder();
        md.append(heading).append("\n\n");
        plan.laneReason().ifPresent(r -> md.append("Lane chosen automatically: ").append(MarkdownText.inline(r))
                .append("\n\n"));
        List<RecoveryAction> actions = shown(plan.actions(), level.maxActions());
        for (RecoveryAction a : actions) {
            action(md, a, level);
        }
        if (actions.size() < plan.actions().size()) {
            md.append("_").append(plan.actions().size() - actions.size())
                    .append(" more actions left out to fit the size limit._\n\n");
        }
        if (level.escalation()) {
            escalation(md, plan.escalation(), level);
        }
        return md.toString();
    }

    /** The first {@code max} actions, the recommended one always among them. */
    private static List<RecoveryAction> shown(List<RecoveryAction> all, int max) {
        List<RecoveryAction> shown = new ArrayList<>(all.subList(0, Math.min(max, all.size())));
        all.stream().filter(RecoveryAction::recommended).findFirst().filter(r -> !shown.contains(r))
                .ifPresent(r -> shown.set(shown.size() - 1, r));
        return shown;
    }

    private static void action(StringBuilder md, RecoveryAction a, DetailLevel level) {
        md.append("- [ ] **").append(a.strategy().label()).append("** (")
                .append(a.recommended() ? "recommended · " : "").append("about ").append(a.estimatedMinutes())
                .append(" min): ").append(MarkdownText.prose(a.description())).append("\n");
        commands(md, a.commands(), level, INDENT);
        if (level.actionExtras() && (!a.successCriteria().isEmpty() || !a.rollbackSteps().isEmpty())) {
            md.append("\n").append(INDENT).append("<details><summary>Done when · roll back</summary>\n\n");
            list(md, "Done when", a.successCriteria());
            list(md, "Roll back", a.rollbackSteps());
            md.append(INDENT).append("</details>\n");
        }
        md.append("\n");
    }

    private static void list(StringBuilder md, String label, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        md.append(INDENT).append("**").append(label).append("**\n\n");
        for (String item : items) {
            md.append(INDENT).append("- ").append(MarkdownText.prose(item)).append("\n");
        }
        md.append("\n");
    }

    private static void escalation(StringBuilder md, Escalation e, DetailLevel level) {
        md.append("<details><summary>If these actions do not work</summary>\n\n");
        md.append(MarkdownText.prose(e.description())).append("\n\n");
        int n = 1;
        for (String step : e.steps()) {
            md.append(n++).append(". ").append(MarkdownText.prose(step)).append("\n");
        }
        if (!e.steps().isEmpty()) {
            md.append("\n");
        }
        commands(md, e.commands(), level, "");
        md.append("\n</details>\n\n");
    }

    private static void commands(StringBuilder md, List<String> commands, DetailLevel level, String indent) {
        if (commands.isEmpty()) {
            return;
        }
        List<String> shown = commands.subList(0, Math.min(level.maxCommands(), commands.size()));
        if (!md.toString().endsWith("\n\n")) {
            md.append("\n");
        }
        md.append(MarkdownText.codeBlock(shown.stream().flatMap(c -> c.lines()).toList(), "shell",
                indent));
    }
}
