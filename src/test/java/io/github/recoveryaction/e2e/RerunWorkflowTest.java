package io.github.recoveryaction.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.recoveryaction.github.fake.FakeArtifactService;
import io.github.recoveryaction.github.fake.FakeGitHubApi;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * Automatic re-runs: a {@code workflow_run} workflow ({@code recovery.yml}) reports on run 200 of {@code CI} and
 * decides whether to re-run its failed jobs, against the fake GitHub with attempts, jobs per attempt, logs,
 * artifacts and the {@code rerun-failed-jobs} endpoint.
 */
@QuarkusMainTest
class RerunWorkflowTest {

    static final String RERUN = "POST /repos/octo/app/actions/runs/200/rerun-failed-jobs";

    static final String NETWORK_LOG = """
            ##[group]Run npm ci
            npm ci
            ##[endgroup]
            npm ERR! code ECONNRESET
            npm ERR! network aborted
            npm ERR! network This is a problem related to network connectivity.
            ##[error]Process completed with exit code 1.
            """;

    static final String TEST_LOG = """
            ##[group]Run ./gradlew test
            ./gradlew test
            ##[endgroup]
            > Task :test

            CartTest > addsItem() FAILED
                org.opentest4j.AssertionFailedError at CartTest.java:42

            2 tests completed, 1 failed

            > Task :test FAILED
            ##[error]Process completed with exit code 1.
            """;

    static final String TIMEOUT_LOG = """
            ##[group]Run ./gradlew integrationTest
            ./gradlew integrationTest
            ##[endgroup]
            > Task :integrationTest
            ExportIT > exportsAllOrders() STARTED
            ##[error]The action 'Run ./gradlew integrationTest' has timed out after 30 minutes.
            """;

    @AutoClose
    final RunnerScenario scenario = new RunnerScenario();

    static String event(String name, int attempt, String conclusion) {
        return """
                {"action":"completed",
                 "workflow_run":{"id":200,"name":"CI","run_attempt":%d,"event":"pull_request","status":"completed",
                   "conclusion":"%s","head_sha":"fee1dead","head_branch":"feature","path":".github/workflows/ci.yml",
                   "pull_requests":[{"number":12}],
                   "head_repository":{"full_name":"octo/app","owner":{"login":"octo"}}},
                 "repository":{"full_name":"octo/app"}}""".formatted(attempt, conclusion).replace("\"name\":\"CI\"",
                "\"name\":\"" + name + "\"");
    }

    @BeforeEach
    void setUp() {
        scenario.api.addPullRequest(12, "fee1dead", "octo:feature", "open");
        scenario.set("GITHUB_WORKFLOW", "Recovery").set("GITHUB_WORKFLOW_REF",
                "octo/app/.github/workflows/recovery.yml@refs/heads/main").set("GITHUB_JOB", "recover")
                .set("GITHUB_RUN_ID", "300").input("job-id", "").input("rerun", "transient");
    }

    /** Attempt {@code attempt} of run 200 ended with {@code conclusion}; the recovery workflow starts for it. */
    private RunnerScenario attempt(int attempt, String conclusion) {
        scenario.api.addRun(200, attempt, "pull_request", "completed", conclusion, "fee1dead", "feature", 12);
        scenario.event("workflow_run", event("CI", attempt, conclusion));
        return scenario;
    }

    /** Job {@code build} of the attempt failed because npm's connection to the registry was reset. */
    private FakeGitHubApi networkFailure(int attempt, long jobId) {
        return scenario.api.addJob(200, attempt, jobId, "build", "completed", "failure", "GitHub Actions 3",
                "Set up job=success", "Run npm ci=failure", "Complete job=success").addLog(jobId, NETWORK_LOG);
    }

    private LaunchResult report(QuarkusMainLauncher launcher) {
        scenario.install();
        LaunchResult result = launcher.launch("report");
        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        return result;
    }

    private String comment() {
        assertThat(scenario.api.commentBodies(12)).hasSize(1);
        return scenario.api.commentBodies(12).get(0);
    }

    @Test
    void aTransientFailureIsRerunOnceAndTheCommentSaysSo(QuarkusMainLauncher launcher) {
        attempt(1, "failure");
        networkFailure(1, 701)
                .addJob(200, 1, 702, "lint", "completed", "success", "GitHub Actions 4", "Set up job=success");

        report(launcher);

        assertThat(scenario.apiCalls()).filteredOn(RERUN::equals).hasSize(1);
        assertThat(scenario.api.rerunRequests()).containsExactly(200L);
        String reason = scenario.outputs().get("rerun-reason");
        assertThat(reason).startsWith("Re-running 1 failed job, attempt 2 of 3: `network_error` in `build` — ");
        assertThat(scenario.outputs()).containsEntry("rerun", "true").containsEntry("rerun-jobs", "[\"build\"]")
                .containsEntry("flaky-tests", "[]");
        assertThat(comment()).contains("🔁 **Re-running 1 failed job, attempt 2 of 3: `network_error` in `build` — ");
        assertThat(scenario.summary()).contains("Re-running 1 failed job, attempt 2 of 3");
    }

