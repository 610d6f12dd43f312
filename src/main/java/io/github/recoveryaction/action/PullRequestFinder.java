package io.github.recoveryaction.action;

import java.util.Optional;

import io.github.recoveryaction.github.EventPayload;
import io.github.recoveryaction.github.EventPayload.TriggeringRun;
import io.github.recoveryaction.github.GitHubGateway;

/**
 * Finds the pull request a report belongs to: from the payload of {@code pull_request} and
 * {@code pull_request_target}; from {@code workflow_run.pull_requests}, or by head SHA and {@code owner:branch} when
 * that list is empty (pull requests from forks); from the commit's pull requests for {@code push}.
 */
final class PullRequestFinder {

    private final GitHubGateway github;

    PullRequestFinder(GitHubGateway github) {
        this.github = github;
    }

    Optional<Integer> find(String eventName, EventPayload event, Optional<String> sha) {
        return switch (eventName) {
            case "pull_request", "pull_request_target", "pull_request_review", "pull_request_review_comment" -> {
                var number = event.pullRequestNumber();
                yield number.isPresent() ? Optional.of(number.getAsInt()) : Optional.empty();
            }
            case "workflow_run" -> event.workflowRun().flatMap(this::forRun);
            case "push" -> event.pushedSha().or(() -> sha)
                    .flatMap(commit -> github.listPullRequestsForCommit(commit).stream().findFirst());
            default -> Optional.empty();
        };
    }

    private Optional<Integer> forRun(TriggeringRun run) {
        if (!run.pullRequests().isEmpty()) {
            return Optional.of(run.pullRequests().get(0));
        }
        if (run.headSha().isEmpty()) {
            return Optional.empty();
        }
        return github.findOpenPullRequest(run.headSha(), run.headLabel());
    }
}
