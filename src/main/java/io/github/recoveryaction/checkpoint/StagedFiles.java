package io.github.recoveryaction.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.Set;

/**
 * Files as a restore writes them into its staging folder, with as few system calls per file as tar uses: the mode is
 * given when the file is created (and set again only where the umask took bits away), the time is set by path
 * without opening the file again, and each parent folder is created once.
 */
final class StagedFiles {

    private final Path root;
    private final Set<Path> directories = new HashSet<>();
    private final int umask;

    StagedFiles(Path root) {
        this.root = root;
        this.directories.add(root);
        this.umask = umaskOf(root);
    }

    FileChannel newFile(String name, int mode) throws IOException {
        Path path = root.resolve(name);
        parent(path);
        return NewFiles.newFile(path, mode);
    }

    void finishFile(String name, int mode, long mtimeMillis) throws IOException {
        Path path = root.resolve(name);
        if ((mode & umask) != 0) {
            Files.setPosixFilePermissions(path, PosixModes.permissions(mode));
        }
        FileTime time = FileTime.fromMillis(mtimeMillis);
        Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setTimes(time, time,
                null);
    }

    void directory(String name) throws IOException {
        Path path = root.resolve(name);
        if (directories.add(path)) {
            parent(path);
            NewFiles.createDirectories(path);
        }
    }

    void symlink(String name, String target) throws IOException {
        Path path = root.resolve(name);
        parent(path);
        NewFiles.createSymbolicLink(path, Path.of(target));
    }

    /** A hard link of the archive becomes a copy: links between restored files are not kept. */
    void copyOf(String from, String to, long size, int mode) throws IOException {
        Path source = root.resolve(from);
        try (FileChannel in = FileChannel.open(source); FileChannel out = newFile(to, mode)) {
            long done = 0;
            while (done < size) {
                done += in.transferTo(done, size - done, out);
            }
        }
    }

    static void writeFully(FileChannel out, byte[] data, int offset, int length) throws IOException {
        ByteBuffer chunk = ByteBuffer.wrap(data, offset, length);
        while (chunk.hasRemaining()) {
            out.write(chunk);
        }
    }

    private void parent(Path path) throws IOException {
        Path parent = path.getParent();
        if (directories.add(parent)) {
            NewFiles.createDirectories(parent);
        }
    }

    /** The bits the umask takes from new files, found once with a probe file. */
    private static int umaskOf(Path root) {
        Path probe = root.resolve(".mode-probe");
        try {
            NewFiles.newFile(probe, 0777).close();
            int mode = PosixModes.mode(Files.getPosixFilePermissions(probe, LinkOption.NOFOLLOW_LINKS));
            Files.delete(probe);
            return 0777 & ~mode;
        } catch (IOException e) {
            return 0777;
        }
    }
}
