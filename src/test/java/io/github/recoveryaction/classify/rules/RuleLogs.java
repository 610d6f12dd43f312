package io.github.recoveryaction.classify.rules;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.Classifier;
import io.github.recoveryaction.classify.log.LogInput;

/** Classifies small inline logs with the bundled rules, for the per-ecosystem rule tests. */
final class RuleLogs {

    private static final Classifier CLASSIFIER = new Classifier(RuleLoader.load(Optional.empty()));

    private RuleLogs() {
    }

    static Classification classify(String log) {
        return CLASSIFIER.classify(LogInput.of("inline.log", new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8))));
    }
}
