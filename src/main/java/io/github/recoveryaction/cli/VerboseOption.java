package io.github.recoveryaction.cli;

import picocli.CommandLine.Option;

/** Mixin for {@code -v/--verbose}; read by {@link ErrorHandling} from the parse result. */
public class VerboseOption {

    @Option(names = { "-v", "--verbose" }, description = "Print stack traces and debug details on errors.")
    boolean verbose;
}
