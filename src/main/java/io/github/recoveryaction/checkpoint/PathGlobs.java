package io.github.recoveryaction.checkpoint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.github.recoveryaction.workspace.RepositoryPaths;
import io.github.recoveryaction.workspace.WorkspaceGlob;

/**
 * Workspace-relative globs as users write them for {@code --path} and cleanup paths, with the semantics of
 * {@link WorkspaceGlob} ({@code @actions/glob}'s: {@code **} is zero or more folders). A glob that matches a
 * directory stands for everything under it (the capture walk decides that).
 */
public final class PathGlobs {

    private final List<WorkspaceGlob> globs;

    private PathGlobs(List<WorkspaceGlob> globs) {
        this.globs = globs;
    }

    public static PathGlobs of(List<String> patterns) {
        return of(patterns, Optional.empty());
    }

    /** Absolute patterns are accepted when {@code paths} places them in the checkout. */
    public static PathGlobs of(List<String> patterns, Optional<RepositoryPaths> paths) {
        List<WorkspaceGlob> globs = new ArrayList<>();
        for (String raw : patterns) {
            if (raw.isBlank()) {
                continue;
            }
            String relative = paths.flatMap(p -> p.inside(raw)).orElse(raw);
            // WorkspaceGlob's message already names the glob and the fix (leaving the workspace, unbalanced brackets)
            globs.add(WorkspaceGlob.of(relative));
        }
        return new PathGlobs(List.copyOf(globs));
    }

    public boolean isEmpty() {
        return globs.isEmpty();
    }

    public boolean matches(String relativePath) {
        return globs.stream().anyMatch(g -> g.matches(relativePath));
    }

    /** The globs that match none of {@code paths}, itself or a folder above it, for a warning. */
    public List<String> unmatched(List<String> paths) {
        return globs.stream().filter(g -> paths.stream().noneMatch(g::matchesOrIsBelowAMatch)).map(WorkspaceGlob::text)
                .toList();
    }

    /** The directories below which matches can be, so that a walk never visits the rest of the workspace. */
    public Set<String> walkRoots() {
        Set<String> roots = new LinkedHashSet<>();
        globs.forEach(g -> roots.add(g.literalRoot()));
        if (roots.contains("")) {
            return Set.of("");
        }
        return roots;
    }
}
