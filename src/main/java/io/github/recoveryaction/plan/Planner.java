package io.github.recoveryaction.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Makes recovery plans from the catalog's templates and what the classifier extracted. */
public final class Planner {

    private final PlanCatalog catalog;

    public Planner(PlanCatalog catalog) {
        this.catalog = catalog;
    }

    /** The plan for {@code input} in {@code lane}; never empty, placeholders all filled or dropped. */
    public RecoveryPlan plan(PlanInput input, Lane lane) {
        PlanTemplate template = catalog.require(input.failureType());
        Variables vars = PlanVariables.of(input, lane, catalog);
        List<RecoveryAction> actions = new ArrayList<>();
        for (ActionTemplate a : template.actionsFor(lane)) {
            actions.add(new RecoveryAction(a.strategy(), a.recommended(),
                    prose(a.description().find(lane).orElseThrow(), vars),
                    commands(a.commands().find(lane).orElse(List.of()), vars),
                    a.estimatedMinutes().find(lane).orElseThrow(),
                    proseList(a.successCriteria().find(lane).orElse(List.of()), vars),
                    proseList(a.rollbackSteps().find(lane).orElse(List.of()), vars)));
        }
        EscalationTemplate e = template.escalation();
        Escalation escalation = new Escalation(prose(e.description().find(lane).orElseThrow(), vars),
                proseList(e.steps().find(lane).orElse(List.of()), vars),
                commands(e.commands().find(lane).orElse(List.of()), vars));
        return new RecoveryPlan(input.failureType(), lane, Optional.empty(), actions, escalation);
    }

    private static String prose(TextTemplate t, Variables vars) {
        return t.render(vars, Variables.Context.PROSE).orElseThrow(
                () -> new IllegalStateException("validated text did not render: " + t.alternatives()));
    }

    private static List<String> proseList(List<TextTemplate> items, Variables vars) {
        return items.stream().flatMap(t -> t.render(vars, Variables.Context.PROSE).stream()).toList();
    }

    private static List<String> commands(List<TextTemplate> items, Variables vars) {
        return items.stream().flatMap(t -> t.render(vars, Variables.Context.COMMAND).stream()).distinct().toList();
    }
}
