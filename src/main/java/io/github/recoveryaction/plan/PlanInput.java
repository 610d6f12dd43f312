package io.github.recoveryaction.plan;

import java.util.Optional;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.FailureType;

/**
 * What a plan is made from: the failure type, and when known the classification it came from and the run.
 *
 * @param failureType the failure type
 * @param classification the classifier's verdict, for the extracted details
 * @param run the run and job the log belongs to
 */
public record PlanInput(FailureType failureType, Optional<Classification> classification, Optional<RunRef> run) {

    public static PlanInput of(FailureType type) {
        return new PlanInput(type, Optional.empty(), Optional.empty());
    }

    public static PlanInput of(Classification c, Optional<RunRef> run) {
        return new PlanInput(c.failureType(), Optional.of(c), run);
    }
}
