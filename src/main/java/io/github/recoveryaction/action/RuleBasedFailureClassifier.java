package io.github.recoveryaction.action;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.Classifier;
import io.github.recoveryaction.classify.KnownLines;
import io.github.recoveryaction.classify.log.LogInput;
import io.github.recoveryaction.classify.rules.RuleLoader;
import io.github.recoveryaction.config.RepositoryConfig;
import io.github.recoveryaction.config.Settings;

/** The report's classifier: the rule engine with the bundled rules and the repository's overrides. */
final class RuleBasedFailureClassifier implements FailureClassifier {

    private final Classifier classifier;

    RuleBasedFailureClassifier(Classifier classifier) {
        this.classifier = classifier;
    }

    /**
     * Loads the rules once: the {@code rules-file} input when given, else the configuration's {@code rules-file},
     * else the workspace's {@code .github/recovery-rules.yml}.
     */
    static RuleBasedFailureClassifier forSettings(Settings settings, RepositoryConfig config,
            Consumer<String> warnings) {
        return new RuleBasedFailureClassifier(new Classifier(
                RuleLoader.loadForWorkspace(settings.workspace(), settings.rulesFile(), config.rulesFile()), warnings));
    }

    @Override
    public Classification classify(String name, Path log) {
        return classify(name, log, KnownLines.NONE);
    }

    @Override
    public Classification classify(String name, Path log, KnownLines baseline) {
        try (InputStream in = Files.newInputStream(log)) {
            return classifier.classify(LogInput.of(name, in), baseline);
        } catch (IOException e) {
            throw LogInput.unreadable(name, e);
        }
    }
}