    @Test
    void aDeterministicFailureBesideATransientOneMeansNoRerun(QuarkusMainLauncher launcher) {
        attempt(1, "failure");
        networkFailure(1, 701)
                .addJob(200, 1, 703, "test", "completed", "failure", "GitHub Actions 5", "Set up job=success",
                        "Run ./gradlew test=failure")
                .addLog(703, TEST_LOG);

        report(launcher);

        assertThat(scenario.apiCalls()).doesNotContain(RERUN);
        assertThat(scenario.outputs()).containsEntry("rerun", "false").containsEntry("rerun-jobs", "[]")
                .containsEntry("rerun-reason", "Not re-running: `test_failure` in `test` is not transient");
        assertThat(comment()).contains("Not re-running: `test_failure` in `test` is not transient");
    }

    @Test
    void atMaxAttemptsNothingIsRerun(QuarkusMainLauncher launcher) {
        attempt(3, "failure");
        networkFailure(3, 901);

        report(launcher);

        assertThat(scenario.apiCalls()).doesNotContain(RERUN);
        assertThat(scenario.outputs()).containsEntry("rerun-reason",
                "Not re-running: attempt 3 reached max-attempts (3)");
    }

    @Test
    void aCancelledRunIsNotRerun(QuarkusMainLauncher launcher) {
        attempt(1, "cancelled");
        scenario.api.addJob(200, 1, 701, "build", "completed", "cancelled", "GitHub Actions 3", "Set up job=success",
                "Run npm ci=cancelled").addLog(701, NETWORK_LOG);

        report(launcher);

        assertThat(scenario.apiCalls()).doesNotContain(RERUN);
        assertThat(scenario.outputs()).containsEntry("rerun", "false")
                .containsEntry("rerun-reason", "Not re-running: the run was cancelled");
    }

    @Test
    void aCancelledAttemptIsReportedAsCancelledAndLeavesTheStickyCommentAlone(QuarkusMainLauncher launcher) {
        attempt(2, "cancelled");
        String earlier = "<!-- recovery-action:CI/workflow_run -->\n## 🔧 Recovery plan\n\nattempt 1 failed";
        scenario.api.addComment(12, FakeGitHubApi.BOT, earlier);
        scenario.api.addJob(200, 2, 801, "build", "completed", "cancelled", "GitHub Actions 3", "Set up job=success",
                "Run npm ci=cancelled").addLog(801, NETWORK_LOG);

        report(launcher);

        assertThat(scenario.apiCalls()).doesNotContain(RERUN)
                .noneMatch(call -> call.startsWith("POST /repos/octo/app/issues/") || call.startsWith("PATCH "));
        assertThat(scenario.api.commentBodies(12)).containsExactly(earlier);
        assertThat(scenario.outputs()).containsEntry("cancelled", "true").containsEntry("recovered", "false")
                .containsEntry("rerun", "false").containsEntry("failure-type", "")
                .containsEntry("rerun-reason", "Not re-running: the run was cancelled");
        assertThat(scenario.summary()).contains("Attempt 2 of CI was cancelled").doesNotContain("No failure to recover");
    }

    @Test
    void aFailedAttemptIsNotCancelled(QuarkusMainLauncher launcher) {
        attempt(1, "failure");
        networkFailure(1, 701);

        report(launcher);

        assertThat(scenario.outputs()).containsEntry("cancelled", "false").containsEntry("recovered", "false");
    }

    @Test
    void aRefusedRerunIsOneWarningNamingThePermissionAndTheCommentIsStillWritten(QuarkusMainLauncher launcher) {
        attempt(1, "failure");
        scenario.api.refuseReruns("Resource not accessible by integration");
        networkFailure(1, 701);

        LaunchResult result = report(launcher);

        assertThat(result.getOutput().lines().filter(l -> l.startsWith("::warning::"))).singleElement().asString()
                .contains("HTTP 403", "actions: write");
        assertThat(scenario.outputs()).containsEntry("rerun", "false").containsEntry("rerun-jobs", "[]");
        assertThat(scenario.outputs().get("rerun-reason")).startsWith("Not re-run: GitHub refused the token (HTTP 403), "
                + "which needs actions: write; wanted to re-run 1 failed job, attempt 2 of 3");
        assertThat(comment()).contains("Not re-run: GitHub refused the token (HTTP 403)");
    }

