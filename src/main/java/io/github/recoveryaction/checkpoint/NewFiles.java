package io.github.recoveryaction.checkpoint;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.recoveryaction.workspace.FileOwnership;

/**
 * Every file, folder and link the checkpoint commands create in the workspace or the local store is created here:
 * restored files (in the staging folder, before they move into place), archives, manifests and the store's and
 * staging folders. The one place where what is created can be given to the workspace's owner when the program runs
 * as root in the action's container.
 */
final class NewFiles {

    /** One owner lookup per folder, not per file: a restore creates tens of thousands of files in a few folders. */
    private static final Map<Path, FileOwnership> OWNERSHIP_BY_FOLDER = new ConcurrentHashMap<>();

    private NewFiles() {
    }

    /** A new file, opened for writing, created with {@code mode} (less the umask). */
    static FileChannel newFile(Path path, int mode) throws IOException {
        FileAttribute<?> permissions = PosixFilePermissions.asFileAttribute(PosixModes.permissions(mode));
        FileChannel channel = FileChannel.open(path, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                permissions);
        created(path);
        return channel;
    }

    /** A file opened for writing from its start, created or emptied, with the default mode. */
    static OutputStream newOutputStream(Path path) throws IOException {
        OutputStream out = Files.newOutputStream(path);
        created(path);
        return out;
    }

    /** Writes a new file or replaces one, with the default mode. */
    static void write(Path path, byte[] content) throws IOException {
        Files.write(path, content);
        created(path);
    }

    static void createDirectory(Path path) throws IOException {
        Files.createDirectory(path);
        created(path);
    }

    /** Creates the missing folders of {@code path}, each through {@link #createDirectory}. */
    static void createDirectories(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return;
        }
        Path parent = path.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            createDirectory(path);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(path)) {
                throw e;
            }
        }
    }

    static Path createTempDirectory(Path parent, String prefix) throws IOException {
        Path directory = Files.createTempDirectory(parent, prefix);
        created(directory);
        return directory;
    }

    static Path createTempFile(Path parent, String prefix, String suffix) throws IOException {
        Path file = Files.createTempFile(parent, prefix, suffix);
        created(file);
        return file;
    }

    static void createSymbolicLink(Path link, Path target) throws IOException {
        Files.createSymbolicLink(link, target);
        created(link);
    }

    /**
     * Gives what was created to the owner of the folder it was created in (the workspace's owner, as the folders the
     * program makes are given to it too) when the program runs as someone else, as root in the action's container.
     */
    static void created(Path path) {
        Path folder = path.toAbsolutePath().getParent();
        if (folder != null) {
            OWNERSHIP_BY_FOLDER.computeIfAbsent(folder, FileOwnership::ofWorkspace).claim(path);
        }
    }

}
