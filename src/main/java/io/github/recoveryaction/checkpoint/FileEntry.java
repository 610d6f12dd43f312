package io.github.recoveryaction.checkpoint;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One path of a checkpoint's file list.
 *
 * @param path relative to the workspace, {@code /}-separated, never {@code ..} or absolute
 * @param type what the path is
 * @param mode permission bits ({@code 0777} at most); 0 for deleted paths
 * @param size content bytes of a file, 0 otherwise
 * @param sha256 lowercase hex of a file's content; empty for other types
 * @param linkTarget a symbolic link's target as stored in the link; empty for other types
 * @param mtimeMillis modification time of a file or directory (schema 2; schema 1 keeps it in the archive only)
 * @param piece the checkpoint whose archive holds the content, when it is not this checkpoint's own archive (an
 *        incremental checkpoint's unchanged files)
 */
public record FileEntry(String path, EntryType type, int mode, long size, Optional<String> sha256,
        Optional<String> linkTarget, OptionalLong mtimeMillis, Optional<String> piece) {

    public FileEntry(String path, EntryType type, int mode, long size, Optional<String> sha256,
            Optional<String> linkTarget) {
        this(path, type, mode, size, sha256, linkTarget, OptionalLong.empty(), Optional.empty());
    }

    public static FileEntry file(String path, int mode, long size, String sha256) {
        return new FileEntry(path, EntryType.FILE, mode, size, Optional.of(sha256), Optional.empty());
    }

    public static FileEntry directory(String path, int mode) {
        return new FileEntry(path, EntryType.DIRECTORY, mode, 0, Optional.empty(), Optional.empty());
    }

    public static FileEntry symlink(String path, String target) {
        return new FileEntry(path, EntryType.SYMLINK, 0777, 0, Optional.empty(), Optional.of(target));
    }

    public static FileEntry deleted(String path) {
        return new FileEntry(path, EntryType.DELETED, 0, 0, Optional.empty(), Optional.empty());
    }

    public FileEntry withMtime(long millis) {
        return new FileEntry(path, type, mode, size, sha256, linkTarget, OptionalLong.of(millis), piece);
    }

    public FileEntry inPiece(String checkpointId) {
        return new FileEntry(path, type, mode, size, sha256, linkTarget, mtimeMillis, Optional.of(checkpointId));
    }

    /** Whether this checkpoint's own archive carries the entry (always, except content kept in a piece). */
    public boolean inOwnArchive() {
        return type != EntryType.DELETED && piece.isEmpty();
    }
}
