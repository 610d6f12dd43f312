package io.github.recoveryaction.workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the absolute paths that logs and inputs carry into paths relative to the repository, as people read them
 * and as annotations need them. The same checkout has several absolute names: the workspace as this process sees it,
 * {@code /github/workspace} inside the action's container, the runner's host path ({@code RUNNER_WORKSPACE/<repo>},
 * which the runner translates only where a value starts with it), and the layouts of GitHub's runners in logs of
 * other jobs ({@code /home/runner/work/<r>/<r>}, {@code /Users/runner/work/<r>/<r>}, {@code D:\a\<r>\<r>},
 * {@code …/_work/<r>/<r>} on self-hosted runners).
 */
public final class RepositoryPaths {

    /** Runner layouts: the repository's name twice under the work folder. */
    private static final List<Pattern> RUNNER_LAYOUTS = List.of(
            Pattern.compile("^(?:/home/runner|/Users/runner)/work/([^/]+)/\\1(?=/|$)"),
            Pattern.compile("^/(?:[^/]+/)*_work/([^/]+)/\\1(?=/|$)"),
            Pattern.compile("^[A-Za-z]:[\\\\/](?:a|actions-runner[\\\\/]_work)[\\\\/]([^\\\\/]+)[\\\\/]\\1(?=[\\\\/]|$)"));
    /** Inside the action's container. */
    public static final String CONTAINER_WORKSPACE = "/github/workspace";

    private final List<String> roots;

    private RepositoryPaths(List<String> roots) {
        this.roots = roots;
    }

    /**
     * @param workspace the checkout as this process sees it
     * @param hostWorkspace where the runner keeps it on its host, when known
     */
    public static RepositoryPaths of(Path workspace, Optional<String> hostWorkspace) {
        List<String> roots = new ArrayList<>();
        roots.add(workspace.toAbsolutePath().normalize().toString());
        roots.add(CONTAINER_WORKSPACE);
        hostWorkspace.map(RepositoryPaths::withoutTrailingSlash).ifPresent(roots::add);
        return new RepositoryPaths(List.copyOf(roots));
    }

    /** The runner's host path of the workspace: {@code RUNNER_WORKSPACE/<repository name>}. */
    public static Optional<String> hostWorkspace(Optional<String> runnerWorkspace, Optional<String> repository) {
        return runnerWorkspace.flatMap(w -> repository.map(r -> withoutTrailingSlash(w) + "/"
                + r.substring(r.indexOf('/') + 1)));
    }

    /** The path relative to the repository when it names a file in a checkout; else as it was. */
    public String relative(String path) {
        return inside(path).orElse(path);
    }

    /**
     * The repository-relative form of {@code path}: a relative path as it is (without {@code ./}), an absolute one
     * when it lies in the checkout under one of its names; empty for an absolute path elsewhere.
     */
    public Optional<String> inside(String path) {
        String p = path.trim();
        if (!isAbsolute(p)) {
            return Optional.of(strip(p));
        }
        for (String root : roots) {
            if (p.equals(root)) {
                return Optional.of("");
            }
            if (p.startsWith(root + "/")) {
                return Optional.of(strip(p.substring(root.length() + 1)));
            }
        }
        for (Pattern layout : RUNNER_LAYOUTS) {
            Matcher m = layout.matcher(p);
            if (m.find()) {
                return Optional.of(strip(p.substring(m.end()).replace('\\', '/')));
            }
        }
        return Optional.empty();
    }

    public static boolean isAbsolute(String path) {
        return path.startsWith("/") || path.startsWith("\\") || path.matches("^[A-Za-z]:[\\\\/].*");
    }

    private static String strip(String relative) {
        String r = relative;
        while (r.startsWith("/") || r.startsWith("\\")) {
            r = r.substring(1);
        }
        while (r.startsWith("./")) {
            r = r.substring(2);
        }
        return r;
    }

    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
