package io.github.recoveryaction.github;

import java.util.List;
import java.util.Optional;

/**
 * A workflow run as the REST API describes it, trimmed to what reports use.
 *
 * @param attempt the run's latest attempt
 * @param conclusion empty while the run is in progress
 * @param pullRequests numbers of the pull requests GitHub associates with the run; empty for pull requests from forks
 */
public record WorkflowRun(long id, int attempt, String name, String event, String status, Optional<String> conclusion,
        String headSha, Optional<String> headBranch, String htmlUrl, List<Integer> pullRequests) {

    public WorkflowRun {
        pullRequests = List.copyOf(pullRequests);
    }
}
