package io.github.recoveryaction.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.recoveryaction.InvalidInputException;

/** Globs as {@code @actions/glob} matches them, and the paths inputs may use. */
class WorkspaceGlobTest {

    @TempDir
    Path workspace;

    @Test
    void doubleStarMatchesZeroOrMoreFolders() {
        WorkspaceGlob glob = WorkspaceGlob.of("**/target/surefire-reports/*.xml");

        assertThat(glob.matches("target/surefire-reports/TEST-a.xml")).isTrue();
        assertThat(glob.matches("module/sub/target/surefire-reports/TEST-a.xml")).isTrue();
        assertThat(glob.matches("target/surefire-reports/deep/TEST-a.xml")).isFalse();
        assertThat(WorkspaceGlob.of("a/**/b.log").matches("a/b.log")).isTrue();
        assertThat(WorkspaceGlob.of("a/**/b.log").matches("a/x/y/b.log")).isTrue();
        assertThat(WorkspaceGlob.of("target/**").matches("target/classes/App.class")).isTrue();
        assertThat(WorkspaceGlob.of("**").matches(".hidden/x")).isTrue();
    }

    @Test
    void matchesWithinASegmentClassesAndAlternatives() {
        assertThat(WorkspaceGlob.of("logs/*.log").matches("logs/a.log")).isTrue();
        assertThat(WorkspaceGlob.of("logs/*.log").matches("logs/x/a.log")).isFalse();
        assertThat(WorkspaceGlob.of("build-?.log").matches("build-1.log")).isTrue();
        assertThat(WorkspaceGlob.of("[a-c].txt").matches("b.txt")).isTrue();
        assertThat(WorkspaceGlob.of("[!a-c].txt").matches("b.txt")).isFalse();
        assertThat(WorkspaceGlob.of("dist/{a,b}.zip").matches("dist/b.zip")).isTrue();
        assertThat(WorkspaceGlob.of("./build/libs/").literalRoot()).isEqualTo("build/libs");
        assertThat(WorkspaceGlob.of("build/**/*.jar").literalRoot()).isEqualTo("build");
    }

    @Test
    void refusesGlobsThatLeaveTheWorkspace() {
        assertThatThrownBy(() -> WorkspaceGlob.of("../secrets")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("leaves the workspace");
        assertThatThrownBy(() -> WorkspaceGlob.of("/etc/passwd")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void resolvesFilesReportsUnmatchedPatternsAndExcludes() throws IOException {
        write("target/surefire-reports/TEST-a.xml");
        write("target/surefire-reports/TEST-b.xml");
        write("build.log");

        WorkspaceFiles.Matches m = WorkspaceFiles.resolve(workspace,
                List.of("**/target/surefire-reports/*.xml", "!**/TEST-b.xml", "missing/*.log", "# a comment"),
                RepositoryPaths.of(workspace, Optional.empty()));

        assertThat(m.files()).containsExactly(workspace.resolve("target/surefire-reports/TEST-a.xml"));
        assertThat(m.unmatched()).containsExactly("missing/*.log");
        assertThat(m.problems("test-reports")).containsExactly("test-reports: no file matches 'missing/*.log'");
    }

    @Test
    void acceptsAbsolutePathsInTheCheckoutUnderAnyOfItsNames() throws IOException {
        write("build.log");
        write("logs/it.log");
        RepositoryPaths paths = RepositoryPaths.of(workspace, Optional.of("/home/runner/work/app/app"));

        WorkspaceFiles.Matches m = WorkspaceFiles.resolve(workspace, List.of(workspace.resolve("build.log").toString(),
                "/home/runner/work/app/app/logs/*.log", "/github/workspace/build.log", "/etc/passwd"), paths);

        assertThat(m.files()).containsExactly(workspace.resolve("build.log"), workspace.resolve("logs/it.log"));
        assertThat(m.unmatched()).isEmpty();
        assertThat(m.refused()).singleElement().asString().contains("'/etc/passwd' is outside the workspace");
    }

    @Test
    void showsPathsRelativeToTheRepository() {
        RepositoryPaths paths = RepositoryPaths.of(workspace, Optional.empty());

        assertThat(paths.relative("/home/runner/work/app/app/src/Cart.java")).isEqualTo("src/Cart.java");
        assertThat(paths.relative("/Users/runner/work/app/app/src/Cart.java")).isEqualTo("src/Cart.java");
        assertThat(paths.relative("D:\\a\\app\\app\\src\\Cart.cs")).isEqualTo("src/Cart.cs");
        assertThat(paths.relative("/opt/actions-runner/_work/app/app/x.go")).isEqualTo("x.go");
        assertThat(paths.relative("/github/workspace/lib/a.rb")).isEqualTo("lib/a.rb");
        assertThat(paths.relative(workspace.resolve("pkg/b.py").toString())).isEqualTo("pkg/b.py");
        assertThat(paths.relative("./src/x.ts")).isEqualTo("src/x.ts");
        assertThat(paths.relative("/usr/include/stdio.h")).isEqualTo("/usr/include/stdio.h");
        assertThat(RepositoryPaths.hostWorkspace(Optional.of("/home/runner/work/app"), Optional.of("octo/app")))
                .contains("/home/runner/work/app/app");
    }

    private void write(String relative) throws IOException {
        Path file = workspace.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
    }
}
