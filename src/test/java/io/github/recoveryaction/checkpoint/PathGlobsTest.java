package io.github.recoveryaction.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.InvalidInputException;

class PathGlobsTest {

    @Test
    void matchesWorkspaceRelativeGlobs() {
        PathGlobs globs = PathGlobs.of(List.of("target", "**/*.class", "./build/libs/", "dist/{a,b}.zip"));

        assertThat(globs.matches("target")).isTrue();
        assertThat(globs.matches("Top.class")).isTrue();
        assertThat(globs.matches("x/y/Deep.class")).isTrue();
        assertThat(globs.matches("build/libs")).isTrue();
        assertThat(globs.matches("dist/b.zip")).isTrue();
        assertThat(globs.matches("target/x")).isFalse();
        assertThat(globs.matches("src/App.java")).isFalse();
    }

    @Test
    void walksOnlyFromTheLiteralPrefixes() {
        assertThat(PathGlobs.of(List.of("build/libs/*.jar", "target")).walkRoots()).containsExactly("build/libs", "target");
        assertThat(PathGlobs.of(List.of("target", "**/*.class")).walkRoots()).containsExactly("");
        assertThat(PathGlobs.of(List.of("a/**/b")).matches("a/b")).isTrue();
    }

    @Test
    void refusesGlobsLeavingTheWorkspace() {
        assertThatThrownBy(() -> PathGlobs.of(List.of("../secrets"))).isInstanceOf(InvalidInputException.class)
                .hasMessage("glob '../secrets' leaves the workspace: use a path relative to the repository without '..'");
        assertThatThrownBy(() -> PathGlobs.of(List.of("/etc"))).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("glob '/etc' leaves the workspace");
        assertThatThrownBy(() -> PathGlobs.of(List.of("target/[ab"))).isInstanceOf(InvalidInputException.class)
                .hasMessage("glob 'target/[ab' has a '[' without ']'");
    }

    @Test
    void linksStayInsideOnlyWhenTheyNeverClimbAboveTheRoot() {
        assertThat(WorkspacePaths.linkStaysInside("a/b/link", "../c")).isTrue();
        assertThat(WorkspacePaths.linkStaysInside("a/link", "../../ws/a")).isFalse();
        assertThat(WorkspacePaths.linkStaysInside("link", "/etc/passwd")).isFalse();
        assertThat(WorkspacePaths.linkStaysInside("link", "./x/../y")).isTrue();
    }
}
