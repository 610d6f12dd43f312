package io.github.recoveryaction.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** {@code recovery report} in a later job of a push run ({@code needs: [build]}, {@code if: failure()}). */
@QuarkusMainTest
class FollowUpReportTest {

    static final String BUILD_LOG = """
            2026-11-26T10:00:05.1000000Z ##[group]Run mvn -B verify
            2026-11-26T10:00:05.1000000Z mvn -B verify
            2026-11-26T10:00:05.2000000Z ##[endgroup]
            2026-11-26T10:03:00.0000000Z [ERROR] Tests run: 12, Failures: 2, Errors: 0, Skipped: 0
            2026-11-26T10:03:00.1000000Z [ERROR] BUILD FAILURE
            2026-11-26T10:03:01.0000000Z ##[error]Process completed with exit code 1.
            """;

    @AutoClose
    final RunnerScenario scenario = new RunnerScenario();

    @BeforeEach
    void setUp() {
        scenario.followUpJob().api.addPullRequest(7, "abc123", "octo:feature", "open")
                .addJob(100, 1, 501, "build", "completed", "failure", "GitHub Actions 2", "Set up job=success",
                        "Run mvn -B verify=failure", "Complete job=success")
                .addJob(100, 1, 502, "lint", "completed", "success", "GitHub Actions 3", "Set up job=success",
                        "Run npm run lint=success")
                .addLog(501, BUILD_LOG);
        scenario.install();
    }

    @Test
    void downloadsTheFailedJobsLogAndCommentsOnTheCommitsPullRequest(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("report");

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(scenario.outputs()).containsEntry("mode", "follow-up").containsEntry("failed-job", "build")
                .containsEntry("failed-step", "Run mvn -B verify").containsEntry("pull-request", "7")
                .containsEntry("recovered", "false");
        assertThat(scenario.outputs().get("failures-json")).contains("\"job\":\"build\"").doesNotContain("lint");
        assertThat(scenario.summary()).contains("build", "Run mvn -B verify", "Evidence from job log");
        assertThat(io.github.recoveryaction.classify.FailureType.findById(scenario.outputs().get("failure-type")))
                .isPresent();
        assertThat(scenario.apiCalls()).containsExactlyElementsOf(FollowUpApiCalls.FIRST_REPORT);
        assertThat(scenario.server.requestLines()).anyMatch(line -> line.startsWith("GET /_storage/logs/501"));
        assertThat(scenario.api.authorizationSentToStorage()).isFalse();
        assertThat(scenario.api.commentBodies(7)).singleElement().asString()
                .startsWith("<!-- recovery-action:CI/recover -->");
        assertThat(scenario.runnerTemp()).as("downloaded logs are removed").isEmptyDirectory();
        scenario.assertUsableByRunnerUser();
    }

    /** Compilers print the runner's host paths; plans, annotations and outputs show paths in the repository. */
    @Test
    void showsSourcePathsRelativeToTheRepository(QuarkusMainLauncher launcher) {
        scenario.api.addJob(100, 1, 505, "compile", "completed", "failure", "GitHub Actions 5", "Set up job=success",
                "Run mvn -B compile=failure").addLog(505,
                        """
                                2026-11-26T10:00:05.1000000Z ##[group]Run mvn -B compile
                                2026-11-26T10:00:05.2000000Z ##[endgroup]
                                2026-11-26T10:01:00.0000000Z [ERROR] COMPILATION ERROR :
                                2026-11-26T10:01:00.1000000Z [ERROR] /home/runner/work/app/app/src/main/java/com/example/Cart.java:[12,5] cannot find symbol
                                2026-11-26T10:01:00.2000000Z [ERROR] BUILD FAILURE
                                2026-11-26T10:01:01.0000000Z ##[error]Process completed with exit code 1.
                                """);

        LaunchResult result = launcher.launch("report");

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        String failures = scenario.outputs().get("failures-json");
        assertThat(failures).contains("\"file\":\"src/main/java/com/example/Cart.java\"");
        assertThat(result.getOutput()).contains("::error file=src/main/java/com/example/Cart.java,line=12");
        assertThat(scenario.summary()).contains("src/main/java/com/example/Cart.java");
        assertThat(scenario.summary().lines().filter(l -> !l.matches("^\\s*\\d+ │.*")))
                .noneMatch(l -> l.contains("/home/runner/work"));
    }

    @Test
    void retriesServerErrorsOfTheApi(QuarkusMainLauncher launcher) {
        String jobs = "/repos/octo/app/actions/runs/100/attempts/1/jobs";
        scenario.server.failNext("GET", jobs, 1, 500, Map.of()).failNext("GET", jobs, 1, 502, Map.of());

        LaunchResult result = launcher.launch("report");

        assertThat(result.exitCode()).isZero();
        assertThat(scenario.apiCalls().stream().filter(call -> call.startsWith("GET " + jobs))).hasSize(3);
        assertThat(scenario.outputs()).containsEntry("failed-job", "build");
    }

    @Test
    void reportsTheFailedStepWhenGitHubHasNoLogYet(QuarkusMainLauncher launcher) {
        scenario.api.addJob(100, 1, 504, "e2e", "completed", "failure", "GitHub Actions 5", "Set up job=success",
                "Run ./e2e.sh=failure");

        LaunchResult result = launcher.launch("report");

        assertThat(result.exitCode()).isZero();
        assertThat(scenario.apiCalls()).contains("GET /repos/octo/app/actions/jobs/504/logs");
        assertThat(scenario.summary()).contains("e2e", "Run ./e2e.sh", "no log for job e2e yet");
        assertThat(scenario.outputs().get("failures-json")).contains("\"job\":\"build\"", "\"job\":\"e2e\"");
    }
}
