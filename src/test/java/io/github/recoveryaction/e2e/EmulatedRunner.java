package io.github.recoveryaction.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The runner's side of one job, as {@code actions/runner} starts a Docker container action (spec/github-runtime.md
 * §1): the container's folders ({@link ContainerPaths}, with file commands fresh for every step), the
 * {@code GITHUB_*}/{@code RUNNER_*}/{@code ACTIONS_*} variables ({@link HostedJobVariables}), and every input
 * {@code action.yml} declares as {@code INPUT_<NAME>} with its default, expressions expanded as the runner would
 * ({@link ActionInputs}). Like the runner, values that start with a host path of a mount are translated to the
 * container path; the rest of a value keeps host paths. When the tests run as root, everything the runner's user
 * would own (the workspace, the temp folder, the file commands) belongs to uid {@value #RUNNER_UID}, gid
 * {@value #RUNNER_GID}.
 * <p>
 * {@link RunnerScenario} (report) and {@link CheckpointScenario} (checkpoint commands) are built on it;
 * {@link RunnerOwnership} gives files to the runner's user and checks them, {@link RunnerOutput} reads what a step
 * left (outputs, workflow commands).
 */
final class EmulatedRunner {

    /** The runner's user on GitHub-hosted Linux runners ({@code runner}, group {@code docker}). */
    static final int RUNNER_UID = 1001;
    static final int RUNNER_GID = 121;
    static final String TOKEN = "ghs_e2eS3cretToken";

    /** The container's folders and the host paths they are mounted from. */
    final ContainerPaths paths;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final ActionInputs inputs = new ActionInputs(variables::get);

    EmulatedRunner(Path root, String repository) {
        this.paths = new ContainerPaths(root, repository);
    }

    /**
     * The variables of a github.com job for {@code repository}, with the API and the runtime services at
     * {@code apiUrl}, and the contexts the defaults of {@code action.yml} may use.
     */
    EmulatedRunner inGitHubActions(String repository, String apiUrl, String runtimeToken) {
        HostedJobVariables.of(repository, apiUrl, runtimeToken, paths).forEach(this::set);
        event("push", """
                {"ref":"refs/heads/main","before":"0000000","after":"abc123",
                 "repository":{"full_name":"%s"},"pusher":{"name":"octocat"}}""".formatted(repository));
        inputs.contextIfAbsent("github.token", TOKEN);
        inputs.contextIfAbsent("job.check_run_id", "");
        return defaultInputs();
    }

    /** The value an expression of {@code action.yml} or of a {@code with:} value has in this job. */
    EmulatedRunner context(String expression, String value) {
        inputs.context(expression, value);
        return this;
    }

    /** Every input of {@code action.yml} with its default, as the runner passes them to each action step. */
    EmulatedRunner defaultInputs() {
        unsetInputs();
        ActionInputs.declared().forEach(this::input);
        return this;
    }

    /** No {@code INPUT_*} at all, as outside an action step. */
    EmulatedRunner unsetInputs() {
        variables.keySet().removeIf(name -> name.startsWith("INPUT_"));
        return this;
    }

    /** An input as a workflow's {@code with:} gives it; expressions in the value are expanded. */
    EmulatedRunner input(String name, String value) {
        return set(ActionInputs.variable(name), inputs.expand(name, value));
    }

    EmulatedRunner set(String name, String value) {
        variables.put(name, value);
        return this;
    }

    EmulatedRunner unset(String name) {
        variables.remove(name);
        return this;
    }

    String get(String name) {
        return variables.get(name);
    }

    /** The event file the runner writes for the job, and its name. */
    EmulatedRunner event(String name, String payloadJson) {
        RunnerOwnership.writeOwned(paths.workflow.resolve("event.json"), payloadJson);
        set("GITHUB_EVENT_NAME", name);
        return set("GITHUB_EVENT_PATH", paths.hostEventFile());
    }

    /**
     * Fresh file-command files for the next step, and its environment, translated to container paths, in the file
     * the program reads its environment from ({@code RECOVERY_ENVIRONMENT_FILE}).
     */
    EmulatedRunner install() {
        paths.freshFileCommands().forEach(this::set);
        String lines = variables.entrySet().stream()
                .map(e -> e.getKey() + "=" + paths.toContainerPath(e.getValue()).replace("\n", "\\n"))
                .collect(Collectors.joining("\n", "", "\n"));
        write(environmentFile(), lines);
        return this;
    }

    /** Every variable as the program sees it, as {@link #install()} writes them. */
    Map<String, String> seenVariables() {
        Map<String, String> seen = new LinkedHashMap<>();
        variables.forEach((name, value) -> seen.put(name, paths.toContainerPath(value)));
        return seen;
    }

    /** A variable as the program sees it. */
    String seen(String name) {
        return paths.toContainerPath(variables.get(name));
    }

    Path path(String variable) {
        return Path.of(seen(variable));
    }

    /** The last step's outputs, parsed as the runner parses file commands. */
    Map<String, String> outputs() {
        return RunnerOutput.parseFileCommands(path("GITHUB_OUTPUT"));
    }

    /** What the last step exported through {@code GITHUB_ENV}. */
    Map<String, String> exported() {
        return RunnerOutput.parseFileCommands(path("GITHUB_ENV"));
    }

    String summary() {
        return read(path("GITHUB_STEP_SUMMARY"));
    }

    static Path environmentFile() {
        return Path.of(System.getenv("RECOVERY_ENVIRONMENT_FILE"));
    }

    static void clearEnvironment() {
        try {
            Files.deleteIfExists(environmentFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts that the runner's user can change and delete everything in the workspace and the temp folder: owned by
     * uid {@value #RUNNER_UID} (and gid {@value #RUNNER_GID}), folders readable, writable and searchable by their
     * owner. Without root the tests cannot have made another owner, so only the folders' modes are checked.
     */
    void assertUsableByRunnerUser() {
        paths.folders().forEach(RunnerOwnership::assertUsableByRunnerUser);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For messages: the variables without values (some are tokens). */
    @Override
    public String toString() {
        return variables.keySet().stream().collect(Collectors.joining(", ", "EmulatedRunner[", "]"));
    }
}
