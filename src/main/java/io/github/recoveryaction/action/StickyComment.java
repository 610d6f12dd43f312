package io.github.recoveryaction.action;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;

import io.github.recoveryaction.github.GitHubGateway;
import io.github.recoveryaction.github.IssueComment;

/**
 * One comment per pull request and key, found again by a hidden marker and updated in place, so re-runs refresh the
 * plan instead of piling up comments. The marker counts only as a comment's first line, and marker-like text in the
 * body (from a log) is broken, so neither a quote nor a log can forge or take over the comment. Among several
 * comments that start with the marker, bots ({@code …[bot]}) are preferred, and among those the oldest is kept.
 */
final class StickyComment {

    private static final Pattern MARKER_LIKE = Pattern.compile("(?i)(<!--\\s*recovery-action)(\\s*:)");

    private final GitHubGateway github;

    StickyComment(GitHubGateway github) {
        this.github = github;
    }

    /** The marker line that identifies the comment of {@code key}. */
    static String marker(String key) {
        return "<!-- recovery-action:" + key.replaceAll("\\s+", " ").replace("--", "- -") + " -->";
    }

    /** {@code text} with a zero-width space inside every marker-like sequence, so it can never be read as one. */
    static String breakMarkers(String text) {
        return MARKER_LIKE.matcher(text).replaceAll("$1\u200B$2");
    }

    private static boolean startsWith(IssueComment comment, String marker) {
        return comment.body() != null && comment.body().lines().findFirst().map(String::strip)
                .filter(marker::equals).isPresent();
    }

    /** The existing comment of {@code key}, if any. */
    Optional<IssueComment> find(int pullRequest, String key) {
        String marker = marker(key);
        return github.listIssueComments(pullRequest).stream()
                .filter(c -> startsWith(c, marker))
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
