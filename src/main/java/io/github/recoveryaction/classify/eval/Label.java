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
 */
public record Label(Path file, String display, FailureType failureType, OptionalInt stepNumber,
        Optional<String> stepName, List<String> keyLines) {

    public Label {
        keyLines = List.copyOf(keyLines);
    }

    /** True when the label expects no step at all (raw command output). */
    public boolean expectsNoStep() {
        return stepNumber.isEmpty() && stepName.isEmpty();
    }
}
