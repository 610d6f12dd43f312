package io.github.recoveryaction.classify.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.Classifier;
import io.github.recoveryaction.classify.Evidence;
import io.github.recoveryaction.classify.log.LogInput;

/** Classifies inline logs and fixtures with the bundled rules, for the per-ecosystem rule tests. */
final class RuleTestSupport {

    private static final Classifier CLASSIFIER = new Classifier(RuleLoader.load(Optional.empty()));

    private RuleTestSupport() {
    }

    static Classification classify(String log) {
        return CLASSIFIER.classify(LogInput.of("inline.log",
                new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8))));
    }

    static List<String> texts(Classification c) {
        return c.evidence().stream().map(Evidence::text).toList();
    }

    static Classification fixture(String ruleId, String name) {
        String resource = "/rules/" + ruleId + "/" + name + ".log";
        try (InputStream in = RuleTestSupport.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return CLASSIFIER.classify(LogInput.of(resource, in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
