package io.github.recoveryaction.cli;

import java.nio.file.Path;
import java.util.Optional;

import io.github.recoveryaction.classify.KnownLines;
import io.github.recoveryaction.classify.log.LogInput;
import picocli.CommandLine.Option;

/** Mixin for {@code --baseline FILE}: the log of a passing run of the same job, to tell which lines are new. */
public class BaselineOption {

    @Option(names = "--baseline", paramLabel = "FILE", description = "Log of a passing run of the same job (any form the FILE arguments take): lines it printed "
            + "too never lead the evidence, and the report says how many lines are new.")
    Optional<Path> baseline;

    /** The baseline's lines; {@link KnownLines#NONE} without the option. */
    KnownLines load() {
        return baseline.map(file -> KnownLines.read(LogInput.of(file), file.toString(), Optional.empty()))
                .orElse(KnownLines.NONE);
    }
}
