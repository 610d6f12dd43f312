package io.github.recoveryaction.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.recoveryaction.github.fake.FakeArtifactService;
import io.github.recoveryaction.github.fake.FakeGitHubApi;
import io.github.recoveryaction.github.fake.FakeHttpServer;

/**
 * A runner-like environment for one end-to-end test of the action, from {@link EmulatedRunner}: the container's
 * folders under {@code root/github/}, every input of {@code action.yml} with its default, the {@code GITHUB_*}/
 * {@code RUNNER_*} variables of a github.com job, a workspace owned by the runner's user, and a stateful fake GitHub
 * API on loopback. {@link #install()} writes the variables to the file {@code RECOVERY_ENVIRONMENT_FILE} names (set
 * by the build for every test JVM), which the program then uses as its whole environment, in JVM and native runs
 * alike.
 * <p>
 * Each scenario lives in a temporary folder of its own that {@link #close()} deletes, so a test holds it in an
 * {@code @AutoClose} field and its {@code @BeforeEach} states only the runs, jobs, event and inputs it needs.
 */
final class RunnerScenario implements AutoCloseable {

    static final String REPOSITORY = "octo/app";
    static final String TOKEN = EmulatedRunner.TOKEN;
    /** What {@code ${{ job.check_run_id }}} expands to unless {@link #checkRunId(long)} says otherwise. */
    static final long CHECK_RUN_ID = 8_801;
    static final String PUSH_EVENT = """
            {"ref":"refs/heads/feature","before":"0000000","after":"abc123",
             "repository":{"full_name":"octo/app"},"pusher":{"name":"octocat"}}""";

    final Path root;
    final Path workspace;
    final FakeHttpServer server = new FakeHttpServer();
    final FakeGitHubApi api = new FakeGitHubApi(server, REPOSITORY);
    final EmulatedRunner runner;

    RunnerScenario() {
        this(temporaryRoot());
    }

    private RunnerScenario(Path root) {
        this.root = root;
        this.runner = new EmulatedRunner(root, REPOSITORY)
                .context("job.check_run_id", String.valueOf(CHECK_RUN_ID))
                .inGitHubActions(REPOSITORY, server.baseUri().toString(), FakeArtifactService.runtimeToken(1));
        this.workspace = runner.paths.workspace;
        RunnerOwnership.giveToRunnerUser(root.resolve("github"));
    }

    /**
     * A later job of push run 100 on {@code feature} ({@code needs: [build]}, {@code if: failure()}): the run, this
     * job ({@code recover}, 503, running on "GitHub Actions 4") and the push event; the test adds the jobs it
     * reports on.
     */
    RunnerScenario followUpJob() {
        api.addRun(100, 1, "push", "in_progress", null, "abc123", "feature")
                .addJob(100, 1, 503, "recover", "in_progress", null, "GitHub Actions 4", "Set up job=success",
                        "Run recovery-action=in_progress");
        return event("push", PUSH_EVENT).set("GITHUB_JOB", "recover").set("RUNNER_NAME", "GitHub Actions 4")
                .input("job-id", "503");
    }

    RunnerScenario set(String name, String value) {
        runner.set(name, value);
        return this;
    }

    RunnerScenario unset(String name) {
        runner.unset(name);
        return this;
    }

    /** An input as {@code with:} gives it ({@code ${{ … }}} expanded as the runner would). */
    RunnerScenario input(String name, String value) {
        runner.input(name, value);
        return this;
    }

    /** Back to {@code action.yml}'s defaults for every input, as for a new action step. */
    RunnerScenario defaultInputs() {
        runner.defaultInputs();
        return this;
    }

    /** The job's check-run id, which the default of {@code job-id} ({@code ${{ job.check_run_id }}}) expands to. */
    RunnerScenario checkRunId(long id) {
        runner.context("job.check_run_id", String.valueOf(id));
        runner.defaultInputs();
        return this;
    }

    RunnerScenario event(String name, String payloadJson) {
        runner.event(name, payloadJson);
        return this;
    }

    /** A file in the workspace, written as the job's own steps write it (owned by the runner's user). */
    RunnerScenario file(String relative, String content) {
        RunnerOwnership.writeOwned(workspace.resolve(relative), content);
        return this;
    }

    /** Fresh file-command files, as the runner gives each step, and the variables for the next launch. */
    RunnerScenario install() {
        runner.install();
        server.clearRequests();
        return this;
    }

    /** The host path of the workspace, which {@code ${{ github.workspace }}} expands to. */
    String hostWorkspace() {
        return runner.paths.hostWorkspace;
    }

    Path runnerTemp() {
        return runner.paths.runnerTemp;
    }

    Path outputFile() {
        return runner.path("GITHUB_OUTPUT");
    }

    Path summaryFile() {
        return runner.path("GITHUB_STEP_SUMMARY");
    }

    String summary() {
        return runner.summary();
    }

    /** The step outputs, parsed as the runner parses the file. */
    Map<String, String> outputs() {
        return runner.outputs();
    }

    List<String> apiCalls() {
        return server.requestLines().stream().filter(line -> !line.contains("/_storage/")).toList();
    }

    /** Everything the step left in the workspace and {@code RUNNER_TEMP} can be changed by the runner's user. */
    void assertUsableByRunnerUser() {
        runner.assertUsableByRunnerUser();
    }

    @Override
    public void close() {
        server.close();
        EmulatedRunner.clearEnvironment();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the scenario folder " + root, e);
        }
    }

    private static Path temporaryRoot() {
        try {
            return Files.createTempDirectory("runner-scenario");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
