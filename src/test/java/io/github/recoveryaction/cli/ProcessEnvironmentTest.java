package io.github.recoveryaction.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessEnvironmentTest {

    @TempDir
    Path dir;

    @Test
    void usesTheProcessEnvironmentByDefault() {
        assertThat(ProcessEnvironment.load(Map.of("GITHUB_SHA", "abc"))).containsExactly(Map.entry("GITHUB_SHA", "abc"));
    }

    @Test
    void replacesTheEnvironmentByTheNamedFile() throws IOException {
        Path file = Files.writeString(dir.resolve("env"), "# replayed\nGITHUB_RUN_ID=7\nINPUT_X=a=b\\nc\n\n");

        Map<String, String> env = ProcessEnvironment.load(Map.of("GITHUB_SHA", "abc",
                ProcessEnvironment.FILE_VARIABLE, file.toString()));

        assertThat(env).containsOnly(Map.entry("GITHUB_RUN_ID", "7"), Map.entry("INPUT_X", "a=b\nc"));
    }

    @Test
    void givesAnEmptyEnvironmentWhenTheNamedFileDoesNotExist() {
        assertThat(ProcessEnvironment.load(Map.of("HOME", "/root",
                ProcessEnvironment.FILE_VARIABLE, dir.resolve("missing").toString()))).isEmpty();
        assertThat(ProcessEnvironment.parse(List.of("=x", "novalue"))).isEmpty();
    }
}
