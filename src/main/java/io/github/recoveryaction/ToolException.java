package io.github.recoveryaction;

/**
 * Root of every error the program expects and explains to its user in one line.
 * <p>
 * The {@link Outcome} says whether the user asked for something impossible ({@code USAGE}, exit 2) or the
 * requested work ran and failed ({@code FAILED}, exit 1); the command line maps outcomes to exit codes in one
 * place.
 */
public class ToolException extends RuntimeException {

    public enum Outcome {
        USAGE,
        FAILED
    }

    private final Outcome outcome;

    public ToolException(Outcome outcome, String message) {
        super(message);
        this.outcome = outcome;
    }

    public ToolException(Outcome outcome, String message, Throwable cause) {
        super(message, cause);
        this.outcome = outcome;
    }

    public Outcome outcome() {
        return outcome;
    }
}
