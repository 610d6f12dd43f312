package io.github.recoveryaction.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every path under a folder with type, mode, time and content, to prove a failed restore changed nothing. Only the
 * time of the given workspace root is left out: a restore creates and removes its staging folder there.
 */
final class WorkspaceSnapshot {

    private WorkspaceSnapshot() {
    }

    static Map<String, String> of(Path root, Path workspaceRoot) {
        Map<String, String> snapshot = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.toList()) {
                PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String content = a.isRegularFile() ? ArchiveBuilder.sha256(Files.readAllBytes(p))
                        : a.isSymbolicLink() ? "-> " + Files.readSymbolicLink(p) : "";
                String time = p.equals(workspaceRoot) ? "" : a.lastModifiedTime().toString();
                snapshot.put(root.relativize(p).toString(), (a.isDirectory() ? "d " : a.isSymbolicLink() ? "l " : "f ")
                        + a.permissions() + " " + time + " " + content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return snapshot;
    }
}
