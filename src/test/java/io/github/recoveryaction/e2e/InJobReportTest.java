package io.github.recoveryaction.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** {@code recovery report} as an {@code if: failure()} step of a pull request's failing job. */
@QuarkusMainTest
class InJobReportTest {

    static final String PULL_REQUEST_EVENT = """
            {"action":"synchronize","number":7,
             "pull_request":{"number":7,"head":{"sha":"abc123","ref":"feature","label":"octo:feature"},
                             "base":{"ref":"main"}},
             "repository":{"full_name":"octo/app"}}""";

    static final String SUREFIRE_REPORT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuite name="com.example.CartTest" tests="3" failures="1" errors="0" skipped="0">
              <testcase name="addsItem" classname="com.example.CartTest" time="0.01"/>
              <testcase name="appliesDiscount" classname="com.example.CartTest" time="0.02">
                <failure message="expected: &lt;90&gt; but was: &lt;100&gt;" type="org.opentest4j.AssertionFailedError">org.opentest4j.AssertionFailedError: expected: &lt;90&gt; but was: &lt;100&gt;
                at com.example.CartTest.appliesDiscount(CartTest.java:42)</failure>
              </testcase>
            </testsuite>
            """;

    @AutoClose
    final RunnerScenario scenario = new RunnerScenario();

    @BeforeEach
    void setUp() {
        scenario.api.addPullRequest(7, "abc123", "octo:feature", "open")
                .addRun(100, 1, "pull_request", "in_progress", null, "abc123", "feature", 7)
                .addJob(100, 1, 501, "build", "in_progress", null, "GitHub Actions 2", "Set up job=success",
                        "Run actions/checkout@v4=success", "Run mvn -B verify=failure", "Run recovery-action=in_progress");
        scenario.event("pull_request", PULL_REQUEST_EVENT)
                .input("job-id", "501")
                .input("log-files", "build.log")
                .input("test-reports", "target/surefire-reports/*.xml")
                .file("build.log", "[INFO] Running com.example.CartTest\n"
                        + "[ERROR] Tests run: 3, Failures: 1, Errors: 0, Skipped: 0\n[ERROR] BUILD FAILURE\n")
                .file("target/surefire-reports/TEST-com.example.CartTest.xml", SUREFIRE_REPORT)
                .file("src/test/java/com/example/CartTest.java", "class CartTest {}\n")
                .install();
    }

    @Test
    void writesTheSummaryOutputsAnnotationsAndOneStickyComment(QuarkusMainLauncher launcher) {
        LaunchResult first = launcher.launch("report");

        assertThat(first.exitCode()).as(first.getErrorOutput()).isZero();
        Map<String, String> outputs = scenario.outputs();
        assertThat(outputs).containsEntry("failure-type", "test_failure")
                .containsEntry("failed-step", "Run mvn -B verify")
                .containsEntry("failed-step-number", "3")
                .containsEntry("resume-after", "2")
                .containsEntry("mode", "in-job")
                .containsEntry("recovered", "false")
                .containsEntry("pull-request", "7")
                .containsKeys("rule", "confidence", "lane", "plan-json", "classification-json", "summary-markdown");
        assertThat(outputs.get("comment-url")).startsWith("https://github.com/octo/app/pull/7#issuecomment-");
        assertThat(outputs.get("plan-json")).contains("\"failureType\":\"test_failure\"");
        assertThat(scenario.summary()).contains("Test failure", "Run mvn -B verify", "com.example.CartTest.appliesDiscount",
                "expected: &lt;90&gt; but was: &lt;100&gt;");
        assertThat(first.getOutput()).contains(
                "::error file=src/test/java/com/example/CartTest.java,line=42,title=Test failed%3A com.example.CartTest.appliesDiscount::");
        assertThat(first.getOutput() + first.getErrorOutput()).doesNotContain(RunnerScenario.TOKEN.substring(4));
        assertThat(scenario.apiCalls()).containsExactly(
                "GET /repos/octo/app/actions/jobs/501",
                "GET /repos/octo/app",
                "GET /repos/octo/app/issues/7",
                "GET /repos/octo/app/issues/7/comments?per_page=100",
                "POST /repos/octo/app/issues/7/comments");
        assertThat(scenario.api.commentBodies(7)).singleElement().asString()
                .startsWith("<!-- recovery-action:CI/build -->").contains("Test failure");
        assertThat(scenario.runnerTemp()).isEmptyDirectory();
        scenario.assertUsableByRunnerUser();

        scenario.install();
        LaunchResult second = launcher.launch("report");

        assertThat(second.exitCode()).isZero();
        assertThat(scenario.api.commentBodies(7)).hasSize(1);
        assertThat(scenario.apiCalls()).contains("PATCH /repos/octo/app/issues/comments/"
                + outputs.get("comment-url").replaceAll(".*-", "")).noneMatch(call -> call.startsWith("POST"));
    }

    /** docs/action.md's globs, and absolute paths as ${{ github.workspace }} gives them (host paths after line 1). */
    @Test
    void readsGlobsAsActionsDoAndAbsolutePathsInTheWorkspace(QuarkusMainLauncher launcher) {
        scenario.file("logs/it.log", "[ERROR] Tests run: 1, Failures: 1, Errors: 0, Skipped: 0\n")
                .input("log-files", "${{ github.workspace }}/build.log\n${{ github.workspace }}/logs/*.log\n/etc/hostname")
                .input("test-reports", "**/target/surefire-reports/*.xml\n**/target/failsafe-reports/*.xml")
                .install();

        LaunchResult result = launcher.launch("report");

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(scenario.summary()).contains("com.example.CartTest.appliesDiscount")
                .doesNotContain("The test reports list no failing test")
                .contains("test-reports: no file matches", "failsafe-reports", "'/etc/hostname' is outside the workspace");
        List<String> warnings = result.getOutput().lines().filter(l -> l.startsWith("::warning::")).toList();
        assertThat(warnings).anyMatch(w -> w.contains("no file matches '**/target/failsafe-reports/*.xml'"))
                .anyMatch(w -> w.contains("'/etc/hostname' is outside the workspace"))
                .noneMatch(w -> w.contains("build.log") || w.contains("logs/"));
        assertThat(scenario.outputs().get("failure-type")).isEqualTo("test_failure");
    }

    /** Step 3 of the jobs API (Set up job is 1) everywhere people look; classification JSON also keeps the log's count. */
    @Test
    void numbersTheFailedStepOneWayEverywhere(QuarkusMainLauncher launcher) {
        scenario.input("test-reports", "").file(".github/recovery-plans.yml", """
                schema-version: 1
                templates:
                  - id: test_failure
                    actions:
                      - strategy: retry
                        description: ["Re-run step {{step-number}} of the job.", "Re-run the step."]
                        commands: [["gh run rerun {{run-id}} --failed  # step {{step-number}}", "gh run rerun"]]
                        estimated-minutes: {docs: 3, standard: 10, heavy: 30}
                        success-criteria: [["Step {{step-number}} is green.", "The step is green."]]
                        rollback-steps: ["Nothing to undo."]
                      - strategy: skip
                        description: ["Quarantine the test."]
                        commands: ["echo quarantine"]
                        estimated-minutes: {docs: 3, standard: 10, heavy: 30}
                        success-criteria: ["The remaining tests pass."]
                        rollback-steps: ["Nothing to undo."]
                    escalation:
                      description: ["Fix step {{step-number}}.", "Fix the step."]
                      steps: [["Look at step {{step-number}}.", "Look at the step."]]
                """).install();

        LaunchResult result = launcher.launch("report");

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(scenario.summary()).contains("in step 3 `Run mvn -B verify`", "job/501#step:3:1",
                "failed step 3 Run mvn -B verify").doesNotContain("in step 2");
        assertThat(result.getOutput()).contains("in step 3 Run mvn -B verify::");
        assertThat(scenario.outputs()).containsEntry("failed-step-number", "3");
        assertThat(scenario.outputs().get("classification-json"))
                .contains("\"step\":{\"number\":2,\"name\":\"Run mvn -B verify\",\"jobStepNumber\":3}");
        ;
        assertThat(scenario.summary()).contains("Re-run step 3 of the job.", "Fix step 3.").doesNotContain("step 2 ");
        assertThat(scenario.outputs().get("plan-json")).contains("Re-run step 3 of the job.", "# step 3")
                .doesNotContain("step 2");
    }

    @Test
    void updatesTheCommentToSayRecoveredWhenALaterAttemptPasses(QuarkusMainLauncher launcher) {
        assertThat(launcher.launch("report").exitCode()).isZero();
        scenario.api.addJob(100, 2, 601, "build", "in_progress", null, "GitHub Actions 2", "Set up job=success",
                "Run actions/checkout@v4=success", "Run mvn -B verify=success", "Run recovery-action=in_progress");
        scenario.set("GITHUB_RUN_ATTEMPT", "2").input("job-id", "601").input("log-files", "")
                .input("test-reports", "").install();

        LaunchResult retried = launcher.launch("report");

        assertThat(retried.exitCode()).isZero();
        assertThat(scenario.outputs()).containsEntry("recovered", "true").containsEntry("failure-type", "");
        assertThat(scenario.api.commentBodies(7)).singleElement().asString().contains("Recovered", "Attempt 2");
        assertThat(scenario.summary()).contains("No failure to recover from");
    }

    @Test
    void skipsTheCommentWithOneWarningWhenTheTokenIsReadOnly(QuarkusMainLauncher launcher) {
        scenario.api.readOnlyToken(true);

        LaunchResult result = launcher.launch("report");

        assertThat(result.exitCode()).isZero();
        assertThat(scenario.summary()).contains("Test failure");
        assertThat(scenario.outputs()).containsEntry("failure-type", "test_failure").containsEntry("comment-url", "");
        assertThat(result.getOutput().lines().filter(l -> l.startsWith("::warning::")))
                .singleElement().asString().contains("pull-requests: write", "workflow_run");
        assertThat(scenario.api.commentBodies(7)).isEmpty();
    }

    @Test
    void warnsInOneLineAboutAnUnreadableEventFileAndStillReports(QuarkusMainLauncher launcher) {
        scenario.set("GITHUB_EVENT_PATH", scenario.root.resolve("missing-event.json").toString()).install();

        LaunchResult result = launcher.launch("report");

        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput().lines().filter(l -> l.startsWith("::warning::")))
                .singleElement().asString().contains("missing-event.json").doesNotContain("%0A");
        assertThat(scenario.summary()).contains("Test failure");
        assertThat(scenario.outputs()).containsEntry("pull-request", "");
    }

    @Test
    void waitsForTheRateLimitResetAndCarriesOn(QuarkusMainLauncher launcher) {
        long reset = Instant.now().getEpochSecond() + 1;
        scenario.server.failNext("GET", "/repos/octo/app/actions/jobs/501", 1, 403, Map.of(
                "x-ratelimit-remaining", "0", "x-ratelimit-reset", String.valueOf(reset),
                "x-ratelimit-resource", "core"));

        LaunchResult result = launcher.launch("report");

        assertThat(result.exitCode()).isZero();
        assertThat(scenario.apiCalls()).startsWith("GET /repos/octo/app/actions/jobs/501",
                "GET /repos/octo/app/actions/jobs/501");
        assertThat(scenario.outputs()).containsEntry("failed-step", "Run mvn -B verify");
    }

    @Test
    void turnsItsOwnFailureIntoAWarningUnlessAskedToFail(QuarkusMainLauncher launcher) {
        scenario.input("mode", "sideways").install();

        LaunchResult soft = launcher.launch("report");

        assertThat(soft.exitCode()).isZero();
        assertThat(soft.getOutput()).contains("::warning::recovery-action could not finish: mode 'sideways'");
        assertThat(scenario.summary()).contains("could not analyse");

        scenario.input("fail-on-error", "true").install();
        LaunchResult strict = launcher.launch("report");

        assertThat(strict.exitCode()).isEqualTo(2);
        assertThat(strict.getErrorOutput()).contains("mode 'sideways' is not known");
    }

    @Test
    void worksWithoutATokenFromTheLogFilesAlone(QuarkusMainLauncher launcher) {
        scenario.input("github-token", "").install();

        LaunchResult result = launcher.launch("report");

        assertThat(result.exitCode()).isZero();
        assertThat(scenario.apiCalls()).isEmpty();
        assertThat(scenario.outputs()).containsEntry("failure-type", "test_failure").containsEntry("comment-url", "");
        assertThat(scenario.summary()).contains("No github-token");
    }

    @Test
    void warnsAboutAnUnknownCommandInsteadOfFailingTheBuild(QuarkusMainLauncher launcher) {
        scenario.input("command", "frobnicate").install();

        LaunchResult result = launcher.launch("report");

        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).contains("::warning::recovery-action could not finish: command 'frobnicate'");
        assertThat(scenario.apiCalls()).isEmpty();
    }
}
