package io.github.recoveryaction.report;

import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.recoveryaction.classify.FailureType;
import io.github.recoveryaction.classify.eval.EvalReport;

/** Prints an evaluation for people (text) or for scripts (JSON). */
public final class EvalReportRenderer {

    private EvalReportRenderer() {
    }

    public static String text(EvalReport r, String labels) {
        StringBuilder out = new StringBuilder();
        out.append("Labelled logs:   ").append(r.total()).append(" (").append(labels).append(")\n");
        out.append(line("Type accuracy:", r.correct(), r.total(), r.accuracy()));
        out.append(line("Step accuracy:", r.stepCorrect(), r.stepTotal(), r.stepAccuracy()));
        out.append(line("Key-line recall:", r.keyLinesFound(), r.keyLines(), r.keyLineRecall()));
        if (r.controls() > 0) {
            out.append(String.format(Locale.ROOT, "%-18s %4d/%-4d  (\"no failed step\": %d, wrongly given a failure: %d)%n",
                    "Controls:", r.controls() - r.controlsFailed(), r.controls(), r.controls() - r.controlsFailed(),
                    r.controlsFailed()));
        }
        out.append("\nPer type                  precision  recall  support\n");
        r.perType().forEach((type, s) -> out.append(String.format(Locale.ROOT, "  %-22s %9.2f %7.2f %8d%n", type.id(),
                s.precision(), s.recall(), s.support())));
        out.append("\nConfusion (expected -> predicted: count)\n");
        r.confusion().forEach((expected, row) -> row.forEach((predicted, count) -> out.append(String.format(Locale.ROOT,
                "  %-22s -> %-22s %4d%s%n", expected.id(), predicted.id(), count, expected == predicted ? "" : "  *"))));
        if (!r.misses().isEmpty()) {
            out.append("\nMisclassified or incomplete (").append(r.misses().size()).append(")\n");
            r.misses().forEach(m -> out.append("  ").append(m.file()).append(": ").append(m.problem()).append(" [rule ")
                    .append(m.rule()).append("]\n"));
        }
        return out.toString();
    }

    public static ObjectNode json(EvalReport r, String labels) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("labels", labels);
        root.put("total", r.total());
        root.put("typeAccuracy", round(r.accuracy()));
        root.put("stepAccuracy", round(r.stepAccuracy()));
        root.put("keyLineRecall", round(r.keyLineRecall()));
        root.put("controls", r.controls());
        root.put("controlsFailed", r.controlsFailed());
        ObjectNode perType = root.putObject("perType");
        r.perType().forEach((type, s) -> perType.putObject(type.id()).put("precision", round(s.precision()))
                .put("recall", round(s.recall())).put("support", s.support()));
        ObjectNode confusion = root.putObject("confusion");
        for (Map.Entry<FailureType, Map<FailureType, Integer>> row : r.confusion().entrySet()) {
            ObjectNode cells = confusion.putObject(row.getKey().id());
            row.getValue().forEach((predicted, count) -> cells.put(predicted.id(), count));
        }
        var misses = root.putArray("misses");
        r.misses().forEach(m -> misses.addObject().put("file", m.file()).put("expected", m.expected().id())
                .put("actual", m.actual().id()).put("rule", m.rule()).put("problem", m.problem()));
        return root;
    }

    private static String line(String name, int found, int total, double share) {
        return String.format(Locale.ROOT, "%-16s %5d/%-5d %6.1f%%%n", name, found, total, share * 100);
    }

    private static double round(double d) {
        return Math.round(d * 10000) / 10000.0;
    }
}
