package io.github.recoveryaction.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.github.recoveryaction.github.fake.FakeGitHubApi;
import io.github.recoveryaction.github.fake.FakeHttpServer;

/**
 * A runner-like environment for one end-to-end test: a workspace, the runner's file-command files, an event payload,
 * the {@code GITHUB_*}/{@code RUNNER_*}/{@code INPUT_*} variables, and a stateful fake GitHub API on loopback.
 * {@link #install()} writes the variables to the file {@code RECOVERY_ENVIRONMENT_FILE} names (set by the build for
 * every test JVM), which the program then uses as its whole environment, in JVM and native runs alike.
 */
final class RunnerScenario implements AutoCloseable {

    static final String REPOSITORY = "octo/app";
    static final String TOKEN = "ghs_e2eS3cretToken";

    final Path root;
    final Path workspace;
    final FakeHttpServer server = new FakeHttpServer();
    final FakeGitHubApi api = new FakeGitHubApi(server, REPOSITORY);
    private final Map<String, String> variables = new LinkedHashMap<>();

    RunnerScenario(Path root) {
        this.root = root;
        this.workspace = root.resolve("workspace");
        try {
            Files.createDirectories(workspace);
            Files.createDirectories(root.resolve("file_commands"));
            Files.createDirectories(root.resolve("temp"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        variables.put("CI", "true");
        variables.put("GITHUB_ACTIONS", "true");
        variables.put("GITHUB_API_URL", server.baseUri().toString());
        variables.put("GITHUB_SERVER_URL", "https://github.com");
        variables.put("GITHUB_REPOSITORY", REPOSITORY);
        variables.put("GITHUB_REPOSITORY_OWNER", "octo");
        variables.put("GITHUB_WORKFLOW", "CI");
        variables.put("GITHUB_JOB", "build");
        variables.put("GITHUB_RUN_ID", "100");
        variables.put("GITHUB_RUN_ATTEMPT", "1");
        variables.put("GITHUB_SHA", "abc123");
        variables.put("GITHUB_WORKSPACE", workspace.toString());
        variables.put("GITHUB_OUTPUT", root.resolve("file_commands/set_output_1").toString());
        variables.put("GITHUB_STEP_SUMMARY", root.resolve("file_commands/step_summary_1").toString());
        variables.put("RUNNER_NAME", "GitHub Actions 2");
        variables.put("RUNNER_OS", "Linux");
        variables.put("RUNNER_TEMP", root.resolve("temp").toString());
        input("github-token", TOKEN);
        input("comment", "true");
        input("annotations", "true");
        input("fail-on-error", "false");
    }

    RunnerScenario set(String name, String value) {
        variables.put(name, value);
        return this;
    }

    RunnerScenario input(String name, String value) {
        return set("INPUT_" + name.toUpperCase(Locale.ROOT), value);
    }

    RunnerScenario event(String name, String payloadJson) {
        Path file = root.resolve("event-" + name + ".json");
        write(file, payloadJson);
        set("GITHUB_EVENT_NAME", name);
        return set("GITHUB_EVENT_PATH", file.toString());
    }

    RunnerScenario file(String relative, String content) {
        write(workspace.resolve(relative), content);
        return this;
    }

    /** Fresh output and summary files, as the runner gives each step, and the variables for the next launch. */
    RunnerScenario install() {
        try {
            Files.deleteIfExists(outputFile());
            Files.deleteIfExists(summaryFile());
            Files.createFile(outputFile());
            Files.createFile(summaryFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String lines = variables.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().replace("\n", "\\n"))
                .collect(Collectors.joining("\n", "", "\n"));
        write(Path.of(System.getenv("RECOVERY_ENVIRONMENT_FILE")), lines);
        server.clearRequests();
        return this;
    }

    Path outputFile() {
        return Path.of(variables.get("GITHUB_OUTPUT"));
    }

    Path summaryFile() {
        return Path.of(variables.get("GITHUB_STEP_SUMMARY"));
    }

    String summary() {
        return read(summaryFile());
    }

    /** The step outputs, parsed as the runner parses the heredoc form. */
    Map<String, String> outputs() {
        Map<String, String> outputs = new TreeMap<>();
        List<String> lines = read(outputFile()).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int heredoc = line.indexOf("<<");
            if (heredoc < 0) {
                continue;
            }
            String delimiter = line.substring(heredoc + 2);
            List<String> value = new ArrayList<>();
            for (i++; !lines.get(i).equals(delimiter); i++) {
                value.add(lines.get(i));
            }
            outputs.put(line.substring(0, heredoc), String.join("\n", value));
        }
        return outputs;
    }

    List<String> apiCalls() {
        return server.requestLines().stream().filter(line -> !line.contains("/_storage/")).toList();
    }

    @Override
    public void close() {
        server.close();
        try {
            Files.deleteIfExists(Path.of(System.getenv("RECOVERY_ENVIRONMENT_FILE")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
