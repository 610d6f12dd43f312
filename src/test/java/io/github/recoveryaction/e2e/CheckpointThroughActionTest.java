package io.github.recoveryaction.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.recoveryaction.github.fake.FakeArtifactService;
import io.github.recoveryaction.github.fake.FakeHttpServer;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * The action's {@code command} input: the image always starts {@code recovery report}, which runs the checkpoint
 * command named by the input with the other inputs as its options, as a workflow's steps would; every input not
 * given has {@code action.yml}'s default, as the runner passes it.
 */
@QuarkusMainTest
class CheckpointThroughActionTest {

    private final FakeHttpServer server = new FakeHttpServer();
    private final FakeArtifactService artifacts = new FakeArtifactService(CheckpointScenario.REPOSITORY,
            CheckpointScenario.RUN_ID).register(server);

    @TempDir
    Path dir;

    private CheckpointScenario scenario;

    @BeforeEach
    void checkout() {
        scenario = new CheckpointScenario(dir.resolve("job"), CheckpointScenario.checkout(dir.resolve("origin")))
                .inGitHubActions(server, 1);
    }

    @AfterEach
    void forgetEnvironment() {
        server.close();
        CheckpointScenario.clearEnvironment();
    }

    private LaunchResult step(QuarkusMainLauncher launcher) {
        scenario.install();
        return launcher.launch("report");
    }

    @Test
    void savesAndRestoresACheckpointThroughTheCommandInput(QuarkusMainLauncher launcher) throws Exception {
        CheckpointScenario.write(scenario.workspace.resolve("target/classes/App.class"), "compiled");
        scenario.input("command", "checkpoint").input("step-number", "3").input("step-name", "compile")
                .input("path", "target/**").input("store", "local");

        LaunchResult saved = step(launcher);

        assertThat(saved.exitCode()).as(saved.getErrorOutput()).isZero();
        String id = scenario.outputs().get("checkpoint-id");
        assertThat(id).isNotBlank();
        scenario.assertUsableByRunnerUser();

        Files.delete(scenario.workspace.resolve("target/classes/App.class"));
        scenario.clearInputs().input("command", "restore").input("checkpoint-id", "latest").input("store", "local");
        LaunchResult restored = step(launcher);

        assertThat(restored.exitCode()).as(restored.getErrorOutput()).isZero();
        assertThat(scenario.outputs()).containsEntry("checkpoint-id", id).containsEntry("resume-after", "3")
                .containsEntry("restored", "true");
        assertThat(Files.readString(scenario.workspace.resolve("target/classes/App.class"))).isEqualTo("compiled");
        scenario.assertUsableByRunnerUser();
    }

    /** README and docs/action.md: only command, step-number, step-name and path; the rest are defaults. The re-run restores. */
    @Test
    void theDocumentedInputsSaveAndRestoreThroughTheArtifactStore(QuarkusMainLauncher launcher) throws Exception {
        CheckpointScenario.write(scenario.workspace.resolve("target/classes/App.class"), "compiled");
        scenario.input("command", "checkpoint").input("step-number", "3").input("step-name", "compile")
                .input("path", "target/**");

        LaunchResult saved = step(launcher);

        assertThat(saved.exitCode()).as(saved.getOutput() + saved.getErrorOutput()).isZero();
        assertThat(saved.getOutput() + saved.getErrorOutput()).doesNotContain("::warning::", "must be one of");
        String id = scenario.outputs().get("checkpoint-id");
        assertThat(id).startsWith("standard-step3-");
        assertThat(artifacts.artifacts()).hasSize(1);
        scenario.assertUsableByRunnerUser();

        scenario = new CheckpointScenario(dir.resolve("rerun"), dir.resolve("origin")).inGitHubActions(server, 2);
        scenario.input("command", "restore").input("checkpoint-id", "latest");
        LaunchResult restored = step(launcher);

        assertThat(restored.exitCode()).as(restored.getOutput() + restored.getErrorOutput()).isZero();
        assertThat(scenario.outputs()).containsEntry("checkpoint-id", id).containsEntry("resume-after", "3")
                .containsEntry("restored", "true");
        assertThat(Files.readString(scenario.workspace.resolve("target/classes/App.class"))).isEqualTo("compiled");
        scenario.assertUsableByRunnerUser();
    }

    /** Every command the action runs accepts every other command's defaults: only its own inputs are given. */
    @Test
    void everyCommandRunsWithTheDefaultsOfAllInputs(QuarkusMainLauncher launcher) {
        CheckpointScenario.write(scenario.workspace.resolve("target/out.txt"), "x");
        Map<String, Map<String, String>> commands = new LinkedHashMap<>();
        commands.put("checkpoint", Map.of("step-number", "1", "step-name", "build"));
        commands.put("list", Map.of());
        commands.put("validate", Map.of());
        commands.put("restore", Map.of("checkpoint-id", "latest"));
        commands.put("cleanup", Map.of("dry-run", "true"));
        commands.put("report", Map.of());
        commands.forEach((command, inputs) -> {
            scenario.clearInputs().input("command", command);
            inputs.forEach(scenario::input);

            LaunchResult result = step(launcher);

            assertThat(result.exitCode()).as(command + ": " + result.getOutput() + result.getErrorOutput()).isZero();
            assertThat(result.getOutput() + result.getErrorOutput()).as(command)
                    .doesNotContain("::warning::recovery-action could not finish", "must be one of", "is not known");
        });
    }

