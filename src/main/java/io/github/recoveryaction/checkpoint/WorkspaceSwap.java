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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moves extracted entries from the staging folder into the workspace by renames on the same file system. A staged
 * directory whose place in the workspace is free moves whole, in one rename (a fresh checkout restores in a handful
 * of renames); otherwise entries move one by one. Whatever an entry replaces is first moved aside into the staging
 * folder, and every step is journaled: if any step fails, the journal is undone in reverse and the workspace is
 * exactly as before. Links in the workspace are never followed.
 */
final class WorkspaceSwap {

    private sealed interface Step permits MovedAside, Placed, PlacedTree {
    }

    private record PlacedTree(Path staged, Path target) implements Step {
    }

    private record MovedAside(Path original, Path aside) implements Step {
    }

    private record Placed(Path path) implements Step {
    }

    private final WorkspacePaths workspace;
    private final Path staged;
    private final Path asideFolder;
    private final Deque<Step> journal = new ArrayDeque<>();
    /** Directories known to be real directories of the workspace by now, so each is checked once. */
    private final Set<String> ensured = new HashSet<>();
    /** Directories moved in whole, with everything below them. */
    private final Set<String> placedTrees = new HashSet<>();
    /** Times of the workspace directories this swap changed, put back by an undo. */
    private final Map<Path, FileTime> touchedDirectories = new HashMap<>();
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
                if (placedWithAncestor(entry.path())) {
                    continue;
                }
                if (entry.type() == EntryType.DIRECTORY) {
                    if (!ensured.contains(entry.path()) && !placeTreeIfFree(entry.path())) {
                        ensured.add(entry.path());
                    }
                } else {
                    moveAsideIfPresent(target);
                    touch(target);
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

    /**
     * Walks the entry's ancestors from the top: one moved in whole already carries the entry; the first one missing
     * from the workspace (or not a real directory there) is moved in whole now, carrying the entry too.
     *
     * @return whether the entry is in place
     */
    private boolean placedWithAncestor(String relative) throws IOException {
        for (int slash = relative.indexOf('/'); slash >= 0; slash = relative.indexOf('/', slash + 1)) {
            String parent = relative.substring(0, slash);
            if (placedTrees.contains(parent)) {
                return true;
            }
            if (!ensured.contains(parent)) {
                if (placeTreeIfFree(parent)) {
                    return true;
                }
                ensured.add(parent);
            }
        }
        return false;
    }

    /**
     * Moves the staged directory {@code relative} in whole unless a real directory is already there (then its
     * entries merge one by one); a file or link in its way is moved aside first.
     */
    private boolean placeTreeIfFree(String relative) throws IOException {
        Path target = workspace.resolve(relative);
        BasicFileAttributes attrs = attributes(target);
        if (attrs != null && attrs.isDirectory()) {
            return false;
        }
        if (attrs != null) {
            moveAside(target);
        }
        Path source = staged.resolve(relative);
        touch(target);
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        journal.push(new PlacedTree(source, target));
        placedTrees.add(relative);
        return true;
    }

    private void ensureNoLinkInParents(String relative) throws IOException {
        for (int slash = relative.indexOf('/'); slash >= 0; slash = relative.indexOf('/', slash + 1)) {
            Path parent = workspace.resolve(relative.substring(0, slash));
            if (Files.isSymbolicLink(parent)) {
                throw new IOException("its parent '" + relative.substring(0, slash) + "' is a link");
            }
        }
    }

    private void moveAsideIfPresent(Path path) throws IOException {
        if (attributes(path) != null) {
            moveAside(path);
        }
    }

    private void moveAside(Path path) throws IOException {
        Path aside = asideFolder.resolve(Integer.toString(asideCount++));
        touch(path);
        Files.move(path, aside, StandardCopyOption.ATOMIC_MOVE);
        journal.push(new MovedAside(path, aside));
    }

    /** Notes the time of the directory holding {@code path} before the first change in it. */
    private void touch(Path path) throws IOException {
        Path parent = path.getParent();
        if (!touchedDirectories.containsKey(parent)) {
            touchedDirectories.put(parent, Files.getLastModifiedTime(parent, LinkOption.NOFOLLOW_LINKS));
        }
    }

    private void undo() {
        undoSteps();
        touchedDirectories.forEach((directory, time) -> {
            try {
                Files.setLastModifiedTime(directory, time);
            } catch (IOException e) {
                // the content is back; a directory's time is cosmetic
            }
        });
    }

    private void undoSteps() {
        while (!journal.isEmpty()) {
            Step step = journal.pop();
            try {
                switch (step) {
                    case Placed p -> Files.deleteIfExists(p.path());
                    case PlacedTree t -> Files.move(t.target(), t.staged(), StandardCopyOption.ATOMIC_MOVE);
                    case MovedAside m -> Files.move(m.aside(), m.original(), StandardCopyOption.ATOMIC_MOVE);
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
