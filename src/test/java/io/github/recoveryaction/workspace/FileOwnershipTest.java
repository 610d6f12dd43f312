package io.github.recoveryaction.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs for real: the tests run as root here and in CI, over a workspace given to uid 1001, gid 121. */
class FileOwnershipTest {

    @TempDir
    Path dir;

    Path workspace;

    @BeforeEach
    void workspaceOfTheRunnersUser() throws IOException {
        assumeThat(System.getProperty("user.name")).as("only root can give files away").isEqualTo("root");
        workspace = Files.createDirectory(dir.resolve("workspace"));
        Files.setAttribute(workspace, "unix:uid", 1001);
        Files.setAttribute(workspace, "unix:gid", 121);
    }

    @Test
    void givesWhatRootCreatedToTheWorkspacesOwnerAndKeepsTheMode() throws IOException {
        Path file = Files.writeString(workspace.resolve("restored.sh"), "echo\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-x---"));
        FileOwnership ownership = FileOwnership.ofWorkspace(workspace);

        ownership.claim(file);

        assertThat(ownership.changesOwners()).isTrue();
        assertThat(owner(file)).isEqualTo("1001:121");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rwxr-x---");
    }

    @Test
    void claimsALinkItselfNotItsTarget() throws IOException {
        Path outside = Files.writeString(dir.resolve("root-file"), "x");
        Path link = Files.createSymbolicLink(workspace.resolve("link"), outside);

        FileOwnership.ofWorkspace(workspace).claim(link);

        assertThat(owner(link)).isEqualTo("1001:121");
        assertThat(owner(outside)).isEqualTo("0:0");
    }

    @Test
    void createsFoldersForTheOwnerAndClaimsWholeTrees() throws IOException {
        FileOwnership ownership = FileOwnership.ofWorkspace(workspace.resolve(".checkpoints/not-yet"));

        Path created = ownership.createDirectories(workspace.resolve(".checkpoints/a/b"));
        Files.writeString(created.resolve("c.json"), "{}");
        ownership.claimTree(workspace.resolve(".checkpoints"));

        assertThat(owner(workspace.resolve(".checkpoints"))).isEqualTo("1001:121");
        assertThat(owner(workspace.resolve(".checkpoints/a/b/c.json"))).isEqualTo("1001:121");
    }

    @Test
    void temporaryFoldersAreOwnedAndGoneAfterwards() throws IOException {
        Path temp = Files.createDirectory(dir.resolve("runner_temp"));
        Path inside;
        try (TemporaryFolder folder = TemporaryFolder.create(Optional.of(temp), "recovery-logs",
                FileOwnership.ofWorkspace(workspace))) {
            inside = Files.writeString(folder.path().resolve("job-1.log"), "log");
            assertThat(owner(folder.path())).isEqualTo("1001:121");
        }
        assertThat(inside).doesNotExist();
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void changesNothingWhenTheProcessOwnsTheWorkspace() throws IOException {
        Path own = Files.createDirectory(dir.resolve("mine"));
        Path file = Files.writeString(own.resolve("f"), "x");

        FileOwnership ownership = FileOwnership.ofWorkspace(own);
        ownership.claim(file);

        assertThat(ownership.changesOwners()).isFalse();
        assertThat(owner(file)).isEqualTo("0:0");
    }

    private static String owner(Path p) throws IOException {
        return Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS) + ":"
                + Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
    }
}
