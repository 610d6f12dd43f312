package io.github.recoveryaction;

/** A value the user gave (option, input, file) is missing, unreadable or malformed. */
public class InvalidInputException extends ToolException {

    public InvalidInputException(String message) {
        super(Outcome.USAGE, message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(Outcome.USAGE, message, cause);
    }
}
