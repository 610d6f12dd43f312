package io.github.recoveryaction.action;

import java.nio.file.Path;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.KnownLines;

/** Classifies one log file; the report's port to the classification engine. */
@FunctionalInterface
public interface FailureClassifier {

    /** @param name how the log is named in reports (a job name or a file relative to the workspace) */
    Classification classify(String name, Path log);

    /** Classifies against the lines of a passing run of the same job; engines without that support ignore them. */
    default Classification classify(String name, Path log, KnownLines baseline) {
        return classify(name, log);
    }
}