    /** What the runner would run as workflow commands in a step's stdout and stderr. */
    private static List<String> commandsIn(LaunchResult result) {
        return RunnerOutput.workflowCommands(result.getOutput() + "\n" + result.getErrorOutput());
    }

    @Test
    void nothingFromAnInputBecomesAWorkflowCommand(QuarkusMainLauncher launcher) {
        scenario.input("command", "checkpoint").input("step-number", "2").input("step-name", "::warning::named")
                .input("failed", "true").input("error-message", "::error title=x::injected\n::add-mask::hidden")
                .input("store", "local");

        LaunchResult saved = step(launcher);

        assertThat(saved.exitCode()).as(saved.getErrorOutput()).isZero();
        assertThat(saved.getOutput()).contains("injected", "hidden");
        assertThat(commandsIn(saved)).noneMatch(c -> c.contains("injected") || c.contains("hidden") || c.contains("named"));

        scenario.clearInputs().input("command", "list").input("store", "local");
        LaunchResult listed = step(launcher);
        assertThat(listed.getOutput()).contains("::warning::named");
        assertThat(commandsIn(listed)).noneMatch(c -> c.contains("named"));

        scenario.clearInputs().input("command", "checkpoint").input("step-number", "3").input("step-name", "s")
                .input("lane", "fast\n::add-mask::leak").input("store", "local");
        LaunchResult refused = step(launcher);
        assertThat(refused.exitCode()).isZero();
        assertThat(refused.getErrorStream()).singleElement().asString().startsWith("::warning::")
                .contains("fast", "leak");
        assertThat(commandsIn(refused)).noneMatch(c -> c.contains("leak") && !c.startsWith("::warning::"));
    }

    /** One warning and exit 0 (the action's own error); fail-on-error: true makes it the contract's usage error. */
    @Test
    void aMissingRequiredInputIsOneLineNamingTheInputAndTheCommand(QuarkusMainLauncher launcher) {
        scenario.input("command", "checkpoint").input("step-number", "3").input("store", "local");

        LaunchResult checkpoint = step(launcher);

        assertThat(checkpoint.exitCode()).isZero();
        assertThat(checkpoint.getErrorStream()).singleElement().asString().startsWith("::warning::")
                .contains("--step-name is required by checkpoint (action input step-name)");

        scenario.input("fail-on-error", "true");
        LaunchResult strict = step(launcher);

        assertThat(strict.exitCode()).isEqualTo(2);
        assertThat(strict.getErrorStream()).singleElement().asString()
                .contains("--step-name is required by checkpoint (action input step-name)");

        scenario.clearInputs().input("command", "restore").input("store", "local").input("fail-on-error", "true");
        LaunchResult restore = step(launcher);

        assertThat(restore.exitCode()).isEqualTo(2);
        assertThat(restore.getErrorStream()).singleElement().asString()
                .contains("--checkpoint-id is required by restore (action input checkpoint-id)");
    }

    @Test
    void passesTheCheckpointCommandsExitCodeThrough(QuarkusMainLauncher launcher) {
        scenario.input("command", "list").input("store", "local").input("format", "json");

        LaunchResult listed = step(launcher);

        assertThat(listed.exitCode()).as(listed.getErrorOutput()).isZero();
        assertThat(listed.getOutput().strip()).isEqualTo("[]");
    }

    @Test
    void aDamagedCheckpointIsAWarningAndRestoresNothing(QuarkusMainLauncher launcher) throws Exception {
        CheckpointScenario.write(scenario.workspace.resolve("target/out.txt"), "saved");
        scenario.input("command", "checkpoint").input("step-number", "2").input("step-name", "build")
                .input("path", "target").input("store", "local").input("checkpoint-id", "c1");
        assertThat(step(launcher).exitCode()).isZero();
        Path archive = scenario.workspace.resolve(".checkpoints/c1.tar.zst");
        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(archive, bytes);
        CheckpointScenario.write(scenario.workspace.resolve("target/out.txt"), "changed later");

        scenario.clearInputs().input("command", "restore").input("checkpoint-id", "latest").input("store", "local");
        LaunchResult restored = step(launcher);

        assertThat(restored.exitCode()).as(restored.getErrorOutput()).isZero();
        assertThat(restored.getErrorOutput()).contains("::warning").contains("checkpoint c1 is damaged");
        assertThat(scenario.outputs()).containsEntry("restored", "false").containsEntry("resume-after", "0")
                .containsEntry("checkpoint-id", "");
        assertThat(Files.readString(scenario.workspace.resolve("target/out.txt"))).isEqualTo("changed later");
    }
}
