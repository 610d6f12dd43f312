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
import java.util.Map;

import io.github.recoveryaction.github.GitFixture;
import io.github.recoveryaction.github.fake.FakeArtifactService;
import io.github.recoveryaction.github.fake.FakeHttpServer;

/**
 * One job attempt for the checkpoint commands, on {@link EmulatedRunner}: a git checkout as workspace (owned by the
 * runner's user), the file-command files, and the variables (written to the file {@code RECOVERY_ENVIRONMENT_FILE}
 * names, which the program takes as its whole environment). As created it is a plain checkout on a workstation;
 * {@link #inGitHubActions} makes it a runner's job with every action input at its default and, for the artifact
 * store, a fake of GitHub's artifact services on loopback.
 */
final class CheckpointScenario {

    static final String REPOSITORY = "octo/app";
    static final long RUN_ID = 4242;

    final Path root;
    final Path workspace;
    final EmulatedRunner runner;
    private boolean inGitHubActions;

    CheckpointScenario(Path root, Path checkout) {
        this.root = root;
        this.runner = new EmulatedRunner(root, REPOSITORY);
        this.workspace = runner.paths.workspace;
        copyTree(checkout, workspace);
        RunnerOwnership.giveToRunnerUser(root.resolve("github"));
        set("GITHUB_WORKSPACE", workspace.toString());
    }

    /** A pristine checkout to copy into each attempt's workspace (same commit every time). */
    static Path checkout(Path where) {
        try (GitFixture git = GitFixture.init(where)) {
            git.write(".gitignore", "target/\n").write("pom.xml", "<project/>\n")
                    .write("src/main/java/App.java", "class App {}\n").commitAll("initial");
        }
        return where;
    }

    /**
     * The job as the runner starts the action in attempt {@code attempt}: every variable and default input, with the
     * API and the artifact services on {@code server}.
     */
    CheckpointScenario inGitHubActions(FakeHttpServer server, int attempt) {
        inGitHubActions = true;
        runner.context("github.token", FakeArtifactService.READ_TOKEN)
                .inGitHubActions(REPOSITORY, server.baseUri().toString(), FakeArtifactService.runtimeToken(attempt));
        set("GITHUB_RUN_ID", Long.toString(RUN_ID));
        set("GITHUB_RUN_ATTEMPT", Integer.toString(attempt));
        set("ACTIONS_RESULTS_URL", server.url("/"));
        set("ACTIONS_RUNTIME_URL", server.url("/runtime/"));
        return this;
    }

    CheckpointScenario set(String name, String value) {
        runner.set(name, value);
        return this;
    }

    CheckpointScenario unset(String name) {
        runner.unset(name);
        return this;
    }

    /** An input as {@code with:} gives it ({@code ${{ … }}} expanded as the runner would). */
    CheckpointScenario input(String name, String value) {
        runner.input(name, value);
        return this;
    }

    /** The inputs of a new action step: {@code action.yml}'s defaults in GitHub Actions, else none. */
    CheckpointScenario clearInputs() {
        if (inGitHubActions) {
            runner.defaultInputs();
        } else {
            runner.unsetInputs();
        }
        return this;
    }

    /** Fresh file-command files for the next step, and the variables for the next launch. */
    CheckpointScenario install() {
        runner.install();
        return this;
    }

    Path outputFile() {
        return runner.path("GITHUB_OUTPUT");
    }

    /** The last step's outputs, parsed as the runner does. */
    Map<String, String> outputs() {
        return runner.outputs();
    }

    /** The variables the last step exported through {@code GITHUB_ENV}. */
    Map<String, String> exported() {
        return runner.exported();
    }

    /** Everything the step left in the workspace and {@code RUNNER_TEMP} can be changed by the runner's user. */
    void assertUsableByRunnerUser() {
        runner.assertUsableByRunnerUser();
    }

    /** {@code name=value} lines and the heredoc form {@code name<<DELIMITER}. */
    static Map<String, String> parseFileCommands(Path file) {
        return RunnerOutput.parseFileCommands(file);
    }

    static void clearEnvironment() {
        EmulatedRunner.clearEnvironment();
    }

    static String read(Path file) {
        return EmulatedRunner.read(file);
    }

    /** Writes a file as the job's own steps do (owned like the folder it is in). */
    static void write(Path file, String content) {
        RunnerOwnership.writeOwned(file, content);
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
