package io.github.recoveryaction.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint written by the previous release (schema 1: commons-compress tar, no file times in the manifest, no
 * pieces) still restores; a manifest of a newer schema is refused with the advice to use the release that wrote it.
 * The fixture was written by that release's {@code recovery checkpoint --path target}.
 */
class SchemaCompatibilityTest {

    @TempDir
    Path dir;

    private Path ws;
    private Path store;

    @BeforeEach
    void workspaceWithTheOldCheckpoint() throws IOException {
        ws = dir.resolve("ws");
        store = ws.resolve(".checkpoints");
        Files.createDirectories(store);
        Files.writeString(ws.resolve("README.md"), "hi\n");
        for (String name : new String[] { "v1-fixture.json", "v1-fixture.tar.zst" }) {
            try (InputStream in = getClass().getResourceAsStream("/checkpoint/v1/" + name)) {
                Files.copy(in, store.resolve(name));
            }
        }
    }

    private LocalDirectoryCheckpointStore store() {
        return new LocalDirectoryCheckpointStore(store, ".checkpoints");
    }

    @Test
    void restoresACheckpointOfSchemaVersionOne() throws Exception {
        Checkpoint old = store().find("v1-fixture").orElseThrow();
        assertThat(old.schemaVersion()).isEqualTo(1);
        assertThat(old.pieces()).isEmpty();

        RestoreResult result = new CheckpointRestorer(new WorkspacePaths(ws, ".checkpoints"), ExtractionLimits.DEFAULT)
                .restore(store(), "v1-fixture", true);

        assertThat(result.resumeAfter()).isEqualTo(2);
        for (FileEntry e : old.fileList()) {
            Path p = ws.resolve(e.path());
            switch (e.type()) {
                case FILE -> assertThat(ArchiveBuilder.sha256(Files.readAllBytes(p))).as(e.path())
                        .isEqualTo(e.sha256().orElseThrow());
                case DIRECTORY -> assertThat(p).isDirectory();
                case SYMLINK -> assertThat(Files.readSymbolicLink(p)).isEqualTo(Path.of(e.linkTarget().orElseThrow()));
                case DELETED -> assertThat(p).doesNotExist();
            }
        }
        Path script = ws.resolve("target/bin/run.sh");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(script))).isEqualTo("rwxr-x---");
        assertThat(Files.getLastModifiedTime(script).toInstant()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
        assertThat(ws.resolve("target/ünïcode/" + "n".repeat(120) + ".txt")).hasContent("x");
    }

    @Test
    void refusesAManifestOfANewerSchema() throws Exception {
        Path manifest = store.resolve("v1-fixture.json");
        Files.writeString(manifest, Files.readString(manifest, StandardCharsets.UTF_8)
                .replace("\"schemaVersion\":1", "\"schemaVersion\":" + (Checkpoint.SCHEMA_VERSION + 1)));

        assertThatThrownBy(() -> new CheckpointRestorer(new WorkspacePaths(ws, ".checkpoints"), ExtractionLimits.DEFAULT)
                .restore(store(), "v1-fixture", true)).isInstanceOf(CheckpointException.class).hasMessageContaining(
                        "checkpoint v1-fixture cannot be read: manifest ")
                .hasMessageContaining("has schema version 3; this recovery reads versions 1 to 2 - restore it with the "
                        + "release that wrote it, or upgrade recovery-action");
        assertThat(ws.resolve("target")).doesNotExist();
    }
}
