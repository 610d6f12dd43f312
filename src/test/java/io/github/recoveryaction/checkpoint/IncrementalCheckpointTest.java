package io.github.recoveryaction.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.recoveryaction.github.GitFixture;

/** Checkpoints of one job attempt store only what changed; a restore assembles the whole state from the chain. */
class IncrementalCheckpointTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    @TempDir
    Path dir;

    private Path ws;

    private WorkspacePaths workspace(Path root) {
        return new WorkspacePaths(root, ".checkpoints");
    }

    private static LocalDirectoryCheckpointStore store(Path root) {
        return new LocalDirectoryCheckpointStore(root.resolve(".checkpoints"), ".checkpoints");
    }

    /** Manifests keep times to the millisecond; the file system has nanoseconds. */
    private Checkpoint checkpoint(int step, int minute) {
        try (var paths = Files.walk(ws.resolve("build"))) {
            for (Path p : paths.toList()) {
                Files.setLastModifiedTime(p, FileTime.fromMillis(Files.getLastModifiedTime(p).toMillis()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CheckpointRequest request = new CheckpointRequest(Optional.of("step" + step), "standard", step, "step " + step,
                true, Optional.empty(), List.of("build"), Optional.empty(), Optional.empty());
        return new CheckpointCreator(workspace(ws), ArchiveWriter.withDefaults(),
                Clock.fixed(T0.plus(Duration.ofMinutes(minute)), ZoneOffset.UTC)).create(request, store(ws)).checkpoint();
    }

    private static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private Map<String, String> restoreIntoFreshCheckout(String id, GitFixture origin) throws Exception {
        Path fresh = dir.resolve("fresh-" + id);
        try (GitFixture clone = GitFixture.init(fresh)) {
            clone.write(".gitignore", "build/\n").write("src/Main.java", "class Main {}\n").commitAll("same tree");
        }
        copyTree(ws.resolve(".checkpoints"), fresh.resolve(".checkpoints"));
        new CheckpointRestorer(workspace(fresh), ExtractionLimits.DEFAULT).restore(store(fresh), id, true);
        return WorkspaceSnapshot.of(fresh.resolve("build"), fresh);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    @Test
    void aChainOfThreeCheckpointsRestoresEachStateByteForByte() throws Exception {
        ws = dir.resolve("ws");
        try (GitFixture git = GitFixture.init(ws)) {
            git.write(".gitignore", "build/\n").write("src/Main.java", "class Main {}\n").commitAll("initial");
            write(ws.resolve("build/libs/deps.jar"), random(300_000, 1));
            write(ws.resolve("build/classes/A.class"), random(2_000, 2));
            write(ws.resolve("build/classes/B.class"), random(2_000, 3));
            write(ws.resolve("build/same-as-deps.jar"), random(300_000, 1));
            Checkpoint first = checkpoint(1, 1);
            Map<String, String> state1 = WorkspaceSnapshot.of(ws.resolve("build"), ws);

            write(ws.resolve("build/classes/A.class"), random(2_000, 4));
            write(ws.resolve("build/reports/tests.xml"), "<testsuite/>".getBytes());
            Checkpoint second = checkpoint(2, 2);
            Map<String, String> state2 = WorkspaceSnapshot.of(ws.resolve("build"), ws);

            Files.delete(ws.resolve("build/classes/B.class"));
            write(ws.resolve("build/libs/app.jar"), random(100_000, 5));
            write(ws.resolve("build/classes/A.class"), random(2_000, 2));
            Checkpoint third = checkpoint(3, 3);
            Map<String, String> state3 = WorkspaceSnapshot.of(ws.resolve("build"), ws);

            assertThat(first.pieces()).isEmpty();
            assertThat(second.pieces()).extracting(Piece::checkpointId).containsExactly("step1");
            assertThat(second.storedBytes()).isEqualTo(2_000 + "<testsuite/>".length());
            assertThat(third.pieces()).extracting(Piece::checkpointId).containsExactlyInAnyOrder("step1", "step2");
            assertThat(third.storedBytes()).isEqualTo(100_000);
            assertThat(third.fileList()).filteredOn(e -> e.path().equals("build/classes/A.class")).singleElement()
                    .satisfies(e -> assertThat(e.piece()).contains("step1"));

            assertThat(restoreIntoFreshCheckout("step1", git)).isEqualTo(state1);
            assertThat(restoreIntoFreshCheckout("step2", git)).isEqualTo(state2);
            assertThat(restoreIntoFreshCheckout("step3", git)).isEqualTo(state3);
        }
    }

    @Test
    void cleanupKeepsTheCheckpointsAKeptOneReadsFrom() throws Exception {
        ws = dir.resolve("ws");
        try (GitFixture git = GitFixture.init(ws)) {
            git.write(".gitignore", "build/\n").write("src/Main.java", "class Main {}\n").commitAll("initial");
            write(ws.resolve("build/big.bin"), random(200_000, 1));
            checkpoint(1, 1);
            write(ws.resolve("build/small.txt"), "changed".getBytes());
            checkpoint(2, 2);
            Clock late = Clock.fixed(T0.plus(Duration.ofMinutes(90)), ZoneOffset.UTC);

            CleanupReport report = new WorkspaceCleaner(workspace(ws), late).clean(List.of("nothing-to-clean"), store(ws),
                    Optional.of(store(ws)), Duration.ofSeconds(88 * 60 + 30), false);

            assertThat(report.removed()).isEmpty();
            assertThat(report.kept()).containsExactly("checkpoint step1: checkpoint step2 still reads its archive");
            assertThat(ws.resolve(".checkpoints/step1.tar.zst")).exists();

            CleanupReport later = new WorkspaceCleaner(workspace(ws), late).clean(List.of("nothing-to-clean"),
                    store(ws), Optional.of(store(ws)), Duration.ofMinutes(30), false);
            assertThat(later.removed()).extracting(CleanupReport.Removal::path).containsExactly("step2", "step1");
        }
    }

    @Test
    void aSecondCheckpointOfAnUnchangedWorkspaceStoresAlmostNothing() throws Exception {
        ws = dir.resolve("ws");
        try (GitFixture git = GitFixture.init(ws)) {
            git.write(".gitignore", "build/\n").write("src/Main.java", "class Main {}\n").commitAll("initial");
            for (int i = 0; i < 200; i++) {
                write(ws.resolve("build/classes/C" + i + ".class"), random(5_000, i));
            }
            write(ws.resolve("build/libs/app.jar"), random(2_000_000, 7));

            Checkpoint first = checkpoint(1, 1);
            Checkpoint second = checkpoint(2, 2);

            assertThat(second.storedBytes()).isZero();
            assertThat(second.archiveBytes()).isLessThan(first.archiveBytes() / 100);
        }
    }

    /**
     * The acceptance case at full size, kept fast: a GiB of sparse files (a few random blocks each, holes elsewhere)
     * costs no disk and compresses quickly, but is read and hashed like any other content.
     */
    @Test
    void aSecondCheckpointOfAnUnchangedGibibyteStoresUnderOnePercent() throws Exception {
        ws = dir.resolve("ws");
        try (GitFixture git = GitFixture.init(ws)) {
            git.write(".gitignore", "build/\n").write("src/Main.java", "class Main {}\n").commitAll("initial");
            Random random = new Random(11);
            for (int i = 0; i < 8; i++) {
                Path file = ws.resolve("build/data/part" + i + ".bin");
                Files.createDirectories(file.getParent());
                try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                    raf.setLength(128L << 20);
                    byte[] block = new byte[4096];
                    for (long at = 0; at < raf.length(); at += 8L << 20) {
                        random.nextBytes(block);
                        raf.seek(at);
                        raf.write(block);
                    }
                }
            }
            for (int i = 0; i < 2000; i++) {
                write(ws.resolve("build/classes/p" + i % 20 + "/C" + i + ".class"), random(1_000, i));
            }

            Checkpoint first = checkpoint(1, 1);
            Checkpoint second = checkpoint(2, 2);

            assertThat(first.bytes()).isGreaterThan(1L << 30);
            assertThat(second.bytes()).isEqualTo(first.bytes());
            assertThat(second.archiveBytes()).isLessThan(first.archiveBytes() / 100);
            assertThat(second.storedBytes()).isZero();
        }
    }
}
