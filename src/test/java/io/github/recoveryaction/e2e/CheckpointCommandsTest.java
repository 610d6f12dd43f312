package io.github.recoveryaction.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.recoveryaction.github.GitFixture;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** The checkpoint commands against the local store, in a temporary git checkout. */
@QuarkusMainTest
class CheckpointCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CheckpointScenario scenario;
    private Path ws;

    @BeforeEach
    void checkout() {
        scenario = new CheckpointScenario(dir.resolve("job"), CheckpointScenario.checkout(dir.resolve("origin")));
        ws = scenario.workspace;
    }

    @AfterEach
    void forgetEnvironment() {
        CheckpointScenario.clearEnvironment();
    }

    private LaunchResult run(QuarkusMainLauncher launcher, String... args) {
        scenario.install();
        return launcher.launch(args);
    }

    private static JsonNode json(LaunchResult result) throws Exception {
        return JSON.readTree(result.getOutput());
    }

    @Test
    void savesListsValidatesAndRestoresAStep(QuarkusMainLauncher launcher) throws Exception {
        CheckpointScenario.write(ws.resolve("target/classes/App.class"), "compiled");
        CheckpointScenario.write(ws.resolve("src/main/java/App.java"), "class App { int changed; }\n");

        LaunchResult saved = run(launcher, "checkpoint", "--step-number", "2", "--step-name", "compile",
                "--path", "target", "--format", "json");

        assertThat(saved.exitCode()).as(saved.getErrorOutput()).isZero();
        JsonNode c = json(saved);
        assertThat(c.get("id").asText()).matches("standard-step2-\\d{8}_\\d{6}");
        assertThat(c.get("stepNumber").asInt()).isEqualTo(2);
        assertThat(c.get("stepName").asText()).isEqualTo("compile");
        assertThat(c.get("success").asBoolean()).isTrue();
        assertThat(c.get("branch").asText()).isEqualTo("main");
        assertThat(c.get("commit").asText()).hasSize(40);
        assertThat(c.get("stateHash").asText()).startsWith("sha256:");
        assertThat(c.get("files").asInt()).isEqualTo(4);
        assertThat(c.get("metrics").get("wallMillis").asLong()).isPositive();
        assertThat(c.has("fileList")).isFalse();
        assertThat(ws.resolve(".checkpoints/" + c.get("id").asText() + ".tar.zst")).isRegularFile();

        LaunchResult list = run(launcher, "list", "--format", "json");
        assertThat(json(list)).singleElement().satisfies(e -> assertThat(e.get("id")).isEqualTo(c.get("id")));
        assertThat(run(launcher, "list").getOutput()).contains(c.get("id").asText(), "compile");

        LaunchResult validate = run(launcher, "validate", "--format", "json");
        assertThat(validate.exitCode()).as(validate.getOutput()).isZero();
        assertThat(json(validate).get("ok").asBoolean()).isTrue();
        assertThat(json(validate).get("checks").findValuesAsText("name")).contains("workspace", "configuration",
                "git-repository", "working-tree", "store", "checkpoint " + c.get("id").asText());

        CheckpointScenario.write(ws.resolve("target/classes/App.class"), "broken");
        CheckpointScenario.write(ws.resolve("src/main/java/App.java"), "class App {}\n");
        LaunchResult restored = run(launcher, "restore", "--checkpoint-id", "latest", "--format", "json");

        assertThat(restored.exitCode()).as(restored.getErrorOutput()).isZero();
        assertThat(json(restored).get("resumeAfter").asInt()).isEqualTo(2);
        assertThat(json(restored).get("restored").asBoolean()).isTrue();
        assertThat(Files.readString(ws.resolve("target/classes/App.class"))).isEqualTo("compiled");
        assertThat(Files.readString(ws.resolve("src/main/java/App.java"))).contains("changed");
    }

    @Test
    void restoreInGitHubActionsSetsStepOutputsAndTheJobStart(QuarkusMainLauncher launcher) {
        scenario.set("GITHUB_ACTIONS", "true");
        CheckpointScenario.write(ws.resolve("target/out.txt"), "x");
        assertThat(run(launcher, "checkpoint", "--step-number", "3", "--step-name", "build", "--path", "target",
                "--store", "local").exitCode()).isZero();
        String id = scenario.outputs().get("checkpoint-id");

        LaunchResult restored = run(launcher, "restore", "--checkpoint-id", id, "--store", "local");

        assertThat(restored.exitCode()).as(restored.getErrorOutput()).isZero();
        assertThat(scenario.outputs()).containsEntry("checkpoint-id", id).containsEntry("resume-after", "3")
                .containsEntry("restored", "true");
        assertThat(CheckpointScenario.read(scenario.outputFile()))
                .containsPattern("resume-after<<ghadelimiter_[0-9a-f-]+\n3\nghadelimiter_");
        assertThat(scenario.exported()).containsKey("RECOVERY_JOB_STARTED_AT");
    }

    @Test
    void latestWithNothingStoredSaysToRunEveryStep(QuarkusMainLauncher launcher) {
        scenario.set("GITHUB_ACTIONS", "true");

        LaunchResult result = run(launcher, "restore", "--checkpoint-id", "latest");

        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).contains("No checkpoint to restore");
        assertThat(scenario.outputs()).containsEntry("restored", "false").containsEntry("resume-after", "0")
                .containsEntry("checkpoint-id", "");
    }

    @Test
    void actionInputsAreTheOptionsDefaults(QuarkusMainLauncher launcher) {
        CheckpointScenario.write(ws.resolve("target/a.txt"), "a");
        CheckpointScenario.write(ws.resolve("build/b.txt"), "b");
        scenario.input("step-number", "4").input("step-name", "package").input("path", "target\nbuild")
                .input("checkpoint-id", "after-package").input("failed", "true").input("error-message", "tests failed");

        LaunchResult result = run(launcher, "checkpoint", "--format", "json");

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(result.getOutput()).contains("\"id\":\"after-package\"", "\"stepNumber\":4", "\"success\":false",
                "\"errorMessage\":\"tests failed\"", "\"files\":4");
    }

    @Test
    void refusesACheckpointOfAnotherCommitUnlessForced(QuarkusMainLauncher launcher) throws Exception {
        CheckpointScenario.write(ws.resolve("target/out.txt"), "x");
        run(launcher, "checkpoint", "--step-number", "1", "--step-name", "a", "--path", "target", "--checkpoint-id", "c1");
        try (GitFixture git = GitFixture.init(ws)) {
            git.write("README.md", "moved on\n").commitAll("next commit");
        }
        CheckpointScenario.write(ws.resolve("target/out.txt"), "changed");

        LaunchResult refused = run(launcher, "restore", "--checkpoint-id", "c1");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.getErrorStream()).singleElement().asString().matches(
                "recovery: checkpoint c1 was made on commit [0-9a-f]{12} but the workspace is at [0-9a-f]{12}; "
                        + "restore it anyway with --force");
        assertThat(Files.readString(ws.resolve("target/out.txt"))).isEqualTo("changed");

        LaunchResult forced = run(launcher, "restore", "--checkpoint-id", "c1", "--force");
        assertThat(forced.exitCode()).isZero();
        assertThat(Files.readString(ws.resolve("target/out.txt"))).isEqualTo("x");
    }

    @Test
    void validateFailsOnADamagedArchive(QuarkusMainLauncher launcher) throws Exception {
        CheckpointScenario.write(ws.resolve("target/out.txt"), "x".repeat(10000));
        run(launcher, "checkpoint", "--step-number", "1", "--step-name", "a", "--path", "target", "--checkpoint-id", "c1");
        Path archive = ws.resolve(".checkpoints/c1.tar.zst");
        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length / 2] ^= 1;
        Files.write(archive, bytes);

        LaunchResult result = run(launcher, "validate", "--format", "json");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(json(result).get("ok").asBoolean()).isFalse();
        assertThat(result.getOutput()).contains("checkpoint c1 is damaged");
        LaunchResult restore = run(launcher, "restore", "--checkpoint-id", "c1");
        assertThat(restore.exitCode()).isEqualTo(1);
        assertThat(restore.getErrorStream()).singleElement().asString().startsWith("recovery: checkpoint c1 is damaged");
    }

    @Test
    void aDamagedNewestManifestIsListedAndRefusedByRestoreLatest(QuarkusMainLauncher launcher) throws Exception {
        CheckpointScenario.write(ws.resolve("target/out.txt"), "first");
        run(launcher, "checkpoint", "--step-number", "1", "--step-name", "a", "--path", "target", "--checkpoint-id", "c1");
        CheckpointScenario.write(ws.resolve("target/out.txt"), "second");
        run(launcher, "checkpoint", "--step-number", "2", "--step-name", "b", "--path", "target", "--checkpoint-id", "c2");
        Files.writeString(ws.resolve(".checkpoints/c2.json"), "{\"schemaVersion\": 2, \"id\": ");
        CheckpointScenario.write(ws.resolve("target/out.txt"), "in progress");

        LaunchResult restore = run(launcher, "restore", "--checkpoint-id", "latest");

        assertThat(restore.exitCode()).isEqualTo(1);
        assertThat(restore.getErrorStream()).singleElement().asString()
                .startsWith("recovery: checkpoint c2 is damaged: its manifest is unreadable")
                .endsWith("nothing was restored (restore the older c1 with --checkpoint-id)");
        assertThat(Files.readString(ws.resolve("target/out.txt"))).isEqualTo("in progress");
        LaunchResult list = run(launcher, "list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.getOutput()).containsPattern("c2\\s+-\\s+-\\s+DAMAGED").contains("c1");
        JsonNode listed = json(run(launcher, "list", "--format", "json"));
        assertThat(listed.findValuesAsText("id")).containsExactly("c1", "c2");
        assertThat(listed.get(1).get("damaged").asBoolean()).isTrue();
        assertThat(run(launcher, "validate").exitCode()).isEqualTo(1);
    }

    @Test
    void aSecondCheckpointStoresOnlyWhatChanged(QuarkusMainLauncher launcher) throws Exception {
        CheckpointScenario.write(ws.resolve("target/lib.jar"), "library ".repeat(50_000));
        CheckpointScenario.write(ws.resolve("target/out.txt"), "first");
        JsonNode first = json(run(launcher, "checkpoint", "--step-number", "1", "--step-name", "a", "--path", "target",
                "--format", "json", "--checkpoint-id", "c1"));
        CheckpointScenario.write(ws.resolve("target/out.txt"), "second");

        JsonNode second = json(run(launcher, "checkpoint", "--step-number", "2", "--step-name", "b", "--path", "target",
                "--format", "json", "--checkpoint-id", "c2"));

        assertThat(first.get("pieces")).isEmpty();
        assertThat(second.get("pieces").get(0).asText()).isEqualTo("c1");
        assertThat(second.get("storedBytes").asLong()).isEqualTo("second".length());
        assertThat(second.get("bytes").asLong()).isEqualTo(first.get("bytes").asLong() + 1);
        assertThat(run(launcher, "list").getOutput()).contains("incremental on c1");
        CheckpointScenario.write(ws.resolve("target/lib.jar"), "gone");
        assertThat(run(launcher, "restore", "--checkpoint-id", "c2").exitCode()).isZero();
        assertThat(Files.readString(ws.resolve("target/lib.jar"))).isEqualTo("library ".repeat(50_000));
        assertThat(Files.readString(ws.resolve("target/out.txt"))).isEqualTo("second");
    }

    @Test
    void cleanupRemovesCachesAndOldCheckpointsButNeverTrackedFiles(QuarkusMainLauncher launcher) throws Exception {
        CheckpointScenario.write(ws.resolve("target/classes/App.class"), "compiled");
        CheckpointScenario.write(ws.resolve("tools/__pycache__/x.pyc"), "cache");
        CheckpointScenario.write(ws.resolve("tools/requirements.txt"), "requests\n");
        run(launcher, "checkpoint", "--step-number", "1", "--step-name", "a", "--checkpoint-id", "old");
        Files.setLastModifiedTime(ws.resolve(".checkpoints/old.json"), FileTime.from(Instant.EPOCH));

        LaunchResult dryRun = run(launcher, "cleanup", "--dry-run", "--older-than", "0s", "--format", "json");
        assertThat(dryRun.exitCode()).isZero();
        assertThat(json(dryRun).get("removed").findValuesAsText("path")).containsExactlyInAnyOrder("target",
                "tools/__pycache__", "old");
        assertThat(ws.resolve("target")).exists();

        LaunchResult cleaned = run(launcher, "cleanup", "--older-than", "0s");
        assertThat(cleaned.exitCode()).isZero();
        assertThat(cleaned.getOutput()).contains("Removed cache target", "Removed checkpoint old");
        assertThat(ws.resolve("target")).doesNotExist();
        assertThat(ws.resolve("tools/__pycache__")).doesNotExist();
        assertThat(ws.resolve(".checkpoints/old.json")).doesNotExist();
        assertThat(ws.resolve("pom.xml")).exists();
        assertThat(ws.resolve("tools/requirements.txt")).exists();
    }

    @Test
    void usageErrorsExitTwoWithOneLine(QuarkusMainLauncher launcher) {
        LaunchResult noStep = run(launcher, "checkpoint", "--step-name", "x");
        assertThat(noStep.exitCode()).isEqualTo(2);
        assertThat(noStep.getErrorStream()).singleElement().asString().contains("--step-number is required");

        LaunchResult negativeStep = run(launcher, "checkpoint", "--step-number", "-1", "--step-name", "x");
        assertThat(negativeStep.exitCode()).isEqualTo(2);
        assertThat(negativeStep.getErrorStream()).singleElement().asString()
                .contains("--step-number must be 0 or more").endsWith("got -1").doesNotContain("is required");

        LaunchResult badStore = run(launcher, "list", "--store", "s3");
        assertThat(badStore.exitCode()).isEqualTo(2);
        assertThat(badStore.getErrorOutput()).contains("--store must be one of auto, local, artifact, got 's3'");

        LaunchResult noId = run(launcher, "restore");
        assertThat(noId.exitCode()).isEqualTo(2);

        LaunchResult artifactOutsideActions = run(launcher, "list", "--store", "artifact");
        assertThat(artifactOutsideActions.exitCode()).isEqualTo(2);
        assertThat(artifactOutsideActions.getErrorOutput()).contains("use --store local");

        LaunchResult badDuration = run(launcher, "cleanup", "--older-than", "soon");
        assertThat(badDuration.exitCode()).isEqualTo(2);

        LaunchResult unknownId = run(launcher, "restore", "--checkpoint-id", "nope");
        assertThat(unknownId.exitCode()).isEqualTo(1);
        assertThat(unknownId.getErrorOutput()).contains("checkpoint 'nope' is not in local store .checkpoints");
    }
}
