package io.github.recoveryaction.github;

/**
 * GitHub refused the token (401, or 403 that is not a rate limit): a permission is missing, or the token is read-only
 * as for pull requests from forks. The message says which permission to grant.
 */
public class GitHubPermissionException extends GitHubAccessException {

    public GitHubPermissionException(String message, int status) {
        super(message, status);
    }
}
