package io.github.recoveryaction.checkpoint;

import io.github.recoveryaction.ToolException;

/** A checkpoint could not be written, found, trusted or restored; the message names it and what to do. */
public class CheckpointException extends ToolException {

    public CheckpointException(String message) {
        super(Outcome.FAILED, message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(Outcome.FAILED, message, cause);
    }
}
