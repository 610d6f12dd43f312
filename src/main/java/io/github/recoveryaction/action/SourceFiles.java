package io.github.recoveryaction.action;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.github.recoveryaction.workspace.RepositoryPaths;
import io.github.recoveryaction.workspace.WorkspaceFiles;

/**
 * Turns the bare file names of JUnit reports and stack traces ({@code CartTest.java}) into workspace paths
 * ({@code src/test/java/com/example/CartTest.java}) so that annotations land on the file, using the test's
 * package to find the one meant.
 */
final class SourceFiles {

    private SourceFiles() {
    }

    static FailedTest locate(Path workspace, FailedTest test) {
        if (test.file().isEmpty() || Files.isRegularFile(workspace.resolve(test.file().get()))) {
            return test;
        }
        String file = test.file().get();
        int lastDot = test.suite().lastIndexOf('.');
        String packagePath = lastDot < 0 ? "" : test.suite().substring(0, lastDot).replace('.', '/') + "/";
        List<Path> found = WorkspaceFiles.resolve(workspace, List.of("**/" + packagePath + file),
                RepositoryPaths.of(workspace, Optional.empty())).files();
        if (found.isEmpty() && packagePath.isEmpty()) {
            return test;
        }
        Optional<String> located = found.stream().findFirst().map(p -> InJobAnalysis.relative(workspace, p));
        return located.isEmpty() ? test
                : new FailedTest(test.suite(), test.name(), test.message(), located, test.line());
    }
}
