package io.github.recoveryaction.report;

import java.util.Locale;
import java.util.stream.Collectors;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.Details;
import io.github.recoveryaction.classify.Evidence;
import io.github.recoveryaction.config.DurationText;

/** A classification for a person at a terminal: type, step, why, evidence and the extracted details. */
public final class ClassificationText {

    private ClassificationText() {
    }

    public static String render(Classification c) {
        StringBuilder out = new StringBuilder();
        out.append(c.file()).append(c.job().map(j -> " (job " + j + ")").orElse("")).append('\n');
        field(out, "failure", c.failureType().id() + String.format(Locale.ROOT, " (confidence %.2f)", c.confidence()));
        field(out, "step", c.step().map(s -> s.number() == 0 ? s.name() : "#" + s.number() + " " + s.name())
                .orElse("(no step markers: raw command output)"));
        field(out, "why", c.title());
        field(out, "rule", c.rule());
        details(out, c.details());
        c.novelty().ifPresent(n -> field(out, "new", n.sentence() + " (" + n.baseline() + ")"));
        if (!c.evidence().isEmpty()) {
            out.append("  evidence:\n");
            int width = String.valueOf(c.evidence().get(c.evidence().size() - 1).line()).length();
            for (Evidence e : c.evidence()) {
                out.append("    ").append(String.format(Locale.ROOT, "%" + width + "d", e.line())).append(" | ")
                        .append(e.text()).append('\n');
            }
        }
        return out.toString();
    }

    private static void details(StringBuilder out, Details d) {
        if (!d.failedTests().isEmpty()) {
            field(out, "tests", String.join(", ", d.failedTests()));
        }
        if (!d.locations().isEmpty()) {
            field(out, "at", d.locations().stream().map(l -> l.display()).collect(Collectors.joining(", ")));
        }
        if (!d.dependencies().isEmpty()) {
            field(out, "missing", String.join(", ", d.dependencies()));
        }
        d.command().ifPresent(cmd -> field(out, "command", cmd));
        d.timeLimit().ifPresent(limit -> field(out, "limit", DurationText.human(limit)
                + d.stepDuration().map(ran -> ", the step ran " + DurationText.human(ran)).orElse("")));
        d.exitCode().ifPresent(code -> field(out, "exit code", String.valueOf(code)));
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append("  ").append(String.format(Locale.ROOT, "%-9s ", name + ":")).append(value).append('\n');
    }
}
