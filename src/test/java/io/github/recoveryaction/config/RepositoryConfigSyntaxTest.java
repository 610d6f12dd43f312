package io.github.recoveryaction.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.recoveryaction.InvalidInputException;

class RepositoryConfigSyntaxTest {

    @TempDir
    Path workspace;

    @Test
    void aFolderWhereTheConfigurationBelongsIsReported() throws IOException {
        Files.createDirectories(workspace.resolve(".github/recovery.yml"));

        assertThatThrownBy(() -> RepositoryConfigLoader.loadFromWorkspace(workspace))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(".github/recovery.yml is not a file");
    }

    @Test
    void brokenYamlIsOneLineNamingFileLineAndProblem() {
        assertThatThrownBy(() -> RepositoryConfigLoader.parse(".github/recovery.yml", "lanes: [1\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageNotContaining("\n").hasMessageNotContaining("\\n").hasMessageNotContaining("'reader'")
                .hasMessage(".github/recovery.yml: not valid YAML at line 2, column 1: expected ',' or ']', but got "
                        + "<stream end> (while parsing a flow sequence); fix the file's syntax");
    }

    @Test
    void badIndentationNamesItsLine() {
        assertThatThrownBy(() -> RepositoryConfigLoader.parse("r.yml", "lanes:\n  lane: heavy\n bad: x\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageNotContaining("\n").hasMessageStartingWith("r.yml: not valid YAML at line 3");
    }
}
