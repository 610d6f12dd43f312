package io.github.recoveryaction.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.recoveryaction.classify.FailureType;
import io.github.recoveryaction.plan.ActionTemplate;
import io.github.recoveryaction.plan.Ecosystem;
import io.github.recoveryaction.plan.Lane;
import io.github.recoveryaction.plan.Placeholder;
import io.github.recoveryaction.plan.PlanCatalog;
import io.github.recoveryaction.plan.PlanInput;
import io.github.recoveryaction.plan.Planner;
import io.github.recoveryaction.plan.RecoveryAction;
import io.github.recoveryaction.plan.RecoveryPlan;
import io.github.recoveryaction.plan.TextTemplate;

/**
 * The Markdown tables of {@code docs/} that are generated from the plan data, so that the documentation cannot
 * drift from what {@code recovery plan} prints (a test compares them).
 */
public final class PlanDocsMarkdown {

    private PlanDocsMarkdown() {
    }

    /** Per lane: the actions of a failure type with their generic commands and the detail-aware forms. */
    public static String planTable(PlanCatalog catalog, FailureType type) {
        Planner planner = new Planner(catalog);
        StringBuilder md = new StringBuilder();
        for (Lane lane : Lane.values()) {
            RecoveryPlan plan = planner.plan(PlanInput.of(type), lane);
            List<ActionTemplate> templates = catalog.require(type).actionsFor(lane);
            md.append("**Lane `").append(lane.id()).append("`**\n\n");
            md.append("| # | Strategy | Recommended | Minutes | Commands without details | Commands with details |\n");
            md.append("|---|---|---|---|---|---|\n");
            for (int i = 0; i < plan.actions().size(); i++) {
                RecoveryAction a = plan.actions().get(i);
                List<TextTemplate> forms = templates.get(i).commands().find(lane).orElse(List.of());
                md.append("| ").append(i + 1).append(" | ").append(a.strategy().id()).append(" | ")
                        .append(a.recommended() ? "yes" : "").append(" | ").append(a.estimatedMinutes()).append(" | ")
                        .append(cell(a.commands())).append(" | ")
                        .append(cell(forms.stream().map(t -> t.alternatives().getFirst()).toList())).append(" |\n");
            }
            md.append("\n");
        }
        return md.toString();
    }

    /** The ecosystems and the commands they provide. */
    public static String ecosystemTable(PlanCatalog catalog) {
        StringBuilder md = new StringBuilder("| Tool | Rule prefixes | Re-run failing tests | Other commands |\n"
                + "|---|---|---|---|\n");
        for (Ecosystem e : catalog.ecosystems()) {
            String prefixes = Stream.concat(Stream.of(e.id()), e.aliases().stream())
                    .map(p -> "`" + p + ".`").collect(Collectors.joining(" "));
            String rerun = e.rerunTests().map(f -> code(f.command())).orElse("");
            String others = e.commands().keySet().stream().sorted().map(p -> "`{{" + p.id() + "}}`")
                    .collect(Collectors.joining(" "));
            md.append("| ").append(e.id()).append(" | ").append(prefixes).append(" | ").append(rerun).append(" | ")
                    .append(others).append(" |\n");
        }
        return md.toString();
    }

    /** The placeholders templates may use. */
    public static String placeholderTable() {
        return "| Placeholder | Kind | Value |\n|---|---|---|\n" + Arrays.stream(Placeholder.values())
                .map(p -> "| `{{" + p.id() + "}}` | " + p.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + " | " + p.description() + " |")
                .collect(Collectors.joining("\n")) + "\n";
    }

    private static String cell(List<String> commands) {
        return commands.isEmpty() ? "" : commands.stream().map(PlanDocsMarkdown::code).collect(Collectors.joining("<br>"));
    }

    private static String code(String text) {
        String escaped = text.replace("|", "\\|");
        return escaped.contains("`") ? "`` " + escaped + " ``" : "`" + escaped + "`";
    }
}
