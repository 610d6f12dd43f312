package io.github.recoveryaction.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import io.github.recoveryaction.workspace.TemporaryFolder;

/**
 * A hidden folder at the workspace root ({@value #PREFIX}…) for one restore: extracted files, what they replace, and
 * downloads. Inside the workspace so that moving into place is a rename on one file system; never captured; deleted
 * when the restore ends, whatever the outcome.
 */
final class StagingFolder implements AutoCloseable {

    static final String PREFIX = ".recovery-staging-";

    private final Path root;

    private StagingFolder(Path root) {
        this.root = root;
    }

    static StagingFolder create(WorkspacePaths workspace) {
        try {
            // owned like the workspace, so that a folder a crash leaves behind can be deleted by the job's user
            Path root = NewFiles.createTempDirectory(workspace.root(), PREFIX);
            NewFiles.createDirectory(root.resolve("files"));
            NewFiles.createDirectory(root.resolve("aside"));
            NewFiles.createDirectory(root.resolve("scratch"));
            return new StagingFolder(root);
        } catch (IOException e) {
            throw new CheckpointException("cannot create a staging folder in " + workspace.root() + ": " + e.getMessage()
                    + "; the workspace must be writable", e);
        }
    }

    Path files() {
        return root.resolve("files");
    }

    Path aside() {
        return root.resolve("aside");
    }

    Path scratch() {
        return root.resolve("scratch");
    }

    /** Best effort: a folder that cannot be deleted now is found and removed by {@code recovery cleanup}. */
    @Override
    public void close() {
        try {
            deleteTree(root);
        } catch (UncheckedIOException e) {
            // see above
        }
    }

    static void deleteTree(Path root) {
        TemporaryFolder.deleteTree(root);
    }
}
