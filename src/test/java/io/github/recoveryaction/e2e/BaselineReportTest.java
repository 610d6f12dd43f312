package io.github.recoveryaction.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * {@code recovery report} in a follow-up job with {@code baseline: auto}: the failed job is compared with the same
 * job of the last passing run on its branch (logs made with Maven, {@code src/test/resources/baseline}).
 */
@QuarkusMainTest
class BaselineReportTest {

    @AutoClose
    final RunnerScenario scenario = new RunnerScenario();

    @BeforeEach
    void setUp() {
        Instant day = Instant.parse("2026-11-25T09:00:00Z");
        scenario.followUpJob().api
                .addJob(100, 1, 501, "test", "completed", "failure", "GitHub Actions 2", "Set up job=success",
                        "Run mvn -B -o verify -Dsurefire.rerunFailingTestsCount=2=failure", "Complete job=success")
                .addLog(501, resource("maven-test-fail.log"))
                .addHistoryRun(90, ".github/workflows/ci.yml", "feature", "aaa111", "success", 1, day,
                        day.plusSeconds(300))
                .addTimedJob(90, 1, 401, "test", "success", day, day.plusSeconds(240))
                .addLog(401, resource("maven-test-pass.log"));
        scenario.input("comment", "false").input("baseline", "auto").install();
    }

    @Test
    void comparesTheFailedJobWithItsLastPassingRun(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("report");

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(scenario.outputs()).containsEntry("failure-type", "test_failure");
        assertThat(scenario.summary()).containsPattern("\\d+ of \\d+ lines are new since \\[the last passing run\\]"
                + "\\(https://github.com/octo/app/actions/runs/90/job/401\\)")
                .contains("totalAddsPrices").doesNotContain("pricesLoadFromWarmCache");
        assertThat(scenario.apiCalls()).contains("GET /repos/octo/app/actions/runs/100",
                "GET /repos/octo/app/actions/workflows/159038/runs?exclude_pull_requests=true&per_page=4&page=1&branch=feature&status=success",
                "GET /repos/octo/app/actions/runs/90/attempts/1/jobs?per_page=100&page=1",
                "GET /repos/octo/app/actions/jobs/401/logs");
        assertThat(result.getOutput()).contains("Baseline for job test: run 90 on feature");
        assertThat(leftInRunnerTemp()).noneMatch(p -> p.getFileName().toString().startsWith("baseline"));
        scenario.assertUsableByRunnerUser();
    }

    @Test
    void offClassifiesTheFailingLogAlone(QuarkusMainLauncher launcher) {
        scenario.input("baseline", "off").install();

        LaunchResult result = launcher.launch("report");

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(scenario.summary()).doesNotContain("new since").contains("pricesLoadFromWarmCache");
        assertThat(scenario.apiCalls()).noneMatch(call -> call.contains("/actions/workflows/"));
        scenario.assertUsableByRunnerUser();
    }

    @Test
    void aBadValueIsAWarningNamingIt(QuarkusMainLauncher launcher) {
        scenario.input("baseline", "sometimes").install();

        LaunchResult result = launcher.launch("report");

        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).contains("baseline 'sometimes' is not known; use auto or off");
    }

    private Stream<Path> leftInRunnerTemp() {
        try (Stream<Path> files = Files.walk(scenario.runner.paths.runnerTemp)) {
            return files.toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String name) {
        try (var in = BaselineReportTest.class.getResourceAsStream("/baseline/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
