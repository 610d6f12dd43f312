package io.github.recoveryaction.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * One job on a runner host, laid out as actions/runner prepares it for a Docker container action
 * (spec/github-runtime.md §1, the runner's {@code ContainerActionHandler}): under {@code work/} the workspace
 * {@code <repo>/<repo>} and {@code _temp} with {@code _github_home}, {@code _github_workflow/event.json} and
 * {@code _runner_file_commands}, all owned by the runner's user; the job's {@code GITHUB_*}, {@code RUNNER_*} and
 * {@code ACTIONS_*} variables with host paths; and for each step every input of {@code action.yml} with its default,
 * {@code with:} values over them, expressions expanded, and every value that starts with a mounted host path
 * translated to the container path, as {@code TranslateToContainerPath} does.
 */
final class ContainerJob {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*([^}]*?)\\s*}}");

    /** The runner's mounts, host folder to container folder, in the order the runner adds them. */
    final Map<Path, String> mounts = new LinkedHashMap<>();
    final Path workspace;
    final Path temp;
    final RunnerUser user;
    private final Path fileCommands;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final Map<String, String> contexts = new LinkedHashMap<>();
    private Map<String, String> lastStep = Map.of();

    /**
     * A job of {@code repository}'s run {@code runId}, attempt {@code attempt}, whose API and runtime services are at
     * {@code apiUrl}; {@code token} is {@code github.token}.
     */
    ContainerJob(Path root, RunnerUser user, String repository, String apiUrl, long runId, int attempt, String token,
            String runtimeToken) {
        this.user = user;
        String name = repository.substring(repository.indexOf('/') + 1);
        Path work = root.resolve("work");
        this.workspace = work.resolve(name).resolve(name);
        this.temp = work.resolve("_temp");
        this.fileCommands = temp.resolve("_runner_file_commands");
        Path home = temp.resolve("_github_home");
        Path workflow = temp.resolve("_github_workflow");
        for (Path dir : List.of(workspace, home, workflow, fileCommands)) {
            mkdirs(dir);
        }
        mounts.put(temp, "/github/runner_temp");
        mounts.put(home, "/github/home");
        mounts.put(workflow, "/github/workflow");
        mounts.put(fileCommands, "/github/file_commands");
        mounts.put(workspace, "/github/workspace");
        String api = apiUrl.replaceAll("/$", "");
        String owner = repository.substring(0, repository.indexOf('/'));
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
        set("GITHUB_RUN_ID", Long.toString(runId));
        set("GITHUB_RUN_NUMBER", "7");
        set("GITHUB_RUN_ATTEMPT", Integer.toString(attempt));
        set("GITHUB_SHA", "abc123");
        set("GITHUB_REF", "refs/heads/main");
        set("GITHUB_REF_NAME", "main");
        set("GITHUB_REF_TYPE", "branch");
        set("GITHUB_REF_PROTECTED", "false");
        set("GITHUB_BASE_REF", "");
        set("GITHUB_HEAD_REF", "");
        set("GITHUB_TRIGGERING_ACTOR", "octocat");
        set("GITHUB_WORKSPACE", workspace.toString());
        set("RUNNER_OS", "Linux");
        set("RUNNER_ARCH", "X64");
        set("RUNNER_NAME", "GitHub Actions 2");
        set("RUNNER_ENVIRONMENT", "github-hosted");
        set("RUNNER_TOOL_CACHE", "/opt/hostedtoolcache");
        set("RUNNER_TEMP", temp.toString());
        set("RUNNER_WORKSPACE", workspace.getParent().toString());
        set("ACTIONS_RUNTIME_URL", api + "/runtime/");
        set("ACTIONS_RUNTIME_TOKEN", runtimeToken);
        set("ACTIONS_RESULTS_URL", api + "/");
        set("HOME", home.toString());
        contexts.put("github.token", token);
        contexts.put("job.check_run_id", "");
        event("push", """
                {"ref":"refs/heads/main","before":"0000000","after":"abc123",
                 "repository":{"full_name":"%s"},"pusher":{"name":"octocat"}}""".formatted(repository));
        user.own(work);
    }

    ContainerJob set(String name, String value) {
        variables.put(name, value);
        return this;
    }

    /** The value of an expression that a default in {@code action.yml} or a {@code with:} value uses. */
    ContainerJob context(String expression, String value) {
        contexts.put(expression, value);
        return this;
    }

    /** The event payload the runner writes before the job starts, and its name. */
    ContainerJob event(String name, String payloadJson) {
        Path file = temp.resolve("_github_workflow/event.json");
        write(file, payloadJson);
        user.own(file);
        set("GITHUB_EVENT_NAME", name);
        return set("GITHUB_EVENT_PATH", file.toString());
    }

    /** A file an earlier step (checkout, a build) left in the workspace, owned by the runner's user. */
    ContainerJob file(String relative, String content) {
        Path file = workspace.resolve(relative);
        write(file, content);
        user.own(workspace);
        return this;
    }

    /**
     * The environment of the next action step, as the container sees it: fresh file-command files (the runner makes
     * new ones for every step), the job's variables, and every input.
     */
    Map<String, String> nextStep(Map<String, String> with) {
        String id = UUID.randomUUID().toString();
        Map<String, String> step = new LinkedHashMap<>(variables);
        for (String[] command : List.of(new String[] { "GITHUB_OUTPUT", "set_output_" },
                new String[] { "GITHUB_ENV", "set_env_" }, new String[] { "GITHUB_PATH", "add_path_" },
                new String[] { "GITHUB_STATE", "save_state_" },
                new String[] { "GITHUB_STEP_SUMMARY", "step_summary_" })) {
            Path file = fileCommands.resolve(command[1] + id);
            write(file, "");
            step.put(command[0], file.toString());
        }
        user.own(fileCommands);
        Map<String, String> inputs = new LinkedHashMap<>(actionInputs());
        inputs.putAll(with);
        inputs.forEach((name, value) -> step.put("INPUT_" + name.replace(' ', '_').toUpperCase(Locale.ROOT),
                expand(name, value)));
        step.replaceAll((name, value) -> toContainerPath(value));
        lastStep = step;
        return step;
    }

    /** A file of the last step, by its variable ({@code GITHUB_OUTPUT}, {@code GITHUB_STEP_SUMMARY}), on the host. */
    Path hostFile(String variable) {
        String value = lastStep.get(variable);
        for (Map.Entry<Path, String> mount : mounts.entrySet()) {
            if (value.startsWith(mount.getValue() + "/")) {
                return mount.getKey().resolve(value.substring(mount.getValue().length() + 1));
            }
        }
        throw new IllegalStateException(variable + " is not in a mounted folder: " + value);
    }

    private String toContainerPath(String value) {
        List<Map.Entry<Path, String>> reversed = List.copyOf(mounts.entrySet()).reversed();
        for (Map.Entry<Path, String> mount : reversed) {
            String host = mount.getKey().toString();
            if (value.equals(host)) {
                return mount.getValue();
            }
            if (value.startsWith(host + "/")) {
                return mount.getValue() + value.substring(host.length());
            }
        }
        return value;
    }

    private String expand(String input, String value) {
        Matcher m = EXPRESSION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String expanded = contexts.get(m.group(1));
            if (expanded == null) {
                throw new IllegalStateException("input " + input + " uses ${{ " + m.group(1) + " }}, which this runner "
                        + "emulation cannot expand: give it a value with context()");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(expanded));
        }
        return m.appendTail(out).toString();
    }

    /** The inputs of {@code action.yml} with their defaults, in declaration order. */
    static Map<String, String> actionInputs() {
        try {
            JsonNode action = new ObjectMapper(new YAMLFactory()).readTree(Path.of("action.yml").toFile());
            Map<String, String> inputs = new LinkedHashMap<>();
            action.path("inputs").fields()
                    .forEachRemaining(e -> inputs.put(e.getKey(), e.getValue().path("default").asText("")));
            return inputs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(Path file, String content) {
        try {
            mkdirs(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
