package io.github.recoveryaction.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * The action's {@code command} input: the image always starts {@code recovery report}, which runs the checkpoint
 * command named by the input with the other inputs as its options, as a workflow's steps would.
 */
@QuarkusMainTest
class CheckpointThroughActionTest {

    @TempDir
    Path dir;

    private CheckpointScenario scenario;

    @BeforeEach
    void checkout() {
        scenario = new CheckpointScenario(dir.resolve("job"), CheckpointScenario.checkout(dir.resolve("origin")));
        scenario.set("GITHUB_ACTIONS", "true");
    }

    @AfterEach
    void forgetEnvironment() {
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

        Files.delete(scenario.workspace.resolve("target/classes/App.class"));
        scenario.clearInputs().input("command", "restore").input("checkpoint-id", "latest").input("store", "local");
        LaunchResult restored = step(launcher);

        assertThat(restored.exitCode()).as(restored.getErrorOutput()).isZero();
        assertThat(scenario.outputs()).containsEntry("checkpoint-id", id).containsEntry("resume-after", "3")
                .containsEntry("restored", "true");
        assertThat(Files.readString(scenario.workspace.resolve("target/classes/App.class"))).isEqualTo("compiled");
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
