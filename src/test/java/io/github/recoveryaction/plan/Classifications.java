package io.github.recoveryaction.plan;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.Details;
import io.github.recoveryaction.classify.Evidence;
import io.github.recoveryaction.classify.FailureType;
import io.github.recoveryaction.classify.SourceLocation;
import io.github.recoveryaction.classify.StepRef;

/** Test fixtures: classifications as the classifier would return them. */
public final class Classifications {

    private Classifications() {
    }

    public static Classification of(FailureType type, String rule, Details details) {
        return new Classification("build.log", Optional.empty(), type, 0.9, Optional.of(new StepRef(4, "mvn -B verify")),
                List.of(new Evidence(120, "[ERROR] something failed")), rule, "Something failed.", details);
    }

    public static Details tests(String... names) {
        return new Details(List.of(names), List.of(), List.of(), Optional.empty(), OptionalInt.empty(), Optional.empty(),
                Optional.empty());
    }

    public static Details dependency(String dep) {
        return new Details(List.of(), List.of(), List.of(dep), Optional.empty(), OptionalInt.empty(), Optional.empty(),
                Optional.empty());
    }

    public static Details location(String file, int line, String message) {
        return new Details(List.of(), List.of(new SourceLocation(file, OptionalInt.of(line), OptionalInt.empty(), message)),
                List.of(), Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty());
    }

    public static Details timing(Duration ran, Duration limit) {
        return new Details(List.of(), List.of(), List.of(), Optional.empty(), OptionalInt.empty(), Optional.ofNullable(limit),
                Optional.ofNullable(ran));
    }
}
