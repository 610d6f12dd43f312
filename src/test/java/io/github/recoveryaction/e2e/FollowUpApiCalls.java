package io.github.recoveryaction.e2e;

import java.util.List;

/**
 * The API calls of the follow-up scenario's first report (job 503 reports on job 501 of run 100, commit abc123 of
 * pull request 7), shared by {@link FollowUpReportTest} and {@link ContainerActionScenarios} so the two cannot drift:
 * its own job, the attempt's jobs, the failed job's log, the baseline (the run, the last passing run on the branch,
 * then the repository's default branch), the pull request, and the comment. The repository is read once, for the
 * default branch, and reused by the commenter.
 */
final class FollowUpApiCalls {

    static final String HEAD_SHA = "abc123";

    static final List<String> FIRST_REPORT = List.of(
            "GET /repos/octo/app/actions/jobs/503",
            "GET /repos/octo/app/actions/runs/100/attempts/1/jobs?per_page=100&page=1",
            "GET /repos/octo/app/actions/jobs/501/logs",
            "GET /repos/octo/app/actions/runs/100",
            "GET /repos/octo/app/actions/workflows/159038/runs?exclude_pull_requests=true&per_page=4&page=1"
                    + "&branch=feature&status=success",
            "GET /repos/octo/app",
            "GET /repos/octo/app/actions/workflows/159038/runs?exclude_pull_requests=true&per_page=4&page=1"
                    + "&branch=main&status=success",
            "GET /repos/octo/app/commits/" + HEAD_SHA + "/pulls?per_page=100",
            "GET /repos/octo/app/issues/7",
            "GET /repos/octo/app/issues/7/comments?per_page=100",
            "POST /repos/octo/app/issues/7/comments");

    private FollowUpApiCalls() {
    }
}
