package io.github.recoveryaction.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * {@code recovery report} in a {@code workflow_run} workflow reporting on a pull request from a fork: the event lists
 * no pull request, so it is found by head SHA and {@code owner:branch}.
 */
@QuarkusMainTest
class WorkflowRunReportTest {

    static String workflowRunEvent(String conclusion, int attempt) {
        return """
                {"action":"completed",
                 "workflow_run":{"id":200,"name":"CI","run_attempt":%d,"event":"pull_request","status":"completed",
                   "conclusion":"%s","head_sha":"fee1dead","head_branch":"fix-typo","pull_requests":[],
                   "head_repository":{"full_name":"forker/app","owner":{"login":"forker"}}},
                 "repository":{"full_name":"octo/app"}}""".formatted(attempt, conclusion);
    }

    @AutoClose
    final RunnerScenario scenario = new RunnerScenario();

    @BeforeEach
    void setUp() {
        scenario.api.addPullRequest(12, "fee1dead", "forker:fix-typo", "open")
                .addRun(200, 1, "pull_request", "completed", "failure", "fee1dead", "fix-typo")
                .addJob(200, 1, 701, "test (ubuntu-latest, 21)", "completed", "failure", "GitHub Actions 9",
                        "Set up job=success", "Run ./gradlew test=failure", "Complete job=success")
                .addLog(701,
                        "##[group]Run ./gradlew test\n> Task :test FAILED\n##[error]Process completed with exit code 1.\n");
        scenario.event("workflow_run", workflowRunEvent("failure", 1)).set("GITHUB_WORKFLOW", "Recovery report")
                .set("GITHUB_JOB", "report").set("GITHUB_RUN_ID", "300").input("job-id", "").install();
    }

    @Test
    void findsTheForksPullRequestByHeadAndComments(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("report");

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(scenario.outputs()).containsEntry("mode", "workflow-run").containsEntry("pull-request", "12")
                .containsEntry("failed-job", "test (ubuntu-latest, 21)").containsEntry("failed-step", "Run ./gradlew test");
        assertThat(scenario.apiCalls()).containsExactly(
                "GET /repos/octo/app/actions/runs/200/attempts/1/jobs?per_page=100&page=1",
                "GET /repos/octo/app/actions/jobs/701/logs",
                "GET /repos/octo/app/actions/runs/200",
                "GET /repos/octo/app/actions/workflows/159038/runs?exclude_pull_requests=true&per_page=4&page=1&branch=fix-typo&status=success",
                "GET /repos/octo/app",
                "GET /repos/octo/app/actions/workflows/159038/runs?exclude_pull_requests=true&per_page=4&page=1&branch=main&status=success",
                "GET /repos/octo/app/pulls?state=open&head=forker%3Afix-typo&per_page=100",
                "GET /repos/octo/app/issues/12",
                "GET /repos/octo/app/issues/12/comments?per_page=100",
                "POST /repos/octo/app/issues/12/comments");
        assertThat(scenario.api.commentBodies(12)).singleElement().asString()
                .startsWith("<!-- recovery-action:CI/workflow_run -->")
                .contains("https://github.com/octo/app/actions/runs/200");
        assertThat(scenario.runnerTemp()).as("downloaded logs are removed").isEmptyDirectory();
        scenario.assertUsableByRunnerUser();
    }

    @Test
    void saysRecoveredInTheSameCommentWhenTheRerunPassed(QuarkusMainLauncher launcher) {
        assertThat(launcher.launch("report").exitCode()).isZero();
        scenario.api.addJob(200, 2, 801, "test (ubuntu-latest, 21)", "completed", "success", "GitHub Actions 9",
                "Set up job=success", "Run ./gradlew test=success", "Complete job=success");
        scenario.event("workflow_run", workflowRunEvent("success", 2)).install();

        LaunchResult result = launcher.launch("report");

        assertThat(result.exitCode()).isZero();
        assertThat(scenario.outputs()).containsEntry("recovered", "true");
        assertThat(scenario.api.commentBodies(12)).singleElement().asString().contains("Recovered", "Attempt 2");
        assertThat(scenario.apiCalls()).anyMatch(call -> call.startsWith("PATCH /repos/octo/app/issues/comments/"));
    }
}
