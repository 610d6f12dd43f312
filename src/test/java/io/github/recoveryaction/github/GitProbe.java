package io.github.recoveryaction.github;

import java.nio.file.Path;

import org.eclipse.jgit.util.SystemReader;

/**
 * Run in a child JVM by {@link GitRepositoryTest}: reads a repository the way the checkpoint commands do, or, with
 * {@code --plain-jgit}, asks an untouched JGit for its system configuration (the control case).
 */
public final class GitProbe {

    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[1].equals("--plain-jgit")) {
            SystemReader.getInstance().getSystemConfig();
            return;
        }
        try (GitRepository git = GitRepository.find(Path.of(args[0])).orElseThrow()) {
            System.out.println(git.head().orElse("-") + " " + git.branch().orElse("-") + " " + git.status().dirty());
        }
    }
}
