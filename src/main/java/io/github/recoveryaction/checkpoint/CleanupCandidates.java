package io.github.recoveryaction.checkpoint;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the cache and leftover paths {@code recovery cleanup} may remove: the configured globs, or else the defaults
 * of every ecosystem whose marker files are in the workspace. Never follows links, never enters {@code .git}.
 */
final class CleanupCandidates {

    /** Deep enough for monorepos with {@code services/<name>/pom.xml}, shallow enough to stay fast. */
    private static final int MARKER_DEPTH = 4;
    private static final Set<String> NOT_SEARCHED = Set.of(".git", "node_modules", "target", "build", "bin", "obj",
            "__pycache__", ".gradle", ".tox", ".venv", "venv");

    private final WorkspacePaths workspace;

    CleanupCandidates(WorkspacePaths workspace) {
        this.workspace = workspace;
    }

    /** Workspace-relative paths, sorted; none inside another. */
    Set<String> find(List<String> configuredGlobs, List<CleanupDefaults.Ecosystem> ecosystems) {
        TreeSet<String> found = new TreeSet<>(StateHash.PATH_ORDER);
        if (!configuredGlobs.isEmpty()) {
            match("", PathGlobs.of(configuredGlobs), found);
        } else {
            for (CleanupDefaults.Ecosystem ecosystem : ecosystems) {
                for (String folder : markerFolders(ecosystem.markers())) {
                    match(folder, PathGlobs.of(ecosystem.paths()), found);
                }
            }
        }
        return outermost(found);
    }

    private Set<String> markerFolders(List<String> markers) {
        List<PathMatcher> matchers = markers.stream()
                .map(m -> FileSystems.getDefault().getPathMatcher("glob:" + m)).toList();
        Set<String> folders = new TreeSet<>();
        walk(workspace.root(), MARKER_DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                return !dir.equals(workspace.root()) && (NOT_SEARCHED.contains(name) || name.startsWith(".")
                        || workspace.isExcluded(workspace.relativize(dir))) ? FileVisitResult.SKIP_SUBTREE
                                : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && matchers.stream().anyMatch(m -> m.matches(file.getFileName()))) {
                    folders.add(workspace.relativize(file.getParent()));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return folders;
    }

    /**
     * Paths below {@code folder} matched by {@code globs}; a matched directory is taken whole. Walks start at each
     * glob's literal prefix and skip {@code .git} and {@code node_modules} unless a glob names them.
     */
    private void match(String folder, PathGlobs globs, Set<String> found) {
        Path base = folder.isEmpty() ? workspace.root() : workspace.resolve(folder);
        for (String root : globs.walkRoots()) {
            Path start = root.isEmpty() ? base : base.resolve(root);
            if (!Files.exists(start, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            walk(start, Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String relative = workspace.relativize(dir);
                    if (relative.isEmpty()) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (workspace.isExcluded(relative) || !dir.equals(start)
                            && Set.of(".git", "node_modules").contains(dir.getFileName().toString())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (globs.matches(base.relativize(dir).toString().replace('\\', '/'))) {
                        found.add(relative);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String relative = workspace.relativize(file);
                    if (!workspace.isExcluded(relative)
                            && globs.matches(base.relativize(file).toString().replace('\\', '/'))) {
                        found.add(relative);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        }
    }

    private static Set<String> outermost(TreeSet<String> paths) {
        Set<String> result = new TreeSet<>(StateHash.PATH_ORDER);
        String last = null;
        for (String p : paths) {
            if (last == null || !p.startsWith(last + "/")) {
                result.add(p);
                last = p;
            }
        }
        return result;
    }

    private static void walk(Path start, int depth, SimpleFileVisitor<Path> visitor) {
        if (!Files.exists(start, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(start, EnumSet.noneOf(FileVisitOption.class), depth, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    return visitor.preVisitDirectory(dir, attrs);
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    return visitor.visitFile(file, attrs);
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new CheckpointException("cannot search " + start + " for caches: " + e.getMessage(), e);
        }
    }
}