    @Test
    void whenTheRerunPassesTheCommentSaysRecoveredAndNamesTheFlakyTests(QuarkusMainLauncher launcher) {
        scenario.input("rerun", "test_failure");
        attempt(1, "failure");
        scenario.api.addJob(200, 1, 701, "test", "completed", "failure", "GitHub Actions 3", "Set up job=success",
                "Run ./gradlew test=failure").addLog(701, TEST_LOG);
        report(launcher);
        assertThat(scenario.api.rerunRequests()).containsExactly(200L);

        attempt(2, "success");
        scenario.api.addJob(200, 2, 801, "test", "completed", "success", "GitHub Actions 6", "Set up job=success",
                "Run ./gradlew test=success");
        report(launcher);

        assertThat(scenario.outputs()).containsEntry("recovered", "true").containsEntry("rerun", "false")
                .containsEntry("rerun-reason", "").containsEntry("flaky-tests", "[\"CartTest > addsItem()\"]");
        assertThat(comment()).contains("## ✅ Recovered on attempt 2", "Flaky tests (1)",
                "They failed in attempt 1 and passed in attempt 2:\n\n- `CartTest > addsItem()`");
        assertThat(scenario.summary()).contains("Recovered on attempt 2", "CartTest > addsItem()");
        assertThat(scenario.api.rerunRequests()).containsExactly(200L);
    }

    @Test
    void flakyTestsComeFromTheJUnitReportsOfBothAttempts(QuarkusMainLauncher launcher) {
        attempt(2, "failure");
        scenario.api.attemptStarted(200, 2, "2026-11-26T11:00:00Z")
                .addJob(200, 1, 701, "test", "completed", "failure", "GitHub Actions 3", "Set up job=success",
                        "Run ./gradlew test=failure")
                .addLog(701, TEST_LOG)
                .addJob(200, 2, 801, "test", "completed", "failure", "GitHub Actions 6", "Set up job=success",
                        "Run ./gradlew test=failure")
                .addLog(801, TEST_LOG.replace("addsItem", "total"));
        scenario.api.addArtifact(200, "test-results", "2026-11-26T10:03:00Z", Map.of("build/test-results/TEST-Cart.xml",
                junit("addsItem", "total")));
        scenario.api.addArtifact(200, "test-results", "2026-11-26T11:04:00Z", Map.of("build/test-results/TEST-Cart.xml",
                junit("total")));

        report(launcher);

        assertThat(scenario.outputs()).containsEntry("flaky-tests", "[\"com.example.CartTest.addsItem\"]")
                .containsEntry("recovered", "false");
        assertThat(comment()).contains("Flaky tests (1)", "com.example.CartTest.addsItem");
    }

    /** A Surefire-style report of CartTest where {@code failing} fail and the others pass. */
    static String junit(String... failing) {
        StringBuilder xml = new StringBuilder("<testsuite name=\"com.example.CartTest\">");
        for (String test : new String[] { "addsItem", "total", "ok" }) {
            xml.append("<testcase classname=\"com.example.CartTest\" name=\"").append(test).append("\">");
            if (List.of(failing).contains(test)) {
                xml.append("<failure message=\"expected\">at com.example.CartTest.").append(test)
                        .append("(CartTest.java:42)</failure>");
            }
            xml.append("</testcase>");
        }
        return xml.append("</testsuite>").toString();
    }

    @Test
    void aDryRunDecidesAndReportsWithoutCallingGitHub(QuarkusMainLauncher launcher) {
        attempt(1, "failure");
        scenario.input("rerun-dry-run", "true");
        networkFailure(1, 701);

        LaunchResult result = report(launcher);

        assertThat(scenario.apiCalls()).doesNotContain(RERUN);
        assertThat(scenario.outputs()).containsEntry("rerun", "false");
        assertThat(scenario.outputs().get("rerun-reason")).startsWith("Dry run: would re-run 1 failed job, attempt 2 of 3");
        assertThat(result.getOutput()).contains("Dry run (rerun-dry-run): would ask GitHub to re-run the failed jobs of "
                + "run 200.");
        assertThat(comment()).contains("🧪 **Dry run: would re-run 1 failed job");
    }

    @Test
    void aManualDispatchIsADryRunByDefault(QuarkusMainLauncher launcher) {
        scenario.api.addRun(200, 1, "pull_request", "completed", "failure", "fee1dead", "feature", 12);
        networkFailure(1, 701);
        scenario.event("workflow_dispatch", "{\"inputs\":{\"run-id\":\"200\"}}").input("mode", "workflow-run")
                .input("run-id", "200");

        report(launcher);

        assertThat(scenario.apiCalls()).doesNotContain(RERUN);
        assertThat(scenario.outputs().get("rerun-reason")).startsWith("Dry run: would re-run 1 failed job");
    }

