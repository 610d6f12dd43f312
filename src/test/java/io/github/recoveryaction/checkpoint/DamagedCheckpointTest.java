package io.github.recoveryaction.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.recoveryaction.github.GitFixture;

/**
 * A damaged manifest, archive or piece is named in a one-line refusal, listed as damaged, and leaves the workspace
 * exactly as it was; {@code latest} never silently falls back past a damaged newest checkpoint.
 */
class DamagedCheckpointTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    @TempDir
    Path dir;

    private Path ws;
    private Path storeDir;

    @BeforeEach
    void workspaceWithTwoCheckpoints() throws IOException {
        ws = dir.resolve("ws");
        storeDir = ws.resolve(".checkpoints");
        try (GitFixture git = GitFixture.init(ws)) {
            git.write(".gitignore", "build/\n").write("src/Main.java", "class Main {}\n").commitAll("initial");
        }
        byte[] big = new byte[300_000];
        new Random(1).nextBytes(big);
        Files.createDirectories(ws.resolve("build"));
        Files.write(ws.resolve("build/big.bin"), big);
        Files.writeString(ws.resolve("build/out.txt"), "after step 1");
        checkpoint(1);
        Files.writeString(ws.resolve("build/out.txt"), "after step 2");
        checkpoint(2);
        Files.writeString(ws.resolve("build/out.txt"), "work in progress");
    }

    private void checkpoint(int step) {
        CheckpointRequest request = new CheckpointRequest(Optional.of("step" + step), "standard", step, "step " + step,
                true, Optional.empty(), List.of("build"), Optional.empty(), Optional.empty());
        new CheckpointCreator(workspace(), ArchiveWriter.withDefaults(),
                Clock.fixed(T0.plus(Duration.ofMinutes(step)), ZoneOffset.UTC)).create(request, store());
    }

    private WorkspacePaths workspace() {
        return new WorkspacePaths(ws, ".checkpoints");
    }

    private LocalDirectoryCheckpointStore store() {
        return new LocalDirectoryCheckpointStore(storeDir, ".checkpoints");
    }

    /** Restores {@code id}, expects a refusal, and proves nothing in the workspace moved. */
    private String refusal(String id) {
        Map<String, String> before = WorkspaceSnapshot.of(dir, ws);
        Throwable thrown = catchThrowable(() -> new CheckpointRestorer(workspace(), ExtractionLimits.DEFAULT)
                .restore(store(), id, false));
        assertThat(thrown).isInstanceOf(CheckpointException.class);
        assertThat(thrown.getMessage()).doesNotContain("\n").endsWith("nothing was restored")
                .doesNotContain("(restore the older");
        assertThat(WorkspaceSnapshot.of(dir, ws)).isEqualTo(before);
        return thrown.getMessage();
    }

    private static void flipByte(Path file, double where) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) (bytes.length * where)] ^= 0x5a;
        Files.write(file, bytes);
    }

    @Test
    void aDamagedNewestManifestStopsLatestInsteadOfRestoringAnOlderState() throws Exception {
        Files.writeString(storeDir.resolve("step2.json"), "{\"schemaVersion\":2,\"id\":\"step2\",");

        Map<String, String> before = WorkspaceSnapshot.of(dir, ws);
        Throwable thrown = catchThrowable(() -> new CheckpointRestorer(workspace(), ExtractionLimits.DEFAULT)
                .restore(store(), "latest", false));

        assertThat(thrown).isInstanceOf(CheckpointException.class).hasMessageStartingWith(
                "checkpoint step2 is damaged: its manifest is unreadable (manifest ").hasMessageEndingWith(
                        "nothing was restored (restore the older step1 with --checkpoint-id)");
        assertThat(thrown.getMessage()).doesNotContain("\n");
        assertThat(WorkspaceSnapshot.of(dir, ws)).isEqualTo(before);
        assertThat(refusal("step2")).startsWith("checkpoint step2 is damaged: its manifest is unreadable");
        StoreContents contents = new StoreContents(store());
        assertThat(contents.damaged()).extracting(DamagedCheckpoint::id).containsExactly("step2");
        assertThat(contents.intact()).extracting(Checkpoint::id).containsExactly("step1");
        assertThat(CheckpointText.list(contents, "local store .checkpoints")).contains("DAMAGED");
    }

    @Test
    void aManifestWhoseFileListNoLongerMatchesItsStateHashIsDamaged() throws Exception {
        Path manifest = storeDir.resolve("step2.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"mode\":\"0644\"", "\"mode\":\"0666\""));

        assertThat(refusal("step2")).startsWith("checkpoint step2 is damaged: its manifest's file list hashes to");
    }

    @Test
    void aDamagedArchiveIsRefusedByName() throws Exception {
        flipByte(storeDir.resolve("step1.tar.zst"), 0.5);

        assertThat(refusal("step1")).startsWith("checkpoint step1 is damaged: its archive hashes to sha256:");
    }

    @Test
    void aDamagedPieceRefusesTheIncrementalCheckpointThatReadsIt() throws Exception {
        assertThat(store().find("step2").orElseThrow().pieces()).extracting(Piece::checkpointId).containsExactly("step1");
        flipByte(storeDir.resolve("step1.tar.zst"), 0.5);

        assertThat(refusal("step2")).startsWith("piece step1 of checkpoint step2 is damaged: its archive hashes to");
    }

    @Test
    void aMissingPieceIsSeenWithoutReadingAnyArchive() throws Exception {
        Files.delete(storeDir.resolve("step1.tar.zst"));

        assertThat(refusal("latest")).isEqualTo("checkpoint step2 is damaged: its piece step1 is damaged: its archive "
                + "step1.tar.zst is gone; nothing was restored");
        assertThat(new StoreContents(store()).damaged()).extracting(DamagedCheckpoint::id)
                .containsExactlyInAnyOrder("step1", "step2");
    }

    @Test
    void validateHashesEveryArchiveAndNamesTheDamagedOnes() throws Exception {
        flipByte(storeDir.resolve("step1.tar.zst"), 0.5);

        ValidationReport report = new CheckpointValidator(workspace()).validate(Optional.empty(), List.of(), store(),
                Optional.of(store()));

        assertThat(report.ok()).isFalse();
        assertThat(report.checks()).filteredOn(c -> c.name().equals("checkpoint step1")).singleElement()
                .satisfies(c -> assertThat(c.detail()).startsWith("checkpoint step1 is damaged: its archive hashes to"));
    }
}
