package io.github.recoveryaction.action;

import java.util.List;
import java.util.Optional;

import io.github.recoveryaction.github.GitHubAccessException;
import io.github.recoveryaction.github.GitHubGateway;
import io.github.recoveryaction.github.GitHubPermissionException;
import io.github.recoveryaction.github.IssueComment;

/**
 * Keeps the sticky pull-request comment up to date: created or updated for a failure, updated to say "recovered"
 * when a later attempt passes (never created just to say so), untouched when the analysed attempt was cancelled. A token that
 * may not comment gets one warning that
 * says how to enable comments; the rest of the report is unaffected.
 */
final class CommentPublisher {

    static final String READ_ONLY_HINT = "Skipped the pull-request comment: the token may not write comments (%s). "
            + "Grant 'permissions: pull-requests: write'. Pull requests from forks only get a read-only token: "
            + "run recovery-action in a separate workflow triggered by workflow_run, which may comment "
            + "(see docs/action.md#pull-requests-from-forks).";

    private final Optional<GitHubGateway> github;
    private final ReportMarkdown markdown;
    private final List<String> warnings;

    CommentPublisher(Optional<GitHubGateway> github, ReportMarkdown markdown, List<String> warnings) {
        this.github = github;
        this.markdown = markdown;
        this.warnings = warnings;
    }

    /** @return the comment's web address, when one was written */
    Optional<String> publish(Report report, Optional<Integer> pullRequest, String key) {
        // a cancelled attempt says nothing about the failure the comment describes: leave it as it is
        if (github.isEmpty() || pullRequest.isEmpty() || report.cancelled()) {
            return Optional.empty();
        }
        StickyComment sticky = new StickyComment(github.get());
        String body = markdown.comment(report, StickyComment.marker(key));
        try {
            if (report.recovered()) {
                return sticky.find(pullRequest.get(), key)
                        .map(existing -> github.get().updateIssueComment(existing.id(), body))
                        .map(IssueComment::htmlUrl);
            }
            return Optional.of(sticky.upsert(pullRequest.get(), key, body).htmlUrl());
        } catch (GitHubPermissionException e) {
            warnings.add(String.format(READ_ONLY_HINT, "HTTP " + e.status()));
        } catch (GitHubAccessException e) {
            warnings.add("Could not update the pull-request comment: " + e.getMessage());
        }
        return Optional.empty();
    }
}
