package io.github.recoveryaction.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The runner's side of one job, as {@code actions/runner} starts a Docker container action (spec/github-runtime.md
 * §1): the container's folders under the scenario root ({@code github/workspace}, {@code github/runner_temp},
 * {@code github/home} as {@code HOME}, {@code github/workflow/event.json}, {@code github/file_commands/*_<uuid>}
 * fresh for every step), the {@code GITHUB_*}/{@code RUNNER_*}/{@code ACTIONS_*} variables, and every input
 * {@code action.yml} declares as {@code INPUT_<NAME>} with its default, expressions expanded as the runner would.
 * Like the runner, values that start with a host path of a mount are translated to the container path; the rest of
 * a value keeps host paths. When the tests run as root, everything the runner's user would own (the workspace, the
 * temp folder, the file commands) belongs to uid {@value #RUNNER_UID}, gid {@value #RUNNER_GID}.
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

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*([^}]*?)\\s*}}");
    private static final Path ACTION_YML = Path.of("action.yml");

    final Path root;
    final Path workspace;
    final Path runnerTemp;
    final Path home;
    final Path workflow;
    final Path fileCommands;
    /** Where the runner keeps the workspace on the host, as {@code ${{ github.workspace }}} expands. */
    final String hostWorkspace;
    private final String hostTemp;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final Map<String, String> context = new TreeMap<>();
    private final Map<String, String> hostToContainer = new LinkedHashMap<>();

    EmulatedRunner(Path root, String repository) {
        this.root = root.toAbsolutePath();
        Path github = this.root.resolve("github");
        this.workspace = github.resolve("workspace");
        this.runnerTemp = github.resolve("runner_temp");
        this.home = github.resolve("home");
        this.workflow = github.resolve("workflow");
        this.fileCommands = github.resolve("file_commands");
        String name = repository.substring(repository.indexOf('/') + 1);
        this.hostWorkspace = "/home/runner/work/" + name + "/" + name;
        this.hostTemp = "/home/runner/work/_temp";
        Stream.of(workspace, runnerTemp, home, workflow, fileCommands).forEach(EmulatedRunner::mkdirs);
        hostToContainer.put(hostWorkspace, workspace.toString());
        hostToContainer.put(hostTemp + "/_github_home", home.toString());
        hostToContainer.put(hostTemp + "/_github_workflow", workflow.toString());
        hostToContainer.put(hostTemp + "/_runner_file_commands", fileCommands.toString());
        hostToContainer.put(hostTemp, runnerTemp.toString());
    }

    /**
     * The variables of a github.com job for {@code repository} (spec/github-runtime.md §1.3), with the API and the
     * runtime services at {@code apiUrl}, and the contexts the defaults of {@code action.yml} may use.
     */
    EmulatedRunner inGitHubActions(String repository, String apiUrl, String runtimeToken) {
        String owner = repository.substring(0, repository.indexOf('/'));
        String api = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        set("CI", "true");
        set("GITHUB_ACTIONS", "true");
        set("GITHUB_ACTION", "__recovery-action_recovery-action");
        set("GITHUB_ACTION_REF", "v1");
        set("GITHUB_ACTION_REPOSITORY", "recovery-action/recovery-action");
        set("GITHUB_ACTOR", "octocat");
        set("GITHUB_ACTOR_ID", "583231");
        set("GITHUB_API_URL", api);
        set("GITHUB_GRAPHQL_URL", api + "/graphql");
        set("GITHUB_SERVER_URL", "https://github.com");
        set("GITHUB_REPOSITORY", repository);
        set("GITHUB_REPOSITORY_ID", "1296269");
        set("GITHUB_REPOSITORY_OWNER", owner);
        set("GITHUB_REPOSITORY_OWNER_ID", "9919");
        set("GITHUB_RETENTION_DAYS", "90");
        set("GITHUB_WORKFLOW", "CI");
        set("GITHUB_WORKFLOW_REF", repository + "/.github/workflows/ci.yml@refs/heads/main");
        set("GITHUB_WORKFLOW_SHA", "abc123");
        set("GITHUB_JOB", "build");
        set("GITHUB_RUN_ID", "100");
        set("GITHUB_RUN_NUMBER", "7");
        set("GITHUB_RUN_ATTEMPT", "1");
        set("GITHUB_SHA", "abc123");
        set("GITHUB_REF", "refs/heads/main");
        set("GITHUB_REF_NAME", "main");
        set("GITHUB_REF_TYPE", "branch");
        set("GITHUB_REF_PROTECTED", "false");
        set("GITHUB_TRIGGERING_ACTOR", "octocat");
        set("GITHUB_WORKSPACE", hostWorkspace);
        set("RUNNER_OS", "Linux");
        set("RUNNER_ARCH", "X64");
        set("RUNNER_NAME", "GitHub Actions 2");
        set("RUNNER_ENVIRONMENT", "github-hosted");
        set("RUNNER_TOOL_CACHE", "/opt/hostedtoolcache");
        set("RUNNER_TEMP", hostTemp);
        set("RUNNER_WORKSPACE", hostWorkspace.substring(0, hostWorkspace.lastIndexOf('/')));
        set("HOME", hostTemp + "/_github_home");
        set("ACTIONS_RUNTIME_URL", api + "/runtime/");
        set("ACTIONS_RUNTIME_TOKEN", runtimeToken);
        set("ACTIONS_RESULTS_URL", api + "/");
        event("push", """
                {"ref":"refs/heads/main","before":"0000000","after":"abc123",
                 "repository":{"full_name":"%s"},"pusher":{"name":"octocat"}}""".formatted(repository));
        context.putIfAbsent("github.token", TOKEN);
        context.putIfAbsent("job.check_run_id", "");
        return defaultInputs();
    }

    /** The value an expression of {@code action.yml} or of a {@code with:} value has in this job. */
    EmulatedRunner context(String expression, String value) {
        context.put(expression, value);
        return this;
    }

    /** Every input of {@code action.yml} with its default, as the runner passes them to each action step. */
    EmulatedRunner defaultInputs() {
        unsetInputs();
        actionInputs().forEach(this::input);
        return this;
    }

    /** No {@code INPUT_*} at all, as outside an action step. */
    EmulatedRunner unsetInputs() {
        variables.keySet().removeIf(name -> name.startsWith("INPUT_"));
        return this;
    }

    /** An input as a workflow's {@code with:} gives it; expressions in the value are expanded. */
    EmulatedRunner input(String name, String value) {
        return set("INPUT_" + name.replace(' ', '_').toUpperCase(Locale.ROOT), expand(name, value));
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
        RunnerOwnership.writeOwned(workflow.resolve("event.json"), payloadJson);
        set("GITHUB_EVENT_NAME", name);
        return set("GITHUB_EVENT_PATH", hostTemp + "/_github_workflow/event.json");
    }

    /**
     * Fresh file-command files for the next step, and its environment, translated to container paths, in the file
     * the program reads its environment from ({@code RECOVERY_ENVIRONMENT_FILE}).
     */
    EmulatedRunner install() {
        String id = UUID.randomUUID().toString();
        for (String[] command : new String[][] { { "GITHUB_OUTPUT", "set_output_" }, { "GITHUB_ENV", "set_env_" },
                { "GITHUB_PATH", "add_path_" }, { "GITHUB_STATE", "save_state_" },
                { "GITHUB_STEP_SUMMARY", "step_summary_" } }) {
            RunnerOwnership.writeOwned(fileCommands.resolve(command[1] + id), "");
            set(command[0], hostTemp + "/_runner_file_commands/" + command[1] + id);
        }
        String lines = variables.entrySet().stream()
                .map(e -> e.getKey() + "=" + toContainerPath(e.getValue()).replace("\n", "\\n"))
                .collect(Collectors.joining("\n", "", "\n"));
        write(environmentFile(), lines);
        return this;
    }

    /** Every variable as the program sees it, as {@link #install()} writes them. */
    Map<String, String> seenVariables() {
        Map<String, String> seen = new LinkedHashMap<>();
        variables.forEach((name, value) -> seen.put(name, toContainerPath(value)));
        return seen;
    }

    /** A variable as the program sees it. */
    String seen(String name) {
        return toContainerPath(variables.get(name));
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

    /** {@code TranslateToContainerPath}: a value that starts with a mount's host path gets the container path. */
    private String toContainerPath(String value) {
        for (Map.Entry<String, String> mount : hostToContainer.entrySet()) {
            if (value.equals(mount.getKey()) || value.startsWith(mount.getKey() + "/")) {
                return mount.getValue() + value.substring(mount.getKey().length());
            }
        }
        return value;
    }

    private String expand(String input, String value) {
        Matcher m = EXPRESSION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String expression = m.group(1);
            String expanded = expression.startsWith("github.") && !context.containsKey(expression)
                    ? githubContext(expression.substring(7))
                    : context.get(expression);
            if (expanded == null) {
                throw new IllegalStateException("input " + input + " uses ${{ " + expression + " }}, which the runner "
                        + "emulation cannot expand: add it to EmulatedRunner's contexts");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(expanded));
        }
        return m.appendTail(out).toString();
    }

    /** {@code github.<key>} is {@code GITHUB_<KEY>}, with host paths, as the runner evaluates expressions on the host. */
    private String githubContext(String key) {
        return variables.get("GITHUB_" + key.toUpperCase(Locale.ROOT));
    }

    /** The inputs of {@code action.yml} with their defaults, in declaration order. */
    static Map<String, String> actionInputs() {
        try {
            JsonNode action = new ObjectMapper(new YAMLFactory()).readTree(ACTION_YML.toFile());
            Map<String, String> inputs = new LinkedHashMap<>();
            action.path("inputs").fields().forEachRemaining(
                    input -> inputs.put(input.getKey(), input.getValue().path("default").asText("")));
            return inputs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ACTION_YML.toAbsolutePath(), e);
        }
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
        // on the host, HOME, the event folder and the file commands are folders of RUNNER_TEMP too
        Stream.of(workspace, runnerTemp, home, workflow, fileCommands).forEach(RunnerOwnership::assertUsableByRunnerUser);
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
