package io.github.recoveryaction.history;

import static io.github.recoveryaction.history.FailureStatsTest.fail;
import static io.github.recoveryaction.history.FailureStatsTest.job;
import static io.github.recoveryaction.history.FailureStatsTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.recoveryaction.workspace.FileOwnership;

class StatsCacheTest {

    @TempDir
    Path dir;

    final List<String> warnings = new ArrayList<>();

    @Test
    void keepsRecordsAcrossScans() {
        RunRecord run = run(1, "main", "a", 2, "success", List.of(job(12, "test", 1, "failure", 5, 10,
                fail("test_failure"))));
        StatsCache cache = StatsCache.empty();
        cache.put(run);
        cache.write(dir.resolve("c.json"), "octo/app", "recovery 1.0", FileOwnership.UNCHANGED);

        StatsCache read = StatsCache.read(dir.resolve("c.json"), "octo/app", warnings);

        assertThat(read.find(1, 2, run.updatedAt())).contains(run);
        assertThat(read.find(1, 3, run.updatedAt())).isEmpty();
        assertThat(warnings).isEmpty();
        assertThat(StatsCache.read(dir.resolve("c.json"), "octo/other", warnings).size()).isZero();
        assertThat(warnings).singleElement().asString().contains("is of octo/app, not octo/other");
    }

    @Test
    void aCacheOfAnotherFormatIsANoteAndTheScanStartsOver() throws IOException {
        Path file = Files.writeString(dir.resolve("c.json"), """
                {"version":2,"writtenBy":"recovery 9.0","repository":"octo/app","runs":[{"id":1,"shape":"new"}]}""");

        StatsCache read = StatsCache.read(file, "octo/app", warnings);

        assertThat(read.size()).isZero();
        assertThat(warnings).singleElement().asString().contains("has format 2 (written by recovery 9.0)",
                "reads format " + StatsCache.VERSION, "starts over and replaces it");
    }

    @Test
    void anUnreadableCacheIsANoteNotAFailure() throws IOException {
        Path file = Files.writeString(dir.resolve("c.json"), "{\"version\":1,\"repository\":\"octo/app\",\"runs\":[{");

        assertThat(StatsCache.read(file, "octo/app", warnings).size()).isZero();
        assertThat(warnings).singleElement().asString().contains("cannot be read", "starting over");
    }

    @Test
    void aRootContainerWritesTheCacheForTheWorkspacesOwner() throws IOException {
        assumeThat(System.getProperty("user.name")).as("only root can give files away").isEqualTo("root");
        Path workspace = Files.createDirectory(dir.resolve("workspace"));
        Files.setAttribute(workspace, "unix:uid", 1001);
        Files.setAttribute(workspace, "unix:gid", 121);
        Path file = workspace.resolve(".recovery/stats-cache.json");

        StatsCache.empty().write(file, "octo/app", "recovery 1.0", FileOwnership.ofWorkspace(workspace));

        assertThat(Files.getAttribute(file.getParent(), "unix:uid")).isEqualTo(1001);
        assertThat(Files.getAttribute(file, "unix:uid")).isEqualTo(1001);
        assertThat(Files.getAttribute(file, "unix:gid")).isEqualTo(121);
        assertThat(Files.readString(file)).contains("\"version\":1", "\"writtenBy\":\"recovery 1.0\"");
    }
}
