package io.github.recoveryaction.cli;

import java.util.Map;

/** The exit codes of {@code spec/cli-contract.md}; the only place they are spelled. */
public final class ExitCodes {

    /** The subcommand did its job. */
    public static final int OK = 0;
    /** The subcommand ran but what it checks failed, or an operation against GitHub failed after retries. */
    public static final int FAILED = 1;
    /** Usage error: unknown option, missing argument, unreadable input. */
    public static final int USAGE = 2;

    /** Shown under every command's {@code --help}. */
    static final Map<String, String> DESCRIPTIONS = Map.of(
            String.valueOf(OK), "the command did its job",
            String.valueOf(FAILED), "a check failed, or an operation failed after its retries",
            String.valueOf(USAGE), "usage error: bad option or value, unreadable input");

    private ExitCodes() {
    }
}
