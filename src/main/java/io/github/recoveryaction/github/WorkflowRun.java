package io.github.recoveryaction.github;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A workflow run as the REST API describes it, trimmed to what reports use.
 *
 * @param attempt the run's latest attempt (or the attempt asked for, from {@code …/attempts/{n}})
 * @param conclusion empty while the run is in progress
 * @param pullRequests numbers of the pull requests GitHub associates with the run; empty for pull requests from forks
 * @param workflowId the id of the run's workflow
 * @param path the workflow file, e.g. {@code .github/workflows/ci.yml}
 * @param createdAt when the run was first created (re-runs keep it)
 * @param runStartedAt when the attempt started
 */
public record WorkflowRun(long id, int attempt, String name, String event, String status, Optional<String> conclusion,
        String headSha, Optional<String> headBranch, String htmlUrl, List<Integer> pullRequests, OptionalLong workflowId,
        Optional<String> path, Optional<Instant> createdAt, Optional<Instant> runStartedAt) {

    public WorkflowRun {
        pullRequests = List.copyOf(pullRequests);
    }
}
