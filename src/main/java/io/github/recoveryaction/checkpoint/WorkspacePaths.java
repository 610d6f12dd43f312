package io.github.recoveryaction.checkpoint;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Rules every workspace-relative path obeys, on capture and on restore: relative, {@code /}-separated, no empty,
 * {@code .} or {@code ..} segment, nothing in {@code .git} and nothing in the local store's folder.
 */
public record WorkspacePaths(Path root, String storeDirectory) {

    public WorkspacePaths {
        root = root.toAbsolutePath().normalize();
        storeDirectory = trimSlashes(storeDirectory.replace('\\', '/'));
    }

    public Path resolve(String relative) {
        return root.resolve(relative);
    }

    public String relativize(Path absolute) {
        return root.relativize(absolute).toString().replace('\\', '/');
    }

    /**
     * True for paths never captured or restored: {@code .git} (at any depth), the store's folder and restore staging
     * folders.
     */
    public boolean isExcluded(String relative) {
        if (relative.startsWith(StagingFolder.PREFIX)) {
            return true;
        }
        if (!storeDirectory.isEmpty() && (relative.equals(storeDirectory) || relative.startsWith(storeDirectory + "/"))) {
            return true;
        }
        return relative.equals(".git") || relative.startsWith(".git/") || relative.endsWith("/.git")
                || relative.contains("/.git/");
    }

    /** Why {@code relative} is not a safe workspace path, or empty when it is. */
    public static Optional<String> findProblem(String relative) {
        if (relative.isEmpty()) {
            return Optional.of("has an empty path");
        }
        if (relative.indexOf('\0') >= 0) {
            return Optional.of("has a NUL character in its path");
        }
        if (relative.startsWith("/") || relative.startsWith("\\") || relative.length() >= 2 && relative.charAt(1) == ':'
                && (relative.charAt(0) | 0x20) >= 'a' && (relative.charAt(0) | 0x20) <= 'z') {
            return Optional.of("has an absolute path");
        }
        String trimmed = trimSlashes(relative);
        int start = 0;
        while (start <= trimmed.length()) {
            int end = trimmed.indexOf('/', start);
            if (end < 0) {
                end = trimmed.length();
            }
            int length = end - start;
            if (length == 2 && trimmed.charAt(start) == '.' && trimmed.charAt(start + 1) == '.') {
                return Optional.of("leaves the workspace with '..'");
            }
            if (length == 0 || length == 1 && trimmed.charAt(start) == '.') {
                return Optional.of("has an empty or '.' path segment");
            }
            start = end + 1;
        }
        return Optional.empty();
    }

    /**
     * Whether a link at {@code linkPath} with {@code target} stays inside the workspace, decided on the text alone: a
     * target that climbs above the workspace root at any point counts as outside even if it comes back, because the
     * root's own name differs between machines (the runner's path versus {@code /github/workspace}).
     */
    public static boolean linkStaysInside(String linkPath, String target) {
        if (target.isEmpty() || target.startsWith("/") || target.indexOf('\0') >= 0) {
            return false;
        }
        int depth = linkPath.split("/").length - 1;
        for (String segment : target.split("/")) {
            if (segment.equals("..")) {
                depth--;
                if (depth < 0) {
                    return false;
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                depth++;
            }
        }
        return true;
    }

    static String trimSlashes(String path) {
        String p = path;
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
