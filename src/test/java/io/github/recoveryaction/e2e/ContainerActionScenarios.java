package io.github.recoveryaction.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.recoveryaction.e2e.ContainerAction.StepResult;
import io.github.recoveryaction.github.GitFixture;
import io.github.recoveryaction.github.fake.FakeArtifactService;
import io.github.recoveryaction.github.fake.FakeGitHubApi;
import io.github.recoveryaction.github.fake.FakeHttpServer;

/**
 * The action's image, started as the runner starts a Docker container action ({@link ContainerAction}), over a job
 * as the runner prepares it ({@link EmulatedRunner}), against the fake GitHub on loopback. Each scenario
 * checks the step's outputs, summary and API calls, and that the runner's user can change and delete everything the
 * container (running as root) left in the workspace and in {@code RUNNER_TEMP}.
 * <p>
 * Needs a Docker engine and the image in {@code -Drecovery.container.image}, so {@code mvn verify} does not run it
 * (its name matches no surefire pattern): {@code .ci/container-test.sh} does, after building the JVM image, and the
 * {@code native} workflow runs it against the native image (docs/testing.md).
 */
class ContainerActionScenarios {

    private static final String REPOSITORY = "octo/app";
    private static final long RUN_ID = 100;
    private static final String TOKEN = FakeArtifactService.READ_TOKEN;
    private static final String HEAD_SHA = FollowUpApiCalls.HEAD_SHA;

    private static final String BUILD_LOG = """
            [INFO] Running com.example.CartTest
            [ERROR] Tests run: 3, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.05 s <<< FAILURE! -- in com.example.CartTest
            [ERROR] com.example.CartTest.appliesDiscount -- Time elapsed: 0.01 s <<< FAILURE!
            org.opentest4j.AssertionFailedError: expected: <90> but was: <100>
            	at com.example.CartTest.appliesDiscount(CartTest.java:42)
            [ERROR] Tests run: 3, Failures: 1, Errors: 0, Skipped: 0
            [INFO] BUILD FAILURE
            """;

    private final ContainerAction action = new ContainerAction(image());
    private final FakeHttpServer server = new FakeHttpServer();
    private final FakeGitHubApi api = new FakeGitHubApi(server, REPOSITORY);
    private final FakeArtifactService artifacts = new FakeArtifactService(REPOSITORY, RUN_ID).register(server);
    private Path root;

