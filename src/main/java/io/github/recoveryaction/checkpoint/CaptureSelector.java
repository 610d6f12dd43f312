package io.github.recoveryaction.checkpoint;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.github.recoveryaction.github.WorkingTreeStatus;

/**
 * Decides what a checkpoint captures: the files matched by the {@code --path} globs (ignored ones included), plus
 * the tracked files that differ from {@code HEAD} and the untracked, not ignored files. Links are kept as links when
 * they stay inside the workspace; sockets, pipes and devices are left out. {@code .git} and the store's folder are
 * never captured.
 */
public final class CaptureSelector {

    private final WorkspacePaths workspace;

    public CaptureSelector(WorkspacePaths workspace) {
        this.workspace = workspace;
    }

    /**
     * The paths the globs match. A checkpoint archives them while git status still runs, then adds
     * {@link #fromStatus}.
     */
    public CapturePlan globbed(PathGlobs globs) {
        TreeMap<String, PosixFileAttributes> paths = new TreeMap<>(StateHash.PATH_ORDER);
        List<String> warnings = new ArrayList<>();
        for (String root : globs.walkRoots()) {
            walk(root, globs, paths, warnings);
        }
        return plan(paths, List.of(), warnings);
    }

    /** What git status adds to {@code globbed}: the changed and untracked paths it lacks, and the deletions. */
    public CapturePlan fromStatus(Optional<WorkingTreeStatus> status, CapturePlan globbed) {
        TreeMap<String, PosixFileAttributes> paths = new TreeMap<>(StateHash.PATH_ORDER);
        List<String> warnings = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        Set<String> known = new HashSet<>();
        globbed.paths().forEach(p -> known.add(p.path()));
        status.ifPresent(s -> {
            s.changed().stream().filter(p -> !known.contains(p)).forEach(p -> addIfCapturable(p, paths, warnings));
            s.untracked().stream().filter(p -> !known.contains(p)).forEach(p -> addIfCapturable(p, paths, warnings));
            s.deleted().stream().filter(p -> !workspace.isExcluded(p))
                    .filter(p -> !Files.exists(workspace.resolve(p), LinkOption.NOFOLLOW_LINKS))
                    .sorted(StateHash.PATH_ORDER).forEach(deleted::add);
        });
        return plan(paths, deleted, warnings);
    }

    private static CapturePlan plan(TreeMap<String, PosixFileAttributes> paths, List<String> deleted,
            List<String> warnings) {
        List<CapturedPath> captured = new ArrayList<>(paths.size());
        paths.forEach((path, attrs) -> captured.add(new CapturedPath(path, attrs)));
        return new CapturePlan(captured, deleted, warnings);
    }

    private void addIfCapturable(String relative, TreeMap<String, PosixFileAttributes> paths, List<String> warnings) {
        if (workspace.isExcluded(relative) || WorkspacePaths.findProblem(relative).isPresent()) {
            return;
        }
        Path path = workspace.resolve(relative);
        try {
            PosixFileAttributes attrs = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (capturable(relative, path, attrs, warnings)) {
                paths.put(relative, attrs);
            }
        } catch (IOException e) {
            // vanished between git status and now: nothing to capture
        }
    }

    /** Whether the path can be captured as it is; if not, says why in a warning. */
    private static boolean capturable(String relative, Path path, BasicFileAttributes attrs, List<String> warnings)
            throws IOException {
        if (attrs.isSymbolicLink()) {
            String target = Files.readSymbolicLink(path).toString();
            if (!WorkspacePaths.linkStaysInside(relative, target)) {
                warnings.add(relative + ": left out, the link points outside the workspace (" + target + ")");
                return false;
            }
            return true;
        }
        if (attrs.isRegularFile() || attrs.isDirectory()) {
            return true;
        }
        warnings.add(relative + ": left out, not a regular file, directory or link");
        return false;
    }

    /** The walk's attributes are POSIX ones on Unix; elsewhere they are read again. */
    private static PosixFileAttributes posix(Path path, BasicFileAttributes attrs) throws IOException {
        return attrs instanceof PosixFileAttributes posix ? posix
                : Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    private void walk(String root, PathGlobs globs, TreeMap<String, PosixFileAttributes> paths, List<String> warnings) {
        Path start = root.isEmpty() ? workspace.root() : workspace.resolve(root);
        if (!Files.exists(start, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Deque<Path> includedDirectories = new ArrayDeque<>();
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    String relative = workspace.relativize(dir);
                    if (relative.isEmpty()) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (workspace.isExcluded(relative)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (!includedDirectories.isEmpty() || globs.matches(relative)) {
                        includedDirectories.push(dir);
                        paths.put(relative, posix(dir, attrs));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String relative = workspace.relativize(file);
                    if (relative.isEmpty() || workspace.isExcluded(relative)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if ((!includedDirectories.isEmpty() || globs.matches(relative))
                            && capturable(relative, file, attrs, warnings)) {
                        paths.put(relative, posix(file, attrs));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    warnings.add(workspace.relativize(file) + ": left out, unreadable (" + e.getMessage() + ")");
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    if (!includedDirectories.isEmpty() && includedDirectories.peek().equals(dir)) {
                        includedDirectories.pop();
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new CheckpointException("cannot walk " + start + " to match --path globs: " + e.getMessage(), e);
        }
    }
}
