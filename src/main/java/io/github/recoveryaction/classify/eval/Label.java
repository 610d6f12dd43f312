package io.github.recoveryaction.classify.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.github.recoveryaction.classify.FailureType;

/**
 * The expected verdict on one log of a labelled corpus ({@code labels.jsonl}).
 *
 * @param file the log, resolved against the labels file's folder
 * @param stepNumber expected step number; empty when the label does not say (raw logs, gh output)
 * @param stepName expected step name; empty for raw logs
 * @param keyLines substrings the evidence should contain
 * @param control a log whose job passed ({@code "failureType": null}): the classifier must find no failed step;
 *        {@code failureType} is then {@code unknown} and unused
 */
public record Label(Path file, String display, FailureType failureType, OptionalInt stepNumber,
        Optional<String> stepName, List<String> keyLines, boolean control) {

    public Label {
        keyLines = List.copyOf(keyLines);
    }

    public Label(Path file, String display, FailureType failureType, OptionalInt stepNumber, Optional<String> stepName,
            List<String> keyLines) {
        this(file, display, failureType, stepNumber, stepName, keyLines, false);
    }

    /** True when the label expects no step at all (raw command output). */
    public boolean expectsNoStep() {
        return stepNumber.isEmpty() && stepName.isEmpty();
    }
}
