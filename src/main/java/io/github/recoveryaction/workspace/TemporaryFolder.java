package io.github.recoveryaction.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * A folder for one run's temporary files (downloaded logs) in {@code RUNNER_TEMP}, else the system's temp folder:
 * owned like the workspace while it exists, and deleted with everything in it when the run ends, whatever the outcome.
 */
public final class TemporaryFolder implements AutoCloseable {

    private final Path path;

    private TemporaryFolder(Path path) {
        this.path = path;
    }

    public static TemporaryFolder create(Optional<Path> parent, String prefix, FileOwnership ownership)
            throws IOException {
        Optional<Path> existing = parent.filter(Files::isDirectory);
        Path folder = existing.isPresent() ? Files.createTempDirectory(existing.get(), prefix)
                : Files.createTempDirectory(prefix);
        return new TemporaryFolder(ownership.claim(folder));
    }

    public Path path() {
        return path;
    }

    /** Best effort: what cannot be deleted now is left behind, owned by the workspace's owner, who may delete it. */
    @Override
    public void close() {
        try {
            deleteTree(path);
        } catch (UncheckedIOException e) {
            // see above
        }
    }

    /** Deletes {@code root} and everything below it, links as links; nothing when it does not exist. */
    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
