package io.github.recoveryaction.checkpoint;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.recoveryaction.InvalidInputException;

/**
 * Workspace-relative globs as users write them for {@code --path} and cleanup paths: {@code *}, {@code ?},
 * {@code [a-z]}, {@code {a,b}} and {@code **} across directories; {@code **}{@code /x} also matches {@code x} at the top.
 * A glob that matches a directory stands for everything under it.
 */
public final class PathGlobs {

    private record Glob(String text, PathMatcher matcher, String root) {
    }

    private final List<Glob> globs;

    private PathGlobs(List<Glob> globs) {
        this.globs = globs;
    }

    public static PathGlobs of(List<String> patterns) {
        List<Glob> globs = new ArrayList<>();
        for (String raw : patterns) {
            String text = normalise(raw);
            if (text.isEmpty()) {
                continue;
            }
            if (text.startsWith("/") || List.of(text.split("/")).contains("..")) {
                throw new InvalidInputException("path glob '" + raw
                        + "' must stay inside the workspace: use a relative glob without '..'");
            }
            try {
                globs.add(new Glob(text, FileSystems.getDefault().getPathMatcher("glob:" + text), literalRoot(text)));
                if (text.startsWith("**/")) {
                    String top = text.substring(3);
                    globs.add(new Glob(top, FileSystems.getDefault().getPathMatcher("glob:" + top), literalRoot(top)));
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("path glob '" + raw + "' is not a valid glob: " + e.getMessage());
            }
        }
        return new PathGlobs(List.copyOf(globs));
    }

    public boolean isEmpty() {
        return globs.isEmpty();
    }

    public boolean matches(String relativePath) {
        Path p = Path.of(relativePath);
        return globs.stream().anyMatch(g -> g.matcher().matches(p));
    }

    /** The directories below which matches can be, so that a walk never visits the rest of the workspace. */
    public Set<String> walkRoots() {
        Set<String> roots = new LinkedHashSet<>();
        globs.forEach(g -> roots.add(g.root()));
        if (roots.contains("")) {
            return Set.of("");
        }
        return roots;
    }

    private static String normalise(String raw) {
        String text = raw.trim().replace('\\', '/');
        while (text.startsWith("./")) {
            text = text.substring(2);
        }
        while (text.endsWith("/") && text.length() > 1) {
            text = text.substring(0, text.length() - 1);
        }
        return text.equals(".") ? "**" : text;
    }

    /** A fully literal glob itself, else the segments before the first one with a glob character. */
    private static String literalRoot(String text) {
        List<String> literal = new ArrayList<>();
        for (String segment : text.split("/")) {
            if (segment.matches(".*[*?\\[\\]{}].*")) {
                break;
            }
            literal.add(segment);
        }
        return String.join("/", literal);
    }
}
