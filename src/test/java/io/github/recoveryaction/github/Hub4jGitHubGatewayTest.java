package io.github.recoveryaction.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.recoveryaction.github.fake.FakeGitHubApi;
import io.github.recoveryaction.github.fake.FakeHttpServer;

class Hub4jGitHubGatewayTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @TempDir
    Path dir;

    private final FakeHttpServer server = new FakeHttpServer();
    private final FakeGitHubApi api = new FakeGitHubApi(server, "octo/app");
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<String> retries = new ArrayList<>();
    private final GitHubGateway gateway = Hub4jGitHubGateway.connect(
            RunnerEnvironment.of(Map.of("GITHUB_API_URL", server.baseUri().toString())), "octo/app", "s3cr3t-token",
            new RetryingHttpClient(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(),
                    RetryPolicy.DEFAULT, sleeps::add, Clock.fixed(NOW, ZoneOffset.UTC), retries::add));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void findsARunWithItsPullRequests() {
        api.addRun(42, 2, "pull_request", "completed", "failure", "abc123", "feature", 7);

        WorkflowRun run = gateway.findRun(42).orElseThrow();

        assertThat(run.attempt()).isEqualTo(2);
        assertThat(run.event()).isEqualTo("pull_request");
        assertThat(run.conclusion()).contains("failure");
        assertThat(run.pullRequests()).containsExactly(7);
        assertThat(server.requestLines()).containsExactly("GET /repos/octo/app/actions/runs/42");
        assertThat(server.requests()).allSatisfy(r -> assertThat(r.header("Authorization")).contains("s3cr3t-token"));
    }

    /** The baseline asks for the default branch, the commenter for the issue: one read of the repository serves both. */
    @Test
    void readsTheRepositoryOncePerCommand() {
        api.addPullRequest(7, "abc123", "octo:feature", "open");

        assertThat(gateway.defaultBranch()).isEqualTo("main");
        gateway.listIssueComments(7);
        assertThat(gateway.defaultBranch()).isEqualTo("main");

        assertThat(server.requestLines()).filteredOn("GET /repos/octo/app"::equals).hasSize(1);
    }

    @Test
    void answersEmptyForAMissingRun() {
        assertThat(gateway.findRun(404)).isEmpty();
    }

    @Test
    void listsTheJobsOfAnAttemptWithSteps() {
        api.addRun(42, 1, "push", "completed", "failure", "abc123", "main")
                .addJob(42, 1, 501, "build", "completed", "failure", "GitHub Actions 3", "Set up job=success",
                        "Run tests=failure", "Complete job=success");

        List<WorkflowJob> jobs = gateway.listJobs(42, 1);

        assertThat(jobs).singleElement().satisfies(job -> {
            assertThat(job.failed()).isTrue();
            assertThat(job.runnerName()).contains("GitHub Actions 3");
            assertThat(job.findFailedStep()).map(JobStep::name).contains("Run tests");
            assertThat(job.findFailedStep()).map(JobStep::number).contains(2);
        });
        assertThat(server.requestLines())
                .containsExactly("GET /repos/octo/app/actions/runs/42/attempts/1/jobs?per_page=100&page=1");
    }

    @Test
    void downloadsAJobLogThroughTheRedirectWithoutLeakingTheToken() throws IOException {
        api.addLog(501, "line 1\nline 2\n");

        Optional<Path> log = gateway.downloadJobLog(501, dir.resolve("501.log"), 1_000_000);

        assertThat(log).isPresent();
        assertThat(Files.readString(log.get())).isEqualTo("line 1\nline 2\n");
        assertThat(api.authorizationSentToStorage()).isFalse();
    }

    @Test
    void keepsTheEndOfALogLongerThanTheLimit() throws IOException {
        api.addLog(501, "head\n" + "x".repeat(100) + "\ntail\n");

        Path log = gateway.downloadJobLog(501, dir.resolve("501.log"), 10).orElseThrow();

        assertThat(Files.readString(log)).isEqualTo("xxxx\ntail\n");
    }

    @Test
    void answersEmptyForTheLogOfARunningJob() {
        assertThat(gateway.downloadJobLog(777, dir.resolve("777.log"), 1000)).isEmpty();
    }

    @Test
    void retriesServerErrorsOfHub4jCallsWithTheSharedPolicy() {
        api.addRun(42, 1, "push", "completed", "failure", "abc123", "main");
        server.failNext("GET", "/repos/octo/app/actions/runs/42", 1, 500, Map.of())
                .failNext("GET", "/repos/octo/app/actions/runs/42", 1, 502, Map.of());

        assertThat(gateway.findRun(42)).isPresent();
        assertThat(sleeps).hasSize(2);
        assertThat(retries).allSatisfy(line -> assertThat(line).doesNotContain("s3cr3t-token"));
    }

    @Test
    void waitsForTheRateLimitResetOfHub4jCalls() {
        api.addRun(42, 1, "push", "completed", "failure", "abc123", "main");
        server.failNext("GET", "/repos/octo/app/actions/runs/42", 1, 403, Map.of("x-ratelimit-remaining", "0",
                "x-ratelimit-reset", String.valueOf(NOW.getEpochSecond() + 30)));

        assertThat(gateway.findRun(42)).isPresent();
        assertThat(sleeps).containsExactly(Duration.ofSeconds(31));
    }

    @Test
    void findsPullRequestsOfACommitAndByHead() {
        api.addPullRequest(7, "abc123", "fork-owner:feature", "open")
                .addPullRequest(3, "abc123", "octo:old", "closed");

        assertThat(gateway.listPullRequestsForCommit("abc123")).containsExactly(7, 3);
        assertThat(gateway.findOpenPullRequest("abc123", Optional.of("fork-owner:feature"))).contains(7);
        assertThat(gateway.findOpenPullRequest("def456", Optional.empty())).isEmpty();
    }

    @Test
    void createsListsAndUpdatesComments() {
        api.addPullRequest(7, "abc123", "octo:feature", "open").addComment(7, "someone", "LGTM");

        IssueComment created = gateway.createIssueComment(7, "<!-- marker -->\nfirst");
        List<IssueComment> listed = gateway.listIssueComments(7);
        IssueComment updated = gateway.updateIssueComment(created.id(), "<!-- marker -->\nsecond");

        assertThat(listed).extracting(IssueComment::author).containsExactly("someone", FakeGitHubApi.BOT);
        assertThat(updated.htmlUrl()).endsWith("#issuecomment-" + created.id());
        assertThat(api.commentBodies(7)).containsExactly("LGTM", "<!-- marker -->\nsecond");
    }

    @Test
    void explainsAReadOnlyTokenWithThePermissionToGrant() {
        api.addPullRequest(7, "abc123", "octo:feature", "open").readOnlyToken(true);

        assertThatThrownBy(() -> gateway.createIssueComment(7, "hello"))
                .isInstanceOf(GitHubPermissionException.class)
                .hasMessageContaining("HTTP 403")
                .hasMessageContaining("pull-requests: write")
                .hasMessageNotContaining("s3cr3t-token");
    }

    @Test
    void rerunsFailedJobsAndTellsAMissingPermissionFromARunThatCannotBeRerun() {
        api.addRun(42, 1, "push", "completed", "failure", "abc123", "main");

        gateway.rerunFailedJobs(42);
        api.refuseReruns("Resource not accessible by integration");
        Throwable permission = catchThrowable(() -> gateway.rerunFailedJobs(42));
        api.refuseReruns("This workflow is already running");
        Throwable state = catchThrowable(() -> gateway.rerunFailedJobs(42));

        assertThat(api.rerunRequests()).containsExactly(42L);
        assertThat(permission).isInstanceOf(GitHubPermissionException.class).hasMessageContaining("actions: write");
        assertThat(state).isNotInstanceOf(GitHubPermissionException.class).isInstanceOf(GitHubAccessException.class)
                .hasMessageContaining("This workflow is already running");
        assertThat(server.requestLines()).containsOnly("POST /repos/octo/app/actions/runs/42/rerun-failed-jobs");
    }

    @Test
    void readsAttemptsSuccessfulRunsAndArtifacts() throws IOException {
        api.addRun(42, 2, "push", "completed", "failure", "abc123", "main").attemptStarted(42, 2, "2026-11-26T11:00:00Z")
                .addRun(41, 1, "push", "completed", "success", "abc122", "main");
        long id = api.addArtifact(42, "test-results", "2026-11-26T11:05:00Z", Map.of("TEST-a.xml", "<testsuite/>"));

        WorkflowRun attempt = gateway.findRunAttempt(42, 2).orElseThrow();
        List<RunSummary> successful = gateway.listRuns(RunFilter.successfulRunsOf(159038, Optional.empty()), 1, 5).runs();
        List<StoredArtifact> artifacts = gateway.listRunArtifacts(42);
        List<StoredArtifact> named = gateway.listArtifactsNamed("test-results", 1);
        byte[] zip;
        try (var in = gateway.openArtifact(id).orElseThrow()) {
            zip = in.readAllBytes();
        }

        assertThat(attempt.runStartedAt()).contains(Instant.parse("2026-11-26T11:00:00Z"));
        assertThat(attempt.path()).contains(".github/workflows/ci.yml");
        assertThat(attempt.workflowId()).hasValue(159038);
        assertThat(successful).extracting(RunSummary::id).containsExactly(41L);
        assertThat(artifacts).singleElement().satisfies(a -> assertThat(a.createdAt())
                .isEqualTo(Instant.parse("2026-11-26T11:05:00Z")));
        assertThat(named).extracting(StoredArtifact::id).containsExactly(id);
        assertThat(zip).startsWith(0x50, 0x4b);
        assertThat(api.authorizationSentToStorage()).isFalse();
        assertThat(gateway.openArtifact(999)).isEmpty();
    }
}
