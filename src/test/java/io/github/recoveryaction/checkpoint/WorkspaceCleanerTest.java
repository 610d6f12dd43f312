package io.github.recoveryaction.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.recoveryaction.github.GitFixture;

class WorkspaceCleanerTest {

    @TempDir
    Path ws;

    private CleanupReport clean(List<String> globs, boolean dryRun) {
        WorkspacePaths paths = new WorkspacePaths(ws, ".checkpoints");
        LocalDirectoryCheckpointStore store = new LocalDirectoryCheckpointStore(ws.resolve(".checkpoints"), ".checkpoints");
        return new WorkspaceCleaner(paths, Clock.systemUTC()).clean(globs, store, Optional.of(store), Duration.ofDays(7),
                dryRun);
    }

    private static void write(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
    }

    @Test
    void removesTheDefaultsOfEachEcosystemFoundInTheWorkspace() throws Exception {
        write(ws.resolve("pom.xml"));
        write(ws.resolve("target/classes/A.class"));
        write(ws.resolve("services/api/build.gradle.kts"));
        write(ws.resolve("services/api/build/libs/api.jar"));
        write(ws.resolve("services/api/.gradle/8.10/fileHashes/x.bin"));
        write(ws.resolve("web/package.json"));
        write(ws.resolve("web/node_modules/.cache/babel/x"));
        write(ws.resolve("web/node_modules/react/index.js"));
        write(ws.resolve("tools/pyproject.toml"));
        write(ws.resolve("tools/pkg/__pycache__/m.pyc"));
        write(ws.resolve("tools/.pytest_cache/v/x"));
        write(ws.resolve("unrelated/build/keep.txt"));

        CleanupReport report = clean(List.of(), false);

        assertThat(report.removed()).extracting(CleanupReport.Removal::path).containsExactlyInAnyOrder("target",
                "services/api/build", "services/api/.gradle", "web/node_modules/.cache", "tools/pkg/__pycache__",
                "tools/.pytest_cache");
        assertThat(ws.resolve("web/node_modules/react/index.js")).exists();
        assertThat(ws.resolve("unrelated/build/keep.txt")).exists();
        assertThat(ws.resolve("target")).doesNotExist();
    }

    @Test
    void keepsPathsWithTrackedFilesAndHonoursDryRun() throws Exception {
        try (GitFixture git = GitFixture.init(ws)) {
            git.write("pom.xml", "<project/>").write("target/committed.txt", "someone commits build output")
                    .commitAll("initial");
        }
        write(ws.resolve("tmp-cache/a.bin"));

        CleanupReport dry = clean(List.of("target", "tmp-cache"), true);
        assertThat(dry.removed()).extracting(CleanupReport.Removal::path).containsExactly("tmp-cache");
        assertThat(dry.kept()).containsExactly("target: contains files tracked by git");
        assertThat(ws.resolve("tmp-cache/a.bin")).exists();

        clean(List.of("target", "tmp-cache"), false);
        assertThat(ws.resolve("tmp-cache")).doesNotExist();
        assertThat(ws.resolve("target/committed.txt")).exists();
    }
}
