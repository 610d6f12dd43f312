package io.github.recoveryaction.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceSwapTest {

    @TempDir
    Path dir;

    private Path ws;
    private Path staged;
    private Path aside;

    @BeforeEach
    void folders() throws Exception {
        ws = Files.createDirectories(dir.resolve("ws"));
        staged = Files.createDirectories(dir.resolve("staged"));
        aside = Files.createDirectories(dir.resolve("aside"));
        write(ws, "keep/old.txt", "old");
        write(ws, "keep/replaced.txt", "before");
        write(ws, "gone.txt", "tracked file the step deleted");
        write(ws, "was-a-file", "a file where the checkpoint has a directory");
        write(staged, "fresh/deep/a.txt", "a");
        write(staged, "fresh/b.txt", "b");
        write(staged, "keep/replaced.txt", "after");
        write(staged, "was-a-file/inside.txt", "inside");
    }

    private static void write(Path root, String relative, String content) throws Exception {
        Files.createDirectories(root.resolve(relative).getParent());
        Files.writeString(root.resolve(relative), content);
    }

    private static FileEntry file(String path) {
        return FileEntry.file(path, 0644, 1, "0".repeat(64));
    }

    private ExtractedArchive archive(FileEntry... entries) {
        return new ExtractedArchive(List.of(entries), Map.of());
    }

    @Test
    void movesFreeDirectoriesWholeAndMergesIntoExistingOnes() throws Exception {
        new WorkspaceSwap(new WorkspacePaths(ws, ".checkpoints"), staged, aside).apply(archive(
                FileEntry.directory("fresh", 0750), file("fresh/b.txt"), FileEntry.directory("fresh/deep", 0755),
                file("fresh/deep/a.txt"), file("keep/replaced.txt"), file("was-a-file/inside.txt")), List.of("gone.txt"));

        assertThat(Files.readString(ws.resolve("fresh/deep/a.txt"))).isEqualTo("a");
        assertThat(Files.readString(ws.resolve("keep/replaced.txt"))).isEqualTo("after");
        assertThat(Files.readString(ws.resolve("keep/old.txt"))).isEqualTo("old");
        assertThat(Files.readString(ws.resolve("was-a-file/inside.txt"))).isEqualTo("inside");
        assertThat(ws.resolve("gone.txt")).doesNotExist();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
                ws.resolve("fresh")))).isEqualTo("rwxr-x---");
        assertThat(staged.resolve("fresh")).doesNotExist();
    }

    @Test
    void aFailureHalfWayUndoesEverythingDoneBefore() throws Exception {
        Map<String, String> before = WorkspaceSnapshot.of(ws, ws);
        Files.delete(staged.resolve("was-a-file/inside.txt"));
        Files.delete(staged.resolve("was-a-file"));

        assertThatThrownBy(() -> new WorkspaceSwap(new WorkspacePaths(ws, ".checkpoints"), staged, aside).apply(archive(
                file("fresh/b.txt"), file("fresh/deep/a.txt"), file("keep/replaced.txt"), file("was-a-file/inside.txt")),
                List.of("gone.txt")))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("cannot restore 'was-a-file/inside.txt'")
                .hasMessageEndingWith("the workspace was left as it was");

        assertThat(WorkspaceSnapshot.of(ws, ws)).isEqualTo(before);
        assertThat(Files.readString(staged.resolve("fresh/b.txt"))).isEqualTo("b");
    }

    @Test
    void neverFollowsALinkInTheWorkspace() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.delete(ws.resolve("keep/replaced.txt"));
        Files.delete(ws.resolve("keep/old.txt"));
        Files.delete(ws.resolve("keep"));
        Files.createSymbolicLink(ws.resolve("keep"), outside);

        new WorkspaceSwap(new WorkspacePaths(ws, ".checkpoints"), staged, aside).apply(archive(file("keep/replaced.txt")),
                List.of());

        assertThat(outside).isEmptyDirectory();
        assertThat(Files.isSymbolicLink(ws.resolve("keep"))).isFalse();
        assertThat(Files.readString(ws.resolve("keep/replaced.txt"))).isEqualTo("after");
    }
}
