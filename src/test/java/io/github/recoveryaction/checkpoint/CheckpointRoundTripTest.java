package io.github.recoveryaction.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.recoveryaction.github.GitFixture;

class CheckpointRoundTripTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");

    @TempDir
    Path dir;

    private CheckpointRequest request(int step, List<String> globs) {
        return new CheckpointRequest(Optional.empty(), "standard", step, "Build", true, Optional.empty(), globs,
                Optional.empty(), Optional.empty());
    }

    private WorkspacePaths workspace(Path root) {
        return new WorkspacePaths(root, ".checkpoints");
    }

    private LocalDirectoryCheckpointStore store(Path root) {
        return new LocalDirectoryCheckpointStore(root.resolve(".checkpoints"), ".checkpoints");
    }

    @Test
    void restoresFilesModesLinksEmptyDirectoriesAndDeletionsOntoACleanCheckout() throws Exception {
        Path ws = dir.resolve("ws");
        try (GitFixture git = GitFixture.init(ws)) {
            git.write(".gitignore", "target/\n").write("src/App.java", "class App {}\n").write("README.md", "hi\n")
                    .commitAll("initial");
            git.write("src/App.java", "class App { int x; }\n").write("notes.txt", "untracked\n");
            Files.delete(ws.resolve("README.md"));
            Path script = ws.resolve("target/bin/run.sh");
            Files.createDirectories(script.getParent());
            Files.writeString(script, "#!/bin/sh\necho hi\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
            Files.setLastModifiedTime(script, FileTime.from(Instant.parse("2026-01-02T03:04:05Z")));
            Files.createDirectories(ws.resolve("target/empty"));
            Files.createSymbolicLink(ws.resolve("target/latest"), Path.of("bin/run.sh"));
            Files.createSymbolicLink(ws.resolve("target/outside"), Path.of("../../etc/passwd"));

            CheckpointCreator.Created created = new CheckpointCreator(workspace(ws), ArchiveWriter.withDefaults(),
                    Clock.fixed(NOW, ZoneOffset.UTC)).create(request(3, List.of("target")), store(ws));

            Checkpoint c = created.checkpoint();
            assertThat(c.id()).isEqualTo("standard-step3-20261126_101530");
            assertThat(c.commit()).contains(git.head());
            assertThat(c.branch()).contains("main");
            assertThat(c.dirty()).isTrue();
            assertThat(c.fileList()).extracting(FileEntry::path).containsExactly("README.md", "notes.txt",
                    "src/App.java", "target", "target/bin", "target/bin/run.sh", "target/empty", "target/latest");
            assertThat(created.warnings()).singleElement().asString().contains("target/outside");
            assertThat(c.stateHash()).isEqualTo(StateHash.of(c.fileList(), c.commit())).startsWith("sha256:");

            Path clean = dir.resolve("clean");
            try (GitFixture checkout = GitFixture.init(clean)) {
                checkout.write(".gitignore", "target/\n").write("src/App.java", "class App {}\n")
                        .write("README.md", "hi\n").commitAll("another commit of the same tree");
                Files.move(ws.resolve(".checkpoints"), clean.resolve(".checkpoints"));
                assertThatThrownBy(() -> new CheckpointRestorer(workspace(clean), ExtractionLimits.DEFAULT)
                        .restore(store(clean), "latest", false)).hasMessageContaining("--force");

                RestoreResult result = new CheckpointRestorer(workspace(clean), ExtractionLimits.DEFAULT)
                        .restore(store(clean), "latest", true);

                assertThat(result.resumeAfter()).isEqualTo(3);
                assertThat(result.restoredFiles()).isEqualTo(5);
                assertThat(Files.readString(clean.resolve("src/App.java"))).isEqualTo("class App { int x; }\n");
                assertThat(clean.resolve("README.md")).doesNotExist();
                Path restored = clean.resolve("target/bin/run.sh");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(restored))).isEqualTo("rwxr-x---");
                assertThat(Files.getLastModifiedTime(restored).toInstant()).isEqualTo("2026-01-02T03:04:05Z");
                assertThat(Files.readSymbolicLink(clean.resolve("target/latest"))).isEqualTo(Path.of("bin/run.sh"));
                assertThat(clean.resolve("target/empty")).isEmptyDirectory();
                assertThat(clean.resolve("target/outside")).doesNotExist();
                assertThat(Files.list(clean).map(p -> p.getFileName().toString()))
                        .noneMatch(n -> n.startsWith(".recovery-staging-"));
            }
        }
    }

    @Test
    void restoringOverExistingFilesReplacesThemAndKeepsUnrelatedOnes() throws Exception {
        Path ws = dir.resolve("ws");
        try (GitFixture git = GitFixture.init(ws)) {
            git.write("a.txt", "one\n").commitAll("initial");
            git.write("build/out.bin", "v1");
            new CheckpointCreator(workspace(ws), ArchiveWriter.withDefaults(), Clock.systemUTC())
                    .create(request(2, List.of("build/**")), store(ws));
            git.write("build/out.bin", "v2-longer").write("build/other.txt", "kept");
            Files.delete(ws.resolve("build/out.bin"));
            Files.createDirectories(ws.resolve("build/out.bin"));
            Files.writeString(ws.resolve("build/out.bin/inner"), "a directory where a file was");

            new CheckpointRestorer(workspace(ws), ExtractionLimits.DEFAULT).restore(store(ws), "latest", false);

            assertThat(Files.readString(ws.resolve("build/out.bin"))).isEqualTo("v1");
            assertThat(Files.readString(ws.resolve("build/other.txt"))).isEqualTo("kept");
        }
    }

    @Test
    void latestFindsNothingInAnEmptyStore() {
        RestoreResult result = new CheckpointRestorer(workspace(dir), ExtractionLimits.DEFAULT)
                .restore(store(dir), "latest", false);

        assertThat(result.restored()).isFalse();
        assertThat(result.resumeAfter()).isZero();
        assertThat(Files.exists(dir.resolve(".checkpoints"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    }
}