    @Test
    void neverRerunsTheWorkflowItRunsIn(QuarkusMainLauncher launcher) {
        attempt(1, "failure");
        scenario.api.runDetails(200, "2026-11-26T10:00:00Z", 159038, ".github/workflows/recovery.yml");
        networkFailure(1, 701);

        report(launcher);

        assertThat(scenario.apiCalls()).doesNotContain(RERUN);
        assertThat(scenario.outputs().get("rerun-reason")).isEqualTo("Not re-running: run 200 is of this workflow "
                + "(.github/workflows/recovery.yml); the action never re-runs the workflow it runs in, so it cannot loop");
    }

    @Test
    void aTimeoutOfAStepThatUsuallyFinishesQuicklyIsRerun(QuarkusMainLauncher launcher) {
        attempt(1, "failure");
        scenario.api.addJob(200, 1, 701, "e2e", "completed", "failure", "GitHub Actions 3", "Set up job=success",
                "Run ./gradlew integrationTest=failure", "Complete job=success").addLog(701, TIMEOUT_LOG)
                .stepTimes(701, 2, "2026-11-26T10:00:10Z", "2026-11-26T10:30:10Z");
        for (long run = 150; run < 153; run++) {
            scenario.api.addRun(run, 1, "push", "completed", "success", "beef", "main")
                    .addJob(run, 1, run * 10, "e2e", "completed", "success", "GitHub Actions 1", "Set up job=success",
                            "Run ./gradlew integrationTest=success");
        }

        report(launcher);

        assertThat(scenario.api.rerunRequests()).containsExactly(200L);
        assertThat(scenario.outputs().get("rerun-reason")).isEqualTo("Re-running 1 failed job, attempt 2 of 3: "
                + "`timeout` in `e2e` — the step usually takes 1m (median of 3 successful runs), well inside its 30m limit");
        // the baseline lists the passing runs of one branch; the timeout's history those of every branch, once
        assertThat(scenario.apiCalls()).filteredOn(c -> c.contains("/actions/workflows/") && !c.contains("branch="))
                .containsExactly("GET /repos/octo/app/actions/workflows/159038/runs?exclude_pull_requests=true"
                        + "&per_page=9&page=1&status=success");
    }

    @Test
    void aWrongRerunValueIsOneWarningNamingItAndTheFix(QuarkusMainLauncher launcher) {
        attempt(1, "failure");
        scenario.input("rerun", "transiant");

        LaunchResult result = report(launcher);

        assertThat(result.getOutput()).contains("::warning::recovery-action could not finish: rerun: 'transiant' is not "
                + "off, transient or a list of failure types (timeout, test_failure, ");
        assertThat(scenario.apiCalls()).doesNotContain(RERUN);
    }

    @Test
    void rememberedFlakyTestsAllowOneRerunOfATestFailureAndNewOnesAreRecorded(QuarkusMainLauncher launcher)
            throws IOException {
        FakeArtifactService artifacts = new FakeArtifactService(RunnerScenario.REPOSITORY, 300).register(scenario.server);
        scenario.api.serveArtifacts();
        scenario.input("github-token", FakeArtifactService.READ_TOKEN).file(".github/recovery.yml",
                "rerun-flaky-tests: true\n");
        String seen = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        scenario.api.addArtifact(100, "recovery-flaky-tests", seen, Map.of("flaky-tests.json",
                "{\"schemaVersion\":1,\"tests\":[{\"test\":\"com.example.CartTest.addsItem\",\"lastSeen\":\"" + seen
                        + "\",\"lastRun\":100,\"count\":1}]}"));
        attempt(1, "failure");
        scenario.api.addJob(200, 1, 701, "test", "completed", "failure", "GitHub Actions 3", "Set up job=success",
                "Run ./gradlew test=failure").addLog(701, TEST_LOG);

        report(launcher);

        assertThat(scenario.api.rerunRequests()).containsExactly(200L);
        assertThat(scenario.outputs().get("rerun-reason")).endsWith("`test_failure` in `test` — its failing test was "
                + "flaky before");

        attempt(2, "success");
        scenario.api.addJob(200, 2, 801, "test", "completed", "success", "GitHub Actions 6", "Set up job=success",
                "Run ./gradlew test=success");
        report(launcher);

        assertThat(artifacts.artifacts()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("recovery-flaky-tests");
            assertThat(unzip(a.content())).contains("\"test\" : \"CartTest > addsItem()\"",
                    "\"test\" : \"com.example.CartTest.addsItem\"");
        });
    }

    private static String unzip(byte[] zip) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry = in.getNextEntry();
            assertThat(entry.getName()).isEqualTo("flaky-tests.json");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
