package io.github.recoveryaction.checkpoint;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Moves extracted entries from the staging folder into the workspace by renames on the same file system. Whatever
 * an entry replaces is first moved aside into the staging folder, and every step is journaled: if any step fails,
 * the journal is undone in reverse and the workspace is exactly as before. Links in the workspace are never followed.
 */
final class WorkspaceSwap {

    private sealed interface Step permits CreatedDirectory, MovedAside, Placed {
    }

    private record CreatedDirectory(Path path) implements Step {
    }

    private record MovedAside(Path original, Path aside) implements Step {
    }

    private record Placed(Path path) implements Step {
    }

    private final WorkspacePaths workspace;
    private final Path staged;
    private final Path asideFolder;
    private final Deque<Step> journal = new ArrayDeque<>();
    private int asideCount;

    /**
     * @param staged the folder the entries were extracted into
     * @param asideFolder an empty folder on the same file system for what the restore replaces
     */
    WorkspaceSwap(WorkspacePaths workspace, Path staged, Path asideFolder) {
        this.workspace = workspace;
        this.staged = staged;
        this.asideFolder = asideFolder;
    }

    /** Applies {@code entries} (parents before children) and the deletions; on failure leaves nothing changed. */
    void apply(ExtractedArchive archive, List<String> deletions) {
        List<FileEntry> entries = archive.entries();
        String current = "";
        try {
            for (FileEntry entry : entries) {
                current = entry.path();
                Path target = workspace.resolve(entry.path());
                ensureParents(entry.path());
                if (entry.type() == EntryType.DIRECTORY) {
                    ensureDirectory(target);
                } else {
                    moveAsideIfPresent(target);
                    Files.move(staged.resolve(entry.path()), target, StandardCopyOption.ATOMIC_MOVE);
                    journal.push(new Placed(target));
                }
            }
            for (String deletion : deletions) {
                current = deletion;
                ensureNoLinkInParents(deletion);
                moveAsideIfPresent(workspace.resolve(deletion));
            }
        } catch (AtomicMoveNotSupportedException e) {
            undo();
            throw new CheckpointException("cannot restore '" + current + "': it is on another file system than the "
                    + "workspace root; the workspace was left as it was", e);
        } catch (IOException | RuntimeException e) {
            undo();
            throw new CheckpointException("cannot restore '" + current + "': " + e.getMessage()
                    + "; the workspace was left as it was", e);
        }
        applyDirectoryAttributes(archive);
    }

    /** Once every entry is in place; a directory's mode and time cannot make the restore fail half-way. */
    private void applyDirectoryAttributes(ExtractedArchive archive) {
        List<FileEntry> entries = archive.entries();
        for (int i = entries.size() - 1; i >= 0; i--) {
            FileEntry entry = entries.get(i);
            if (entry.type() != EntryType.DIRECTORY) {
                continue;
            }
            Path target = workspace.resolve(entry.path());
            try {
                Files.setPosixFilePermissions(target, PosixModes.permissions(entry.mode()));
                FileTime time = archive.directoryTimes().get(entry.path());
                if (time != null) {
                    Files.setLastModifiedTime(target, time);
                }
            } catch (IOException e) {
                // the content is restored; a directory's mode or time is not worth failing for
            }
        }
    }

    private void ensureParents(String relative) throws IOException {
        int slash = relative.indexOf('/');
        while (slash >= 0) {
            ensureDirectory(workspace.resolve(relative.substring(0, slash)));
            slash = relative.indexOf('/', slash + 1);
        }
    }

    private void ensureNoLinkInParents(String relative) throws IOException {
        for (int slash = relative.indexOf('/'); slash >= 0; slash = relative.indexOf('/', slash + 1)) {
            Path parent = workspace.resolve(relative.substring(0, slash));
            if (Files.isSymbolicLink(parent)) {
                throw new IOException("its parent '" + relative.substring(0, slash) + "' is a link");
            }
        }
    }

    /** A real directory at {@code path}: an existing one is kept, anything else there is moved aside. */
    private void ensureDirectory(Path path) throws IOException {
        BasicFileAttributes attrs = attributes(path);
        if (attrs != null && attrs.isDirectory()) {
            return;
        }
        if (attrs != null) {
            moveAside(path);
        }
        Files.createDirectory(path);
        journal.push(new CreatedDirectory(path));
    }

    private void moveAsideIfPresent(Path path) throws IOException {
        if (attributes(path) != null) {
            moveAside(path);
        }
    }

    private void moveAside(Path path) throws IOException {
        Path aside = asideFolder.resolve(Integer.toString(asideCount++));
        Files.move(path, aside, StandardCopyOption.ATOMIC_MOVE);
        journal.push(new MovedAside(path, aside));
    }

    private void undo() {
        while (!journal.isEmpty()) {
            Step step = journal.pop();
            try {
                switch (step) {
                    case Placed p -> Files.deleteIfExists(p.path());
                    case MovedAside m -> Files.move(m.aside(), m.original(), StandardCopyOption.ATOMIC_MOVE);
                    case CreatedDirectory d -> Files.deleteIfExists(d.path());
                }
            } catch (IOException e) {
                // keep undoing the rest: one stuck path must not leave the others changed
            }
        }
    }

    private static BasicFileAttributes attributes(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }
}
