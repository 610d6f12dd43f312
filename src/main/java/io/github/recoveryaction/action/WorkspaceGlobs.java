package io.github.recoveryaction.action;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Resolves the globs of inputs such as {@code log-files} against the workspace. Each glob is walked only from its
 * fixed leading directories ({@code build/logs/**}{@code /*.log} walks {@code build/logs}), so a large workspace
 * is not scanned for a precise pattern. Matches stay inside the workspace.
 */
final class WorkspaceGlobs {

    /** Bounds a walk through a huge tree ({@code node_modules}) for a careless {@code **} pattern. */
    private static final int MAX_FILES_VISITED = 200_000;

    private WorkspaceGlobs() {
    }

    /** Regular files matching any glob, in glob order, then path order; no duplicates. */
    static List<Path> resolve(Path workspace, List<String> globs) {
        Set<Path> found = new LinkedHashSet<>();
        Path root = workspace.toAbsolutePath().normalize();
        for (String glob : globs) {
            String pattern = glob.trim();
            if (pattern.isEmpty()) {
                continue;
            }
            found.addAll(matches(root, pattern));
        }
        return List.copyOf(found);
    }

    private static List<Path> matches(Path root, String pattern) {
        Path base = root;
        String[] parts = pattern.replace('\\', '/').split("/");
        int fixed = 0;
        while (fixed < parts.length - 1 && !hasWildcard(parts[fixed])) {
            base = base.resolve(parts[fixed]);
            fixed++;
        }
        base = base.normalize();
        if (!base.startsWith(root) || !Files.isDirectory(base)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern.replace('\\', '/'));
        List<Path> result = new ArrayList<>();
        try (Stream<Path> files = Files.walk(base)) {
            files.limit(MAX_FILES_VISITED).filter(Files::isRegularFile)
                    .filter(f -> matcher.matches(root.relativize(f.toAbsolutePath().normalize())))
                    .sorted().forEach(result::add);
        } catch (IOException | UncheckedIOException e) {
            // an unreadable directory hides its files; the report says when no file matched
        }
        return result;
    }

    private static boolean hasWildcard(String part) {
        return part.contains("*") || part.contains("?") || part.contains("[") || part.contains("{");
    }
}
