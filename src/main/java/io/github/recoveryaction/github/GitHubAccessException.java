package io.github.recoveryaction.github;

import io.github.recoveryaction.ToolException;

/** An operation against GitHub (REST API, artifact service, blob store) failed after its retries. */
public class GitHubAccessException extends ToolException {

    private final int status;

    public GitHubAccessException(String message, int status) {
        super(Outcome.FAILED, message);
        this.status = status;
    }

    public GitHubAccessException(String message, Throwable cause) {
        super(Outcome.FAILED, message, cause);
        this.status = 0;
    }

    /** The last HTTP status, or 0 when the failure was a network error. */
    public int status() {
        return status;
    }
}
