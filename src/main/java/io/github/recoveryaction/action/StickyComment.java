package io.github.recoveryaction.action;

import java.util.Comparator;
import java.util.Optional;

import io.github.recoveryaction.github.GitHubGateway;
import io.github.recoveryaction.github.IssueComment;

/**
 * One comment per pull request and key, found again by a hidden marker and updated in place, so re-runs refresh the
 * plan instead of piling up comments. A comment by someone else that quotes the marker is not taken over: bots
 * ({@code …[bot]}) are preferred, and among several the oldest is kept.
 */
final class StickyComment {

    private final GitHubGateway github;

    StickyComment(GitHubGateway github) {
        this.github = github;
    }

    /** The marker line that identifies the comment of {@code key}. */
    static String marker(String key) {
        return "<!-- recovery-action:" + key.replace("--", "- -") + " -->";
    }

    /** The existing comment of {@code key}, if any. */
    Optional<IssueComment> find(int pullRequest, String key) {
        String marker = marker(key);
        return github.listIssueComments(pullRequest).stream()
                .filter(c -> c.body() != null && c.body().contains(marker))
                .min(Comparator.comparing((IssueComment c) -> !c.author().endsWith("[bot]"))
                        .thenComparing(IssueComment::id));
    }

    /** Updates the comment of {@code key} or creates it; {@code body} must start with {@link #marker(String)}. */
    IssueComment upsert(int pullRequest, String key, String body) {
        Optional<IssueComment> existing = find(pullRequest, key);
        return existing.isPresent() ? github.updateIssueComment(existing.get().id(), body)
                : github.createIssueComment(pullRequest, body);
    }
}
