package io.github.recoveryaction.e2e;

import java.util.LinkedHashMap;
import java.util.Map;

/** The variables of a github.com job (spec/github-runtime.md §1.3) that {@link EmulatedRunner} sets, with host paths. */
final class HostedJobVariables {

    /**
     * In the runner's order; {@code %1$s} is the repository, {@code %2$s} its owner, {@code %3$s} the API,
     * {@code %4$s} the runtime token, {@code %5$s} the host workspace, {@code %6$s} the host temp folder and
     * {@code %7$s} the workspace's parent.
     */
    private static final String VARIABLES = """
            CI=true
            GITHUB_ACTIONS=true
            GITHUB_ACTION=__recovery-action_recovery-action
            GITHUB_ACTION_REF=v1
            GITHUB_ACTION_REPOSITORY=recovery-action/recovery-action
            GITHUB_ACTOR=octocat
            GITHUB_ACTOR_ID=583231
            GITHUB_API_URL=%3$s
            GITHUB_GRAPHQL_URL=%3$s/graphql
            GITHUB_SERVER_URL=https://github.com
            GITHUB_REPOSITORY=%1$s
            GITHUB_REPOSITORY_ID=1296269
            GITHUB_REPOSITORY_OWNER=%2$s
            GITHUB_REPOSITORY_OWNER_ID=9919
            GITHUB_RETENTION_DAYS=90
            GITHUB_WORKFLOW=CI
            GITHUB_WORKFLOW_REF=%1$s/.github/workflows/ci.yml@refs/heads/main
            GITHUB_WORKFLOW_SHA=abc123
            GITHUB_JOB=build
            GITHUB_RUN_ID=100
            GITHUB_RUN_NUMBER=7
            GITHUB_RUN_ATTEMPT=1
            GITHUB_SHA=abc123
            GITHUB_REF=refs/heads/main
            GITHUB_REF_NAME=main
            GITHUB_REF_TYPE=branch
            GITHUB_REF_PROTECTED=false
            GITHUB_TRIGGERING_ACTOR=octocat
            GITHUB_WORKSPACE=%5$s
            RUNNER_OS=Linux
            RUNNER_ARCH=X64
            RUNNER_NAME=GitHub Actions 2
            RUNNER_ENVIRONMENT=github-hosted
            RUNNER_TOOL_CACHE=/opt/hostedtoolcache
            RUNNER_TEMP=%6$s
            RUNNER_WORKSPACE=%7$s
            HOME=%6$s/_github_home
            ACTIONS_RUNTIME_URL=%3$s/runtime/
            ACTIONS_RUNTIME_TOKEN=%4$s
            ACTIONS_RESULTS_URL=%3$s/
            """;

    private HostedJobVariables() {
    }

    /** For {@code repository}, with the API and the runtime services at {@code apiUrl}. */
    static Map<String, String> of(String repository, String apiUrl, String runtimeToken, ContainerPaths paths) {
        String owner = repository.substring(0, repository.indexOf('/'));
        String api = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        String runnerWorkspace = paths.hostWorkspace.substring(0, paths.hostWorkspace.lastIndexOf('/'));
        Map<String, String> variables = new LinkedHashMap<>();
        VARIABLES.formatted(repository, owner, api, runtimeToken, paths.hostWorkspace, paths.hostTemp, runnerWorkspace)
                .lines().forEach(line -> variables.put(line.substring(0, line.indexOf('=')),
                        line.substring(line.indexOf('=') + 1)));
        return variables;
    }
}
