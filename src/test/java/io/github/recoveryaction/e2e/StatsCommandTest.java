package io.github.recoveryaction.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * {@code command: stats} in a scheduled workflow, against a fake repository whose 260 completed runs span three
 * pages and whose answers are known by construction: a re-run that passed (flaky), red spells of 24 minutes, one
 * hour and three hours on main and one still open, failures of four types, an expired log, and a rate limit.
 */
@QuarkusMainTest
class StatsCommandTest {

    static final Instant T0 = Instant.now().minus(15, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    static final String MAVEN = BaselineReportTest.resource("maven-test-fail.log");
    static final String GCC = BaselineReportTest.resource("gcc-compile-fail.log");
    static final String CURL = BaselineReportTest.resource("curl-network-fail.log");
    static final String CARGO = BaselineReportTest.resource("cargo-test-fail.log");
    static final String PYTEST = BaselineReportTest.resource("pytest-test-fail.log");

    @AutoClose
    final RunnerScenario scenario = new RunnerScenario();

    @BeforeEach
    void setUp() {
        for (int i = 1; i <= 260; i++) {
            long id = 1000 + i;
            String branch = i <= 250 ? "main" : "feature";
            String sha = i == 256 ? "sha1255" : "sha" + id;
            Instant created = created(id);
            switch ((int) id) {
                case 1010 -> {
                    // failed, then passed when its failed job was re-run: attempt 2 lists the passed build job again
                    scenario.api.addHistoryRun(id, ".github/workflows/ci.yml", branch, sha, "success", 2, created,
                            created.plusSeconds(30 * 60));
                    scenario.api.addTimedJob(id, 1, id * 10 + 1, "build", "success", created, created.plusSeconds(60))
                            .addTimedJob(id, 1, id * 10 + 2, "test", "failure", created.plusSeconds(60),
                                    created.plusSeconds(6 * 60))
                            .addTimedJob(id, 2, id * 10 + 1, "build", "success", created, created.plusSeconds(60))
                            .addTimedJob(id, 2, id * 10 + 3, "test", "success", created.plusSeconds(26 * 60),
                                    created.plusSeconds(30 * 60))
                            .addLog(id * 10 + 2, MAVEN);
                }
                case 1050 -> failed(id, branch, sha, "lint", GCC);
                case 1100, 1101, 1102 -> failed(id, branch, sha, "deps", CURL);
                case 1250 -> failed(id, branch, sha, "test", CARGO);
                case 1255 -> failed(id, branch, sha, "test", PYTEST);
                case 1258 -> failed(id, branch, sha, "e2e", null);
                default -> scenario.api.addHistoryRun(id, ".github/workflows/ci.yml", branch, sha, "success", 1, created,
                        created.plusSeconds(10 * 60));
            }
        }
        scenario.api.addRun(2000, 1, "push", "in_progress", null, "shaRunning", "main");
        scenario.input("command", "stats").input("days", "30").set("GITHUB_EVENT_NAME", "schedule").install();
    }

    @Test
    void reportsTheKnownFiguresAcrossThreePagesThroughARateLimit(QuarkusMainLauncher launcher) {
        long reset = Instant.now().plusSeconds(2).getEpochSecond();
        scenario.server.failNext("GET", "/repos/octo/app/actions/runs", 1, 403,
                Map.of("x-ratelimit-remaining", "0", "x-ratelimit-reset", String.valueOf(reset)));

        LaunchResult result = launcher.launch("report");

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        String log = result.getOutput() + result.getErrorOutput();
        assertThat(log).contains("HTTP 403, retrying in", "page 1: 100 runs", "page 2: 100 runs", "page 3: 60 runs");
        JsonNode stats = stats();
        assertThat(stats.path("runs").asInt()).isEqualTo(260);
        assertThat(stats.path("failedRuns").asInt()).isEqualTo(7);
        assertThat(stats.path("rerunRuns").asInt()).isEqualTo(1);
        assertThat(stats.path("failedJobs").asInt()).isEqualTo(8);
        assertThat(counts(stats.path("byType"), "failureType")).containsExactly("network_error=3", "test_failure=3",
                "compilation_error=1", "unknown=1");
        assertThat(counts(stats.path("byJob"), "job")).containsExactly("deps=3", "test=3", "e2e=1", "lint=1");
        assertThat(stats.path("failedJobSeconds").asLong()).isEqualTo(8 * 5 * 60);
        assertThat(stats.path("rerunSeconds").asLong()).isEqualTo(4 * 60);
        assertThat(names(stats.path("flakyTests"))).contains("com.example.CartTest.totalAddsPrices",
                "com.example.CartTest.pricesLoadFromWarmCache").anyMatch(t -> t.contains("test_total"));
        assertThat(stats.path("flakyJobs").get(0).path("name").asText()).isEqualTo("test");
        assertThat(stats.path("flakyJobs").get(0).path("runs").asInt()).isEqualTo(2);
        JsonNode recovery = stats.path("timeToRecovery");
        assertThat(recovery.path("branch").asText()).isEqualTo("main");
        assertThat(recovery.path("incidents").asInt()).isEqualTo(3);
        assertThat(recovery.path("medianSeconds").asLong()).isEqualTo(3600);
        assertThat(recovery.path("longestSeconds").asLong()).isEqualTo(3 * 3600);
        assertThat(recovery.path("redSince").get(0).path("runId").asLong()).isEqualTo(1250);
        assertThat(stats.path("rootCauses").get(0).path("line").asText()).contains("Failed to connect to");
        assertThat(stats.path("rootCauses").get(0).path("count").asInt()).isEqualTo(3);
        // three pages, the retry, the default branch, jobs and log of each of the 8 failed or re-run runs
        assertThat(stats.path("scan").path("requests").asInt()).isEqualTo(3 + 1 + 1 + 8 + 8);
        assertThat(scenario.summary()).contains("```mermaid\npie showData title Failed jobs by failure type",
                "\"network_error\" : 3", "Flaky tests", "Time to recovery on `main`", "Still red");
        assertThat(scenario.runnerTemp()).isEmptyDirectory();
        scenario.assertUsableByRunnerUser();
    }

    @Test
    void aDailyRunFetchesOnlyTheNewRuns(QuarkusMainLauncher launcher) {
        assertThat(launcher.launch("report").exitCode()).isZero();
        failed(1261, "main", "sha1261", "deps", CURL);
        scenario.install();

        LaunchResult again = launcher.launch("report");

        assertThat(again.exitCode()).as(again.getErrorOutput()).isZero();
        JsonNode stats = stats();
        assertThat(stats.path("runs").asInt()).isEqualTo(261);
        assertThat(stats.path("scan").path("fromCache").asInt()).isEqualTo(260);
        assertThat(stats.path("scan").path("requests").asInt()).isEqualTo(3 + 1 + 2);
        assertThat(scenario.workspace.resolve(".recovery/stats-cache.json")).exists();
        scenario.assertUsableByRunnerUser();
    }

    @Test
    void aCacheOfAnotherVersionIsANoteAndIsRebuilt(QuarkusMainLauncher launcher) throws Exception {
        scenario.file(".recovery/stats-cache.json", "{\"version\":99,\"writtenBy\":\"recovery 9.9\",\"runs\":[{\"id\":1}]}");
        scenario.install();

        LaunchResult result = launcher.launch("report");

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(result.getErrorOutput()).contains("has format 99 (written by recovery 9.9)",
                "the scan starts over and replaces it");
        assertThat(stats().path("runs").asInt()).isEqualTo(260);
        assertThat(Files.readString(scenario.workspace.resolve(".recovery/stats-cache.json")))
                .startsWith("{\"version\":1,");
        scenario.assertUsableByRunnerUser();
    }

    @Test
    void aSpentBudgetReportsWhatWasRead(QuarkusMainLauncher launcher) {
        scenario.input("max-requests", "3").install();

        LaunchResult result = launcher.launch("report");

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        JsonNode stats = stats();
        assertThat(stats.path("scan").path("stoppedEarly").asText()).contains("request budget of 3 is used up");
        assertThat(stats.path("scan").path("requests").asInt()).isEqualTo(3);
        assertThat(scenario.summary()).contains("Stopped early");
    }

    /** Job names and root-cause lines come from the API and logs: none of them becomes a workflow command. */
    @Test
    void theResultIsFencedSoNoJobNameBecomesAWorkflowCommand(QuarkusMainLauncher launcher) {
        failed(1259, "main", "sha1259", "e2e\n::error title=forged::from a job name", null);
        scenario.install();

        LaunchResult result = launcher.launch("report");

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        List<String> lines = result.getOutput().lines().toList();
        int forged = lines.indexOf(lines.stream().filter(l -> l.startsWith("::error title=forged")).findFirst()
                .orElseThrow());
        int fence = lines.stream().filter(l -> l.startsWith("::stop-commands::")).findFirst().map(lines::indexOf)
                .orElseThrow();
        String token = lines.get(fence).substring("::stop-commands::".length());
        assertThat(fence).isLessThan(forged);
        assertThat(lines.subList(fence, forged)).doesNotContain("::" + token + "::");
        assertThat(result.getErrorOutput().lines()).noneMatch(l -> l.startsWith("::error"));
    }

    @Test
    void badInputsAreNamed(QuarkusMainLauncher launcher) throws Exception {
        scenario.input("days", "forever").install();

        LaunchResult result = launcher.launch("report");

        assertThat(result.exitCode()).isZero();
        assertThat(result.getErrorOutput()).contains("::warning::", "days must be a number, got 'forever'");
        assertThat(Files.readString(scenario.summaryFile())).doesNotContain("mermaid");

        scenario.input("fail-on-error", "true").install();
        result = launcher.launch("report");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.getErrorOutput()).contains("days must be a number, got 'forever'");
        assertThat(Files.readString(scenario.summaryFile())).doesNotContain("mermaid");
    }

    private void failed(long id, String branch, String sha, String job, String log) {
        Instant created = created(id);
        scenario.api.addHistoryRun(id, ".github/workflows/ci.yml", branch, sha, "failure", 1, created,
                created.plusSeconds(10 * 60));
        scenario.api.addTimedJob(id, 1, id * 10 + 1, "build", "success", created, created.plusSeconds(60))
                .addTimedJob(id, 1, id * 10 + 2, job, "failure", created.plusSeconds(60), created.plusSeconds(6 * 60));
        if (log != null) {
            scenario.api.addLog(id * 10 + 2, log);
        }
    }

    private static Instant created(long id) {
        return T0.plus(id - 1000, ChronoUnit.HOURS);
    }

    private JsonNode stats() {
        try {
            return new ObjectMapper().readTree(scenario.outputs().get("stats-json"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> counts(JsonNode array, String key) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(key).asText() + "=" + n.path("count").asInt()));
        return out;
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path("name").asText()));
        return out;
    }
}
