package io.github.recoveryaction.classify;

import java.util.List;
import java.util.Optional;

/** The verdict on one step: a classification without the input's name. */
record StepAnalysis(
        FailureType failureType,
        double confidence,
        Optional<StepRef> step,
        List<Evidence> evidence,
        String rule,
        String title,
        Details details,
        Optional<Novelty> novelty) {

    Classification toClassification(String file, Optional<String> job) {
        return new Classification(file, job, failureType, confidence, step, evidence, rule, title, details,
                Classification.Outcome.FAILED, List.of(), novelty);
    }
}
