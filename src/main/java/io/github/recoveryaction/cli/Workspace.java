package io.github.recoveryaction.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/** The default workspace: {@code $GITHUB_WORKSPACE} inside GitHub Actions, else the current directory. */
final class Workspace {

    private Workspace() {
    }

    static Path fromEnvironment() {
        return Optional.ofNullable(System.getenv("GITHUB_WORKSPACE")).filter(s -> !s.isBlank()).map(Paths::get)
                .orElse(Paths.get(""));
    }
}
