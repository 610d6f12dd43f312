package io.github.recoveryaction.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.recoveryaction.config.CheckpointConfig;
import io.github.recoveryaction.github.ArtifactRuntime;
import io.github.recoveryaction.github.ArtifactTestSupport;
import io.github.recoveryaction.github.GitFixture;

/** Attempt 1 of a job saves checkpoints as artifacts; attempt 2 of the same run restores them. */
class ArtifactCheckpointStoreTest {

    private final ArtifactTestSupport run = new ArtifactTestSupport();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        run.close();
    }

    private ArtifactCheckpointStore store(int attempt, boolean readToken, Path scratch) {
        return new ArtifactCheckpointStore(run.artifacts(attempt, readToken, 64 * 1024), new ArtifactNames("build"),
                attempt, Optional.of(Instant.parse("2026-12-03T00:00:00Z")), scratch, "artifacts of run 4242");
    }

    private GitFixture checkout(Path root) {
        GitFixture git = GitFixture.init(root);
        git.write(".gitignore", "build/\n").write("src/Main.java", "class Main {}\n").commitAll("initial");
        return git;
    }

    private Checkpoint checkpointInAttempt1(Path ws, int step, String output, boolean success) {
        CheckpointRequest request = new CheckpointRequest(Optional.empty(), "standard", step, "step " + step, success,
                Optional.empty(), List.of("build"), Optional.of(new JobAttempt("build", 4242, 1)), Optional.empty());
        try {
            Files.createDirectories(ws.resolve("build"));
            Files.writeString(ws.resolve("build/out.txt"), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CheckpointCreator(new WorkspacePaths(ws, ".checkpoints"), ArchiveWriter.withDefaults(),
                Clock.fixed(Instant.parse("2026-11-26T10:0" + step + ":00Z"), ZoneOffset.UTC))
                .create(request, store(1, false, dir.resolve("tmp1"))).checkpoint();
    }

    @Test
    void attemptTwoRestoresTheNewestSuccessfulCheckpointOfAttemptOne() throws Exception {
        Path first = dir.resolve("attempt1");
        Path second = dir.resolve("attempt2");
        try (GitFixture a1 = checkout(first); GitFixture a2 = checkout(second)) {
            checkpointInAttempt1(first, 2, "after step 2", true);
            checkpointInAttempt1(first, 3, "after step 3", true);
            checkpointInAttempt1(first, 4, "after failed step 4", false);
            assertThat(run.service.artifacts()).extracting(a -> a.name()).containsExactly(
                    "recovery-checkpoint-build-a1-standard-step2-20261126_100200",
                    "recovery-checkpoint-build-a1-standard-step3-20261126_100300",
                    "recovery-checkpoint-build-a1-standard-step4-20261126_100400");

            int attempt1Requests = run.server.requestLines().size();
            ArtifactCheckpointStore attempt2 = store(2, true, dir.resolve("tmp2"));
            assertThat(attempt2.list()).extracting(Checkpoint::stepNumber).containsExactly(4, 3, 2);
            RestoreResult result = new CheckpointRestorer(new WorkspacePaths(second, ".checkpoints"),
                    ExtractionLimits.DEFAULT).restore(attempt2, "latest", true);

            assertThat(result.resumeAfter()).isEqualTo(3);
            assertThat(Files.readString(second.resolve("build/out.txt"))).isEqualTo("after step 3");
            List<String> attempt2Requests = run.server.requestLines().subList(attempt1Requests,
                    run.server.requestLines().size());
            assertThat(attempt2Requests).filteredOn(l -> l.startsWith("GET /storage/"))
                    .allSatisfy(l -> assertThat(l).contains("sig=rest-download"));
        }
    }

    @Test
    void latestIgnoresCheckpointsOfTheCurrentAttempt() {
        Path ws = dir.resolve("ws");
        try (GitFixture git = checkout(ws)) {
            checkpointInAttempt1(ws, 2, "x", true);

            assertThat(store(1, true, dir.resolve("t")).findLatest()).isEmpty();
            assertThat(store(2, true, dir.resolve("t")).findLatest()).isPresent();
        }
    }

    @Test
    void aCorruptedArchiveDownloadIsRefusedAndTheWorkspaceUntouched() throws Exception {
        assertCorruptDownloadRefused(1, 200_000);
    }

    @Test
    void aCorruptedManifestDownloadIsRefusedAndTheWorkspaceUntouched() throws Exception {
        assertCorruptDownloadRefused(0, 120);
    }

    /**
     * @param skip downloads served intact before the corrupted one (the restore reads the manifest first)
     * @param offset the flipped byte: early bytes are the manifest, later ones the archive
     */
    private void assertCorruptDownloadRefused(int skip, int offset) throws Exception {
        Path first = dir.resolve("attempt1");
        Path second = dir.resolve("attempt2");
        try (GitFixture a1 = checkout(first); GitFixture a2 = checkout(second)) {
            byte[] big = new byte[300_000];
            new Random(7).nextBytes(big);
            Files.createDirectories(first.resolve("build"));
            Files.write(first.resolve("build/big.bin"), big);
            checkpointInAttempt1(first, 2, "after step 2", true);
            Files.createDirectories(second.resolve("build"));
            Files.writeString(second.resolve("build/out.txt"), "mine");
            Map<String, String> before = WorkspaceSnapshot.of(second, second);
            run.service.corruptDownloads(skip, 1, offset);

            assertThatThrownBy(() -> new CheckpointRestorer(new WorkspacePaths(second, ".checkpoints"),
                    ExtractionLimits.DEFAULT).restore(store(2, true, dir.resolve("tmp2")), "latest", true))
                    .isInstanceOf(CheckpointException.class)
                    .hasMessageContaining("corrupt").hasMessageContaining("nothing was restored");

            assertThat(WorkspaceSnapshot.of(second, second)).isEqualTo(before);
        }
    }

    @Test
    void restoresWhenTheDownloadComesWrappedInAnotherZip() throws Exception {
        Path first = dir.resolve("attempt1");
        Path second = dir.resolve("attempt2");
        try (GitFixture a1 = checkout(first); GitFixture a2 = checkout(second)) {
            checkpointInAttempt1(first, 2, "wrapped", true);
            run.service.wrapDownloadsInZip();

            new CheckpointRestorer(new WorkspacePaths(second, ".checkpoints"), ExtractionLimits.DEFAULT)
                    .restore(store(2, true, dir.resolve("tmp2")), "latest", true);

            assertThat(Files.readString(second.resolve("build/out.txt"))).isEqualTo("wrapped");
        }
    }

    @Test
    void aSecondCheckpointWithTheSameIdIsRefusedByName() {
        Path ws = dir.resolve("ws");
        try (GitFixture git = checkout(ws)) {
            checkpointInAttempt1(ws, 2, "x", true);

            assertThatThrownBy(() -> checkpointInAttempt1(ws, 2, "y", true))
                    .isInstanceOf(CheckpointException.class).hasMessageContaining("already exists");
        }
    }

    @Test
    void retentionIsCutToTheRepositoryMaximumWithAWarning() {
        List<String> warnings = new ArrayList<>();
        Map<String, String> env = new HashMap<>(run.environment(1, false));
        env.put("GITHUB_RETENTION_DAYS", "30");
        CheckpointStores stores = new CheckpointStores(dir, new CheckpointConfig("auto", ".checkpoints",
                Optional.of(90), List.of(), List.of()), ArtifactRuntime.from(env), Clock.systemUTC(), warnings::add);

        assertThat(stores.resolve(Optional.empty())).isEqualTo(StoreKind.ARTIFACT);
        assertThat(stores.open(StoreKind.ARTIFACT, Optional.empty(), Optional.empty())).isInstanceOf(
                ArtifactCheckpointStore.class);
        assertThat(warnings).singleElement().asString().contains("retention of 90 days exceeds the repository's "
                + "maximum of 30 days");
    }

    @Test
    void autoMeansLocalOutsideGitHubActions() {
        CheckpointStores stores = new CheckpointStores(dir, CheckpointConfig.DEFAULT, ArtifactRuntime.from(Map.of()),
                Clock.systemUTC(), w -> {
                });

        assertThat(stores.resolve(Optional.empty())).isEqualTo(StoreKind.LOCAL);
        assertThatThrownBy(() -> stores.open(StoreKind.ARTIFACT, Optional.empty(), Optional.empty()))
                .hasMessageContaining("use --store local");
    }
}
