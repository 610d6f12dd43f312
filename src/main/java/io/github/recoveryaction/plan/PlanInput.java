package io.github.recoveryaction.plan;

import java.util.Optional;
import java.util.OptionalInt;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.FailureType;

/**
 * What a plan is made from: the failure type, and when known the classification it came from and the run.
 *
 * @param failureType the failure type
 * @param classification the classifier's verdict, for the extracted details
 * @param run the run and job the log belongs to
 * @param jobStepNumber the failing step's number in the jobs API, when the job is known: {@code {{step-number}}} is
 *        then the number the report's heading, annotations, links and {@code failed-step-number} show
 */
public record PlanInput(FailureType failureType, Optional<Classification> classification, Optional<RunRef> run,
        OptionalInt jobStepNumber) {

    public static PlanInput of(FailureType type) {
        return new PlanInput(type, Optional.empty(), Optional.empty(), OptionalInt.empty());
    }

    public static PlanInput of(Classification c, Optional<RunRef> run) {
        return of(c, run, OptionalInt.empty());
    }

    public static PlanInput of(Classification c, Optional<RunRef> run, OptionalInt jobStepNumber) {
        return new PlanInput(c.failureType(), Optional.of(c), run, jobStepNumber);
    }

    /** The failing step's number as reports show it: the jobs API's when known, else as the log counts its steps. */
    public OptionalInt stepNumber() {
        if (jobStepNumber.isPresent()) {
            return jobStepNumber;
        }
        return classification.flatMap(Classification::step).map(s -> OptionalInt.of(s.number()))
                .orElse(OptionalInt.empty());
    }
}