    /** Not JUnit's temporary folder: the runner's user must be able to reach the job's folders. */
    @BeforeEach
    void createRoot() throws IOException {
        root = Files.createTempDirectory("recovery-container-");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void removeRoot() throws IOException {
        server.close();
        EmulatedRunner.clearEnvironment();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void inJobReportPublishesThePlanOnceAndLeavesNothingTheRunnerCannotRemove() {
        EmulatedRunner job = pullRequestJob();
        Map<String, Entry> before = entries(job.paths.workspace);

        StepResult step = action.run(job, Map.of("log-files", "build.log", "test-reports",
                "**/target/surefire-reports/*.xml\n**/target/failsafe-reports/*.xml"));

        assertThat(step.exitCode()).as(step.log()).isZero();
        assertThat(step.outputs()).containsEntry("failure-type", "test_failure")
                .containsEntry("failed-step", "Build and test").containsEntry("failed-step-number", "3")
                .containsEntry("resume-after", "2").containsEntry("mode", "in-job").containsEntry("recovered", "false")
                .containsEntry("pull-request", "7")
                .containsKeys("rule", "confidence", "lane", "plan-json", "classification-json", "summary-markdown");
        assertThat(step.outputs().get("comment-url")).startsWith("https://github.com/octo/app/pull/7#issuecomment-");
        assertThat(step.summary()).contains("Test failure", "Build and test", "com.example.CartTest.appliesDiscount")
                .doesNotContain(job.paths.root.toString(), "/github/workspace");
        assertThat(step.stdout()).contains("::error file=src/test/java/com/example/CartTest.java,line=42,");
        assertThat(step.log()).doesNotContain(TOKEN);
        assertThat(apiCalls()).containsExactly(
                "GET /repos/octo/app/actions/jobs/501",
                "GET /repos/octo/app",
                "GET /repos/octo/app/issues/7",
                "GET /repos/octo/app/issues/7/comments?per_page=100",
                "POST /repos/octo/app/issues/7/comments");
        assertThat(api.commentBodies(7)).singleElement().asString().startsWith("<!-- recovery-action:CI/build -->");
        assertRunnerUserCanCleanUp(job, before);
    }

    @Test
    void followUpReportDownloadsTheFailedJobsLogAndUpdatesItsCommentOnTheSecondRun() {
        api.addPullRequest(7, HEAD_SHA, "octo:feature", "open")
                .addRun(RUN_ID, 1, "push", "in_progress", null, HEAD_SHA, "feature")
                .addJob(RUN_ID, 1, 501, "build", "completed", "failure", "GitHub Actions 3", "Set up job=success",
                        "Run mvn -B verify=failure", "Complete job=success")
                .addJob(RUN_ID, 1, 503, "recovery", "in_progress", null, "GitHub Actions 2", "Set up job=success",
                        "Run recovery-action/recovery-action@v1=in_progress")
                .addLog(501, FollowUpReportTest.BUILD_LOG);
        EmulatedRunner job = job("follow-up", 1).event("push", RunnerScenario.PUSH_EVENT).set("GITHUB_JOB", "recovery")
                .set("GITHUB_SHA", HEAD_SHA).set("GITHUB_REF", "refs/heads/feature").set("GITHUB_REF_NAME", "feature")
                .context("job.check_run_id", "503");
        Map<String, Entry> before = entries(job.paths.workspace);

        StepResult first = action.run(job, Map.of());

        assertThat(first.exitCode()).as(first.log()).isZero();
        assertThat(first.outputs()).containsEntry("mode", "follow-up").containsEntry("failed-job", "build")
                .containsEntry("failed-step", "Run mvn -B verify").containsEntry("failure-type", "test_failure")
                .containsEntry("pull-request", "7").containsEntry("recovered", "false");
        assertThat(first.summary()).contains("build", "Run mvn -B verify");
        assertThat(apiCalls()).containsExactlyElementsOf(FollowUpApiCalls.FIRST_REPORT);
        assertThat(api.authorizationSentToStorage()).isFalse();
        String commentId = first.outputs().get("comment-url").replaceAll(".*-", "");

        server.clearRequests();
        StepResult second = action.run(job, Map.of());

        assertThat(second.exitCode()).as(second.log()).isZero();
        assertThat(second.outputs()).containsEntry("comment-url", first.outputs().get("comment-url"));
        assertThat(apiCalls()).contains("PATCH /repos/octo/app/issues/comments/" + commentId)
                .noneMatch(call -> call.startsWith("POST"));
        assertThat(api.commentBodies(7)).singleElement().asString().startsWith("<!-- recovery-action:CI/recovery -->");
        assertRunnerUserCanCleanUp(job, before);
    }

    @Test
    void checkpointInOneAttemptIsRestoredInTheNextWithTheDocumentedInputs() {
        Path origin = root.resolve("origin");
        String head;
        try (GitFixture git = GitFixture.init(origin)) {
            head = git.write(".gitignore", "target/\n").write("pom.xml", "<project/>\n")
                    .write("src/main/java/App.java", "class App {}\n").commitAll("initial").head();
        }
        EmulatedRunner attempt1 = checkout(origin, "attempt-1", 1, head);
        RunnerOwnership.writeOwned(attempt1.paths.workspace.resolve("target/classes/App.class"), "compiled");
        Map<String, Entry> compiled = entries(attempt1.paths.workspace);

        StepResult saved = action.run(attempt1, Map.of("command", "checkpoint", "step-number", "3", "step-name",
                "compile", "path", "target/**"));

        assertThat(saved.exitCode()).as(saved.log()).isZero();
        String id = saved.outputs().get("checkpoint-id");
        assertThat(id).isNotBlank();
        assertThat(artifacts.artifacts()).hasSize(1);
        assertLeftUsable(attempt1, compiled);

        EmulatedRunner attempt2 = checkout(origin, "attempt-2", 2, head);
        Map<String, Entry> before = entries(attempt2.paths.workspace);
        StepResult restored = action.run(attempt2, Map.of("command", "restore", "checkpoint-id", "latest"));

        assertThat(restored.exitCode()).as(restored.log()).isZero();
        assertThat(restored.outputs()).containsEntry("checkpoint-id", id).containsEntry("resume-after", "3")
                .containsEntry("restored", "true");
        assertThat(CheckpointScenario.read(attempt2.paths.workspace.resolve("target/classes/App.class"))).isEqualTo("compiled");
        RunnerUser.run("printf ' and changed' >> target/classes/App.class && rm -r target", attempt2.paths.workspace);
        assertRunnerUserCanCleanUp(attempt2, before);
    }

    @Test
    void readOnlyTokenSkipsTheCommentWithOneWarningAndTheStepSucceeds() {
        api.readOnlyToken(true);
        EmulatedRunner job = pullRequestJob();
        Map<String, Entry> before = entries(job.paths.workspace);

        StepResult step = action.run(job, Map.of("log-files", "build.log", "test-reports",
                "**/target/surefire-reports/*.xml"));

        assertThat(step.exitCode()).as(step.log()).isZero();
        assertThat(step.outputs()).containsEntry("failure-type", "test_failure").containsEntry("comment-url", "");
        assertThat(step.summary()).contains("Test failure");
        assertThat(step.log().lines().filter(line -> line.startsWith("::warning::"))).singleElement().asString()
                .contains("pull-requests: write");
        assertThat(apiCalls()).contains("POST /repos/octo/app/issues/7/comments");
        assertThat(api.commentBodies(7)).isEmpty();
        assertRunnerUserCanCleanUp(job, before);
    }

    /** A pull request's failing job, whose build teed its log and left JUnit reports (docs/action.md, in-job). */
    private EmulatedRunner pullRequestJob() {
        api.addPullRequest(7, HEAD_SHA, "octo:feature", "open")
                .addRun(RUN_ID, 1, "pull_request", "in_progress", null, HEAD_SHA, "feature", 7)
                .addJob(RUN_ID, 1, 501, "build", "in_progress", null, "GitHub Actions 2", "Set up job=success",
                        "Run actions/checkout@v4=success", "Build and test=failure", "Recovery plan=in_progress");
        EmulatedRunner job = job("in-job", 1).event("pull_request", InJobReportTest.PULL_REQUEST_EVENT)
                .set("GITHUB_SHA", "d1e2f30000000000000000000000000000000000").set("GITHUB_REF", "refs/pull/7/merge")
                .set("GITHUB_REF_NAME", "7/merge").set("GITHUB_HEAD_REF", "feature").set("GITHUB_BASE_REF", "main")
                .context("job.check_run_id", "501");
        RunnerOwnership.writeOwned(job.paths.workspace.resolve("build.log"), BUILD_LOG);
        RunnerOwnership.writeOwned(job.paths.workspace.resolve("target/surefire-reports/TEST-com.example.CartTest.xml"),
                InJobReportTest.SUREFIRE_REPORT);
        RunnerOwnership.writeOwned(job.paths.workspace.resolve("src/test/java/com/example/CartTest.java"),
                "class CartTest {}\n");
        return job;
    }

    /** A job of attempt {@code attempt} whose workspace is a checkout of {@code origin}, as actions/checkout makes. */
    private EmulatedRunner checkout(Path origin, String name, int attempt, String head) {
        EmulatedRunner job = job(name, attempt).set("GITHUB_SHA", head);
        RunnerUser.run("cp -a " + origin + "/. " + job.paths.workspace, root);
        return job;
    }

    /** A job of run {@value #RUN_ID}, whose token may read artifacts; its folders belong to the runner's user. */
    private EmulatedRunner job(String name, int attempt) {
        EmulatedRunner job = new EmulatedRunner(root.resolve(name), REPOSITORY).context("github.token", TOKEN)
                .inGitHubActions(REPOSITORY, server.baseUri().toString(), FakeArtifactService.runtimeToken(attempt))
                .set("GITHUB_RUN_ID", Long.toString(RUN_ID)).set("GITHUB_RUN_ATTEMPT", Integer.toString(attempt));
        RunnerOwnership.giveToRunnerUser(job.paths.root);
        return job;
    }

    private List<String> apiCalls() {
        return server.requestLines().stream().filter(line -> !line.contains("/_storage/")).toList();
    }

    /** An entry of a folder: owner, group, mode. */
    private record Entry(int uid, int gid, String mode, boolean directory) {

        /** Owned by the runner's user (when the tests can tell) and owner-writable, folders also searchable. */
        boolean usable() {
            boolean owned = !RunnerOwnership.canChangeOwners()
                    || uid == EmulatedRunner.RUNNER_UID && gid == EmulatedRunner.RUNNER_GID;
            return owned && mode.startsWith(directory ? "rwx" : "rw");
        }
    }

    /**
     * What the container left is the runner user's: every entry of the workspace it created or changed and every entry
     * of {@code RUNNER_TEMP} is owned by them and owner-writable; as that user, the files it created can be changed,
     * and they and all of {@code RUNNER_TEMP} deleted, as the next steps, the runner's clean-up and the next
     * checkout do.
     */
    private void assertRunnerUserCanCleanUp(EmulatedRunner job, Map<String, Entry> before) {
        assertLeftUsable(job, before);
        Set<String> left = new TreeSet<>(entries(job.paths.workspace).keySet());
        left.removeAll(before.keySet());
        if (!left.isEmpty()) {
            String files = left.stream().filter(p -> Files.isRegularFile(job.paths.workspace.resolve(p)))
                    .map(ContainerActionScenarios::quoted).collect(Collectors.joining(" "));
            String tops = left.stream().filter(p -> left.stream().noneMatch(q -> p.startsWith(q + "/")))
                    .map(ContainerActionScenarios::quoted).collect(Collectors.joining(" "));
            RunnerUser.run("for f in " + files + "; do printf x >> \"$f\"; done; rm -r -- " + tops, job.paths.workspace);
        }
        RunnerUser.run("find . -mindepth 1 -delete", job.paths.runnerTemp);
        assertThat(entries(job.paths.runnerTemp)).isEmpty();
    }

    private static void assertLeftUsable(EmulatedRunner job, Map<String, Entry> before) {
        List<String> problems = new ArrayList<>();
        entries(job.paths.workspace).forEach((path, entry) -> {
            if (!entry.equals(before.get(path)) && !entry.usable()) {
                problems.add("workspace/" + path + " " + entry);
            }
        });
        entries(job.paths.runnerTemp).forEach((path, entry) -> {
            if (!entry.usable()) {
                problems.add("RUNNER_TEMP/" + path + " " + entry);
            }
        });
        assertThat(problems).as("what the container left that uid %d, gid %d cannot change", EmulatedRunner.RUNNER_UID,
                EmulatedRunner.RUNNER_GID).isEmpty();
    }

    private static String quoted(String path) {
        return "'" + path.replace("'", "'\\''") + "'";
    }

    private static Map<String, Entry> entries(Path tree) {
        Map<String, Entry> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path p : paths.filter(p -> !p.equals(tree)).toList()) {
                entries.put(tree.relativize(p).toString(), new Entry(
                        (int) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS),
                        (int) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS),
                        Files.isSymbolicLink(p) ? "rwxrwxrwx"
                                : PosixFilePermissions.toString(Files.getPosixFilePermissions(p)),
                        Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static String image() {
        String image = System.getProperty("recovery.container.image", "");
        if (image.isBlank()) {
            throw new IllegalStateException("set -Drecovery.container.image to the action's image: run "
                    + ".ci/container-test.sh (docs/testing.md)");
        }
        return image;
    }
}
