package io.github.recoveryaction.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.recoveryaction.classify.KnownLines;
import io.github.recoveryaction.github.GitHubGateway;
import io.github.recoveryaction.github.Hub4jGitHubGateway;
import io.github.recoveryaction.github.RetryingHttpClient;
import io.github.recoveryaction.github.RunnerEnvironment;
import io.github.recoveryaction.github.WorkflowJob;
import io.github.recoveryaction.github.fake.FakeGitHubApi;
import io.github.recoveryaction.github.fake.FakeHttpServer;

/** Against the fake API; the downloads folder belongs to uid 1001 when the tests run as root (as in CI). */
class BaselineFinderTest {

    static final Instant DAY = Instant.parse("2026-11-25T09:00:00Z");

    @TempDir
    Path dir;

    final FakeHttpServer server = new FakeHttpServer();
    final FakeGitHubApi api = new FakeGitHubApi(server, "octo/app");
    final GitHubGateway github = Hub4jGitHubGateway.connect(
            RunnerEnvironment.of(Map.of("GITHUB_API_URL", server.baseUri().toString())), "octo/app", "token",
            RetryingHttpClient.create(line -> {
            }));
    final List<String> log = new ArrayList<>();
    Path downloads;

    @BeforeEach
    void failedRun() throws IOException {
        downloads = Files.createDirectory(dir.resolve("recovery-logs"));
        if (System.getProperty("user.name").equals("root")) {
            Files.setAttribute(downloads, "unix:uid", 1001);
            Files.setAttribute(downloads, "unix:gid", 121);
        }
        api.addRun(100, 1, "push", "completed", "failure", "abc123", "feature")
                .addJob(100, 1, 501, "test", "completed", "failure", "GitHub Actions 2", "Run mvn verify=failure");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readsTheSameJobOfTheLastPassingRunOnTheBranchForTheWorkspacesOwner() throws IOException {
        passingRun(90, "feature", 401);
        Path baselineLog = downloads.resolve("baseline/baseline-401.log");

        try (BaselineFinder finder = new BaselineFinder(github, downloads.resolve("baseline"), log::add)) {
            KnownLines lines = finder.find(100, failedJob());

            assertThat(lines.source()).isEqualTo("run 90 on feature");
            assertThat(lines.size()).isEqualTo(2);
            assertThat(lines.link()).hasValueSatisfying(u -> assertThat(u.toString()).endsWith("/runs/90/job/401"));
            assertThat(owner(baselineLog)).isEqualTo(owner(downloads));
            assertThat(owner(baselineLog.getParent())).isEqualTo(owner(downloads));
        }
        assertThat(downloads).isEmptyDirectory();
        assertThat(log).singleElement().asString().startsWith("Baseline for job test: run 90 on feature");
    }

    @Test
    void fallsBackToTheDefaultBranch() {
        passingRun(80, "main", 301);

        try (BaselineFinder finder = new BaselineFinder(github, downloads.resolve("baseline"), log::add)) {
            assertThat(finder.find(100, failedJob()).source()).isEqualTo("run 80 on main");
        }
    }

    @Test
    void withoutAPassingRunTheReportGoesOnWithoutABaseline() {
        try (BaselineFinder finder = new BaselineFinder(github, downloads.resolve("baseline"), log::add)) {
            assertThat(finder.find(100, failedJob())).isSameAs(KnownLines.NONE);
        }
        assertThat(log).singleElement().asString().isEqualTo("No passing run of job test on feature or main to compare "
                + "with; the evidence is not de-noised.");
    }

    private void passingRun(long runId, String branch, long jobId) {
        api.addHistoryRun(runId, ".github/workflows/ci.yml", branch, "sha" + runId, "success", 1, DAY,
                DAY.plusSeconds(300)).addTimedJob(runId, 1, jobId, "test", "success", DAY, DAY.plusSeconds(240))
                .addLog(jobId, "2026-11-25T09:00:01.0000000Z Tests run: 12, Failures: 0\n"
                        + "2026-11-25T09:00:02.0000000Z BUILD SUCCESS\n");
    }

    private WorkflowJob failedJob() {
        return github.listJobs(100, 1).getFirst();
    }

    private static String owner(Path p) throws IOException {
        return Files.getAttribute(p, "unix:uid") + ":" + Files.getAttribute(p, "unix:gid");
    }
}
