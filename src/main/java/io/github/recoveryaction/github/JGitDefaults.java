package io.github.recoveryaction.github;

import org.eclipse.jgit.util.FS;

/**
 * JGit settings for a short-lived process in a fresh container. JGit measures the file system's timestamp
 * resolution the first time it reads a repository, which writes probe files and can take seconds; in the
 * background it costs at most a short wait and the fallback resolution is used meanwhile, which only makes JGit
 * re-read a file more often. The image also sets {@code GIT_CONFIG_NOSYSTEM=1} so JGit does not run {@code git} to
 * find a system configuration.
 */
public final class JGitDefaults {

    private JGitDefaults() {
    }

    public static void avoidStartupProbing() {
        FS.FileStoreAttributes.setBackground(true);
    }
}
