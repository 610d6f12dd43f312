package io.github.recoveryaction.workspace;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.github.recoveryaction.InvalidInputException;

/**
 * The files of the workspace that inputs such as {@code log-files} and {@code test-reports} name, resolved as
 * {@code @actions/glob} resolves them: one glob per entry, {@code !glob} excludes, {@code #} starts a comment, a
 * folder that matches stands for the files under it. Absolute paths are accepted when they lie in the checkout under
 * any of its names ({@link RepositoryPaths}); others are refused with the reason. Each glob is walked only from its
 * literal leading folders, {@code .git} is skipped, and a careless {@code **} stops after
 * {@value #MAX_FILES_VISITED} files.
 */
public final class WorkspaceFiles {

    static final int MAX_FILES_VISITED = 200_000;

    /**
     * @param files regular files in pattern order, then path order, without duplicates
     * @param unmatched patterns that matched no file
     * @param refused patterns that were not used, with the reason
     */
    public record Matches(List<Path> files, List<String> unmatched, List<String> refused) {

        /** One line per pattern that found nothing, for warnings: {@code log-files: …}. */
        public List<String> problems(String input) {
            List<String> lines = new ArrayList<>();
            unmatched.forEach(p -> lines.add(input + ": no file matches '" + p + "'"));
            refused.forEach(r -> lines.add(input + ": " + r));
            return lines;
        }
    }

    private WorkspaceFiles() {
    }

    public static Matches resolve(Path workspace, List<String> patterns, RepositoryPaths paths) {
        Path root = workspace.toAbsolutePath().normalize();
        List<WorkspaceGlob> includes = new ArrayList<>();
        List<WorkspaceGlob> excludes = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String raw : patterns) {
            String pattern = raw.trim();
            if (pattern.isEmpty() || pattern.startsWith("#")) {
                continue;
            }
            boolean exclude = pattern.startsWith("!");
            String text = exclude ? pattern.substring(1).trim() : pattern;
            Optional<String> relative = paths.inside(text);
            if (relative.isEmpty()) {
                refused.add("'" + text + "' is outside the workspace (" + root + "); only files of the checkout are "
                        + "read: give a path relative to the repository or under ${{ github.workspace }}");
                continue;
            }
            try {
                (exclude ? excludes : includes).add(WorkspaceGlob.of(relative.get()));
            } catch (InvalidInputException e) {
                refused.add(e.getMessage());
            }
        }
        Set<Path> found = new LinkedHashSet<>();
        List<String> unmatched = new ArrayList<>();
        for (WorkspaceGlob glob : includes) {
            Set<Path> matched = new TreeSet<>();
            walk(root, glob, matched);
            matched.removeIf(f -> excludes.stream().anyMatch(x -> x.matchesOrIsBelowAMatch(relative(root, f))));
            if (matched.isEmpty()) {
                unmatched.add(glob.text());
            }
            found.addAll(matched);
        }
        return new Matches(List.copyOf(found), unmatched, refused);
    }

    /** {@code file} relative to {@code root}, {@code /}-separated. */
    public static String relative(Path root, Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private static void walk(Path root, WorkspaceGlob glob, Set<Path> matched) {
        Path start = glob.literalRoot().isEmpty() ? root : root.resolve(glob.literalRoot()).normalize();
        if (!start.startsWith(root) || !Files.exists(start)) {
            return;
        }
        int[] visited = { 0 };
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.getFileName() != null && dir.getFileName().toString().equals(".git") && !dir.equals(start)
                            ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (++visited[0] > MAX_FILES_VISITED) {
                        return FileVisitResult.TERMINATE;
                    }
                    if (Files.isRegularFile(file) && glob.matchesOrIsBelowAMatch(relative(root, file))) {
                        matched.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // an unreadable folder hides its files; the pattern then reports no match
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // as above
        }
    }

}
