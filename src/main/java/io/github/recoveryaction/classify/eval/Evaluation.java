package io.github.recoveryaction.classify.eval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.FailureType;
import io.github.recoveryaction.classify.StepRef;

/** Scores classifications against their labels. */
public final class Evaluation {

    private Evaluation() {
    }

    public static EvalReport score(List<Label> labels, Function<Label, Classification> classify) {
        Map<FailureType, Map<FailureType, Integer>> confusion = new EnumMap<>(FailureType.class);
        int correct = 0;
        int stepTotal = 0;
        int stepCorrect = 0;
        int keyLines = 0;
        int keyLinesFound = 0;
        int controls = 0;
        int controlsFailed = 0;
        List<EvalReport.Miss> misses = new ArrayList<>();
        for (Label label : labels) {
            Classification c = classify.apply(label);
            if (label.control()) {
                controls++;
                if (c.failed()) {
                    controlsFailed++;
                    misses.add(new EvalReport.Miss(label.display(), FailureType.UNKNOWN, c.failureType(), c.rule(),
                            "control given a failure (" + c.failureType().id() + ") instead of no failed step"));
                }
                continue;
            }
            confusion.computeIfAbsent(label.failureType(), t -> new EnumMap<>(FailureType.class))
                    .merge(c.failureType(), 1, Integer::sum);
            List<String> problems = new ArrayList<>();
            if (c.failureType() == label.failureType()) {
                correct++;
            } else {
                problems.add("type " + c.failureType().id() + " instead of " + label.failureType().id());
            }
            Optional<Boolean> stepOk = stepMatches(label, c.step());
            if (stepOk.isPresent()) {
                stepTotal++;
                if (stepOk.get()) {
                    stepCorrect++;
                } else {
                    problems.add("step " + c.step().map(s -> "#" + s.number() + " " + s.name()).orElse("none")
                            + " instead of " + label.stepNumber().stream().mapToObj(n -> "#" + n + " ").findFirst()
                                    .orElse("")
                            + label.stepName().orElse("none"));
                }
            }
            for (String key : label.keyLines()) {
                keyLines++;
                if (c.evidence().stream().anyMatch(e -> e.text().contains(key))) {
                    keyLinesFound++;
                } else {
                    problems.add("evidence lacks '" + key + "'");
                }
            }
            if (!problems.isEmpty()) {
                misses.add(new EvalReport.Miss(label.display(), label.failureType(), c.failureType(), c.rule(),
                        String.join("; ", problems)));
            }
        }
        return new EvalReport(labels.size() - controls, correct, confusion, perType(confusion), stepTotal, stepCorrect,
                keyLines,
                keyLinesFound, controls, controlsFailed, misses);
    }

    private static Optional<Boolean> stepMatches(Label label, Optional<StepRef> step) {
        if (label.expectsNoStep()) {
            return Optional.of(step.isEmpty());
        }
        if (step.isEmpty()) {
            return Optional.of(false);
        }
        boolean numberOk = label.stepNumber().isEmpty() || label.stepNumber().getAsInt() == step.get().number();
        boolean nameOk = label.stepName().isEmpty() || label.stepName().get().equals(step.get().name());
        return Optional.of(numberOk && nameOk);
    }

    private static Map<FailureType, EvalReport.TypeScore> perType(Map<FailureType, Map<FailureType, Integer>> confusion) {
        Map<FailureType, EvalReport.TypeScore> scores = new EnumMap<>(FailureType.class);
        for (FailureType type : FailureType.values()) {
            int support = confusion.getOrDefault(type, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
            int predicted = confusion.values().stream().mapToInt(row -> row.getOrDefault(type, 0)).sum();
            int tp = confusion.getOrDefault(type, Map.of()).getOrDefault(type, 0);
            if (support > 0 || predicted > 0) {
                scores.put(type, new EvalReport.TypeScore(support, predicted, tp));
            }
        }
        return scores;
    }
}
