package io.github.recoveryaction.action;

import java.nio.file.Path;

import io.github.recoveryaction.classify.Classification;

/** Classifies one log file; the report's port to the classification engine. */
@FunctionalInterface
public interface FailureClassifier {

    /** @param name how the log is named in reports (a job name or a file relative to the workspace) */
    Classification classify(String name, Path log);
}
