package io.github.recoveryaction.plan;

import io.github.recoveryaction.InvalidInputException;

/** A plan template file is malformed; the message names the file, the template and the field. */
public class PlanValidationException extends InvalidInputException {

    public PlanValidationException(String message) {
        super(message);
    }

    public PlanValidationException(String message, Throwable cause) {
        super(message, cause);
    }
}
