package io.github.recoveryaction.github;

/** A comment on an issue or pull request. */
public record IssueComment(long id, String body, String author, String htmlUrl) {
}
