package io.github.recoveryaction.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every hostile archive is refused with a one-line message, and neither the workspace nor its parent changes. */
class HostileArchiveTest {

    @TempDir
    Path dir;

    private Path workspace;
    private Path store;
    private Map<String, String> before;

    @BeforeEach
    void workspace() throws Exception {
        workspace = dir.resolve("ws");
        store = workspace.resolve(".checkpoints");
        Files.createDirectories(workspace.resolve("src"));
        Files.writeString(workspace.resolve("src/App.java"), "class App {}\n");
        Files.writeString(workspace.resolve("victim.txt"), "original\n");
    }

    private String refusal(ArchiveBuilder archive) throws Exception {
        archive.storeIn(store, "hostile");
        before = WorkspaceSnapshot.of(dir, workspace);
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> new CheckpointRestorer(
                new WorkspacePaths(workspace, ".checkpoints"), ExtractionLimits.DEFAULT)
                .restore(new LocalDirectoryCheckpointStore(store, ".checkpoints"), "hostile", true));
        assertThat(thrown).isInstanceOf(CheckpointException.class);
        assertThat(thrown.getMessage()).doesNotContain("\n");
        assertThat(WorkspaceSnapshot.of(dir, workspace)).isEqualTo(before);
        return thrown.getMessage();
    }

    @Test
    void refusesPathTraversal() throws Exception {
        assertThat(refusal(new ArchiveBuilder().file("src/ok.txt", "fine").file("../escaped.txt", "evil")))
                .contains("entry '../escaped.txt' leaves the workspace with '..'").contains("nothing was restored");
        assertThat(dir.resolve("escaped.txt")).doesNotExist();
    }

    @Test
    void refusesTraversalHiddenInsideAPath() throws Exception {
        assertThat(refusal(new ArchiveBuilder().file("src/../../escaped.txt", "evil")))
                .contains("leaves the workspace with '..'");
    }

    @Test
    void refusesAbsolutePaths() throws Exception {
        Path outside = dir.resolve("absolute-target.txt");
        assertThat(refusal(new ArchiveBuilder().file(new TarArchiveEntry(outside.toString(), TarConstants.LF_NORMAL,
                true), "evil"))).contains("has an absolute path");
        assertThat(outside).doesNotExist();
    }

    @Test
    void refusesSymlinksPointingOutside() throws Exception {
        assertThat(refusal(new ArchiveBuilder().symlink("src/etc", "../../../etc")))
                .contains("entry 'src/etc' is a link pointing outside the workspace ('../../../etc')");
        assertThat(refusal(new ArchiveBuilder().symlink("abs", "/etc/passwd"))).contains("pointing outside");
    }

    @Test
    void refusesWritingThroughALinkOfTheSameArchive() throws Exception {
        assertThat(refusal(new ArchiveBuilder().symlink("inner", "src").file("inner/App.java", "overwritten")))
                .contains("entry 'inner/App.java' goes through the link 'inner'");
    }

    @Test
    void refusesHardLinksOut() throws Exception {
        assertThat(refusal(new ArchiveBuilder().hardLink("passwd", "/etc/passwd")))
                .contains("entry 'passwd' is a hard link to '/etc/passwd'");
        assertThat(refusal(new ArchiveBuilder().hardLink("up", "../victim.txt"))).contains("is a hard link to");
        assertThat(refusal(new ArchiveBuilder().hardLink("victim-link", "victim.txt")))
                .contains("not an earlier file of this archive");
    }

    @Test
    void refusesAnEntryDeclaringTenGigabytes() throws Exception {
        assertThat(refusal(new ArchiveBuilder().file("src/small.txt", "ok").declaredOnly("huge.bin", 10_000_000_000L)))
                .contains("entry 'huge.bin' declares 10000000000 bytes, more than the limit");
        assertThat(workspace.resolve("huge.bin")).doesNotExist();
    }

    @Test
    void refusesATruncatedStream() throws Exception {
        ArchiveBuilder archive = new ArchiveBuilder();
        for (int i = 0; i < 50; i++) {
            archive.file("src/f" + i + ".txt", ("line " + i + "\n").repeat(2000));
        }
        assertThat(refusal(archive.truncatedTo(0.5))).contains("is truncated");
    }

    @Test
    void refusesDeviceFiles() throws Exception {
        assertThat(refusal(new ArchiveBuilder().device("null"))).contains("entry 'null' is a device file or pipe");
    }

    @Test
    void refusesWritingIntoGitOrTheStore() throws Exception {
        assertThat(refusal(new ArchiveBuilder().file(".git/hooks/post-checkout", "#!/bin/sh\nrm -rf /\n")))
                .contains("would write into .git or the checkpoint store");
        assertThat(refusal(new ArchiveBuilder().file(".checkpoints/other.json", "{}")))
                .contains("would write into .git or the checkpoint store");
    }

    @Test
    void refusesDuplicateEntries() throws Exception {
        assertThat(refusal(new ArchiveBuilder().file("a.txt", "same").file("a.txt", "same"))).contains("appears twice");
    }

    @Test
    void refusesEntriesTheManifestDoesNotAnnounce() throws Exception {
        ArchiveBuilder archive = new ArchiveBuilder().file("a.txt", "one");
        Checkpoint honest = archive.storeIn(store, "hostile");
        Files.write(store.resolve("hostile.json"), CheckpointCodec.write(new Checkpoint(1, "hostile", "standard", 2,
                "Build", true, honest.errorMessage(), honest.commit(), honest.branch(), false,
                StateHash.of(List.of(), honest.commit()), honest.archiveHash(), honest.archiveBytes(), 0,
                honest.createdAt(), honest.metrics(), honest.job(), List.of())));
        before = WorkspaceSnapshot.of(dir, workspace);

        assertThatThrownBy(() -> new CheckpointRestorer(new WorkspacePaths(workspace, ".checkpoints"),
                ExtractionLimits.DEFAULT).restore(new LocalDirectoryCheckpointStore(store, ".checkpoints"), "hostile", true))
                .hasMessageContaining("entry 'a.txt' is not in the checkpoint's manifest");
        assertThat(WorkspaceSnapshot.of(dir, workspace)).isEqualTo(before);
    }

    @Test
    void refusesACorruptArchiveBeforeReadingIt() throws Exception {
        new ArchiveBuilder().file("victim.txt", "replaced\n").storeIn(store, "corrupt");
        byte[] archive = Files.readAllBytes(store.resolve("corrupt.tar.zst"));
        archive[archive.length / 2] ^= 0x5a;
        Files.write(store.resolve("corrupt.tar.zst"), archive);
        before = WorkspaceSnapshot.of(dir, workspace);

        assertThatThrownBy(() -> new CheckpointRestorer(new WorkspacePaths(workspace, ".checkpoints"),
                ExtractionLimits.DEFAULT).restore(new LocalDirectoryCheckpointStore(store, ".checkpoints"), "corrupt", true))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("checkpoint corrupt is damaged: its archive hashes to sha256:");
        assertThat(WorkspaceSnapshot.of(dir, workspace)).isEqualTo(before);
    }
}
