package io.github.recoveryaction.report;

import java.util.Locale;
import java.util.stream.Collectors;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.Details;
import io.github.recoveryaction.classify.Evidence;
import io.github.recoveryaction.classify.StepRef;
import io.github.recoveryaction.config.DurationText;

/** A classification for a person at a terminal: type, step, why, evidence and the extracted details. */
public final class ClassificationText {

    private ClassificationText() {
    }

    public static String render(Classification c) {
        StringBuilder out = new StringBuilder();
        out.append(c.file()).append(c.job().map(j -> " (job " + j + ")").orElse("")).append('\n');
        if (!c.failed()) {
            field(out, "result", c.title());
            return out.toString();
        }
        field(out, "failure", c.failureType().id() + String.format(Locale.ROOT, " (confidence %.2f)", c.confidence()));
        field(out, "step", c.step().map(ClassificationText::step).orElse("(no step markers: raw output or an excerpt)"));
        field(out, "why", c.title());
        field(out, "rule", c.rule());
        details(out, c.details());
        c.novelty().ifPresent(n -> field(out, "new", n.sentence() + " (" + n.baseline() + ")"));
        for (Classification.JobVerdict j : c.otherFailedJobs()) {
            field(out, "also", "job " + j.job() + ": " + j.failureType().id()
                    + (j.consequence() ? " (failed because a job it needs failed)" : "")
                    + j.step().map(s -> ", step " + step(s)).orElse(""));
        }
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

    /** The step as people know it: GitHub's display name first, the {@code Run} name beside it when they differ. */
    static String step(StepRef s) {
        String run = s.number() == 0 ? s.name() : "#" + s.number() + " " + s.name();
        return s.displayName().filter(d -> !d.equals(s.name())).map(d -> d + " (" + run + ")").orElse(run);
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
