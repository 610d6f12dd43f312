package io.github.recoveryaction.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.github.recoveryaction.github.GitFixture;
import io.github.recoveryaction.github.fake.FakeArtifactService;
import io.github.recoveryaction.github.fake.FakeHttpServer;

/**
 * One job attempt as the runner sets it up for the checkpoint commands: a git checkout as workspace, the runner's
 * file-command files, the variables (written to the file {@code RECOVERY_ENVIRONMENT_FILE} names, which the program
 * takes as its whole environment) and, for the artifact store, a fake of GitHub's artifact services on loopback.
 */
final class CheckpointScenario {

    static final String REPOSITORY = "octo/app";
    static final long RUN_ID = 4242;

    final Path root;
    final Path workspace;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private int step;

    CheckpointScenario(Path root, Path checkout) {
        this.root = root;
        this.workspace = root.resolve("workspace");
        copyTree(checkout, workspace);
        mkdirs(root.resolve("file_commands"));
        mkdirs(root.resolve("temp"));
        set("GITHUB_WORKSPACE", workspace.toString());
        set("GITHUB_ENV", root.resolve("file_commands/set_env").toString());
        write(root.resolve("file_commands/set_env"), "");
    }

    /** A pristine checkout to copy into each attempt's workspace (same commit every time). */
    static Path checkout(Path where) {
        try (GitFixture git = GitFixture.init(where)) {
            git.write(".gitignore", "target/\n").write("pom.xml", "<project/>\n")
                    .write("src/main/java/App.java", "class App {}\n").commitAll("initial");
        }
        return where;
    }

    /** The variables GitHub Actions sets for attempt {@code attempt}, with the artifact services on {@code server}. */
    CheckpointScenario inGitHubActions(FakeHttpServer server, int attempt) {
        set("CI", "true");
        set("GITHUB_ACTIONS", "true");
        set("GITHUB_REPOSITORY", REPOSITORY);
        set("GITHUB_RUN_ID", Long.toString(RUN_ID));
        set("GITHUB_RUN_ATTEMPT", Integer.toString(attempt));
        set("GITHUB_JOB", "build");
        set("GITHUB_API_URL", server.baseUri().toString());
        set("ACTIONS_RUNTIME_TOKEN", FakeArtifactService.runtimeToken(attempt));
        set("ACTIONS_RESULTS_URL", server.url("/"));
        set("ACTIONS_RUNTIME_URL", server.url("/runtime/"));
        set("RUNNER_TEMP", root.resolve("temp").toString());
        return input("github-token", FakeArtifactService.READ_TOKEN);
    }

    CheckpointScenario set(String name, String value) {
        variables.put(name, value);
        return this;
    }

    CheckpointScenario unset(String name) {
        variables.remove(name);
        return this;
    }

    CheckpointScenario input(String name, String value) {
        return set("INPUT_" + name.toUpperCase(Locale.ROOT), value);
    }

    /** Drops the {@code INPUT_*} of the previous action step. */
    CheckpointScenario clearInputs() {
        variables.keySet().removeIf(k -> k.startsWith("INPUT_") && !k.equals("INPUT_GITHUB-TOKEN"));
        return this;
    }

    /** A fresh output file for the next step, and the variables for the next launch. */
    CheckpointScenario install() {
        step++;
        Path output = root.resolve("file_commands/set_output_" + step);
        write(output, "");
        set("GITHUB_OUTPUT", output.toString());
        String lines = variables.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().replace("\n", "\\n"))
                .collect(Collectors.joining("\n", "", "\n"));
        write(Path.of(System.getenv("RECOVERY_ENVIRONMENT_FILE")), lines);
        return this;
    }

    /** The last step's outputs, parsed as the runner does. */
    Map<String, String> outputs() {
        return parseFileCommands(Path.of(variables.get("GITHUB_OUTPUT")));
    }

    /** The variables earlier steps exported through {@code GITHUB_ENV}. */
    Map<String, String> exported() {
        return parseFileCommands(Path.of(variables.get("GITHUB_ENV")));
    }

    /** {@code name=value} lines and the heredoc form {@code name<<DELIMITER}. */
    static Map<String, String> parseFileCommands(Path file) {
        Map<String, String> values = new TreeMap<>();
        List<String> lines = read(file).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int heredoc = line.indexOf("<<");
            if (heredoc > 0) {
                String delimiter = line.substring(heredoc + 2);
                StringBuilder value = new StringBuilder();
                for (i++; !lines.get(i).equals(delimiter); i++) {
                    value.append(value.isEmpty() ? "" : "\n").append(lines.get(i));
                }
                values.put(line.substring(0, heredoc), value.toString());
            } else if (line.contains("=")) {
                values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return values;
    }

    static void clearEnvironment() {
        try {
            Files.deleteIfExists(Path.of(System.getenv("RECOVERY_ENVIRONMENT_FILE")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
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

    private static void copyTree(Path from, Path to) {
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                            LinkOption.NOFOLLOW_LINKS);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
