package io.github.recoveryaction.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.config.LaneConfig;
import io.github.recoveryaction.workspace.WorkspaceGlob;

class LaneSelectorTest {

    private final LaneSelector selector = new LaneSelector(LaneConfig.DEFAULT);

    @Test
    void docsOnlyChangeGivesDocsLane() {
        LaneDecision d = selector.select(Optional.of(List.of("README.md", "docs/guide/setup.adoc", "api/CHANGELOG.md")),
                Optional.of(Duration.ofMinutes(3)));
        assertThat(d.lane()).isEqualTo(Lane.DOCS);
        assertThat(d.reason()).isEqualTo("all 3 changed files are documentation.");
    }

    @Test
    void anyCodeFileGivesStandardLane() {
        LaneDecision d = selector.select(Optional.of(List.of("README.md", "src/main/java/App.java")), Optional.empty());
        assertThat(d.lane()).isEqualTo(Lane.STANDARD);
        assertThat(d.reason()).contains("src/main/java/App.java");
    }

    @Test
    void longJobGivesHeavyLaneEvenForDocsOnlyChanges() {
        LaneDecision d = selector.select(Optional.of(List.of("README.md")), Optional.of(Duration.ofMinutes(42)));
        assertThat(d.lane()).isEqualTo(Lane.HEAVY);
        assertThat(d.reason()).isEqualTo("the job ran 42m, at least the heavy-after threshold of 30m.");
    }

    @Test
    void thresholdIsInclusiveAndConfigurable() {
        LaneSelector s = new LaneSelector(new LaneConfig(Optional.empty(), Duration.ofMinutes(10),
                LaneConfig.DEFAULT_DOCS_PATTERNS));
        assertThat(s.select(Optional.empty(), Optional.of(Duration.ofMinutes(10))).lane()).isEqualTo(Lane.HEAVY);
        assertThat(s.select(Optional.empty(), Optional.of(Duration.ofMinutes(9))).lane()).isEqualTo(Lane.STANDARD);
    }

    @Test
    void configuredLaneWins() {
        LaneSelector s = new LaneSelector(new LaneConfig(Optional.of(Lane.HEAVY), LaneConfig.DEFAULT_HEAVY_AFTER,
                LaneConfig.DEFAULT_DOCS_PATTERNS));
        assertThat(s.select(Optional.of(List.of("README.md")), Optional.empty()).lane()).isEqualTo(Lane.HEAVY);
    }

    @Test
    void unknownOrEmptyChangesGiveStandard() {
        assertThat(selector.select(Optional.empty(), Optional.empty()).lane()).isEqualTo(Lane.STANDARD);
        assertThat(selector.select(Optional.of(List.of()), Optional.empty()).lane()).isEqualTo(Lane.STANDARD);
    }

    @Test
    void customDocsPatternsApply() {
        LaneSelector s = new LaneSelector(new LaneConfig(Optional.empty(), LaneConfig.DEFAULT_HEAVY_AFTER,
                List.of("site/**", "*.txt")));
        assertThat(s.select(Optional.of(List.of("site/index.html", "notes.txt")), Optional.empty()).lane())
                .isEqualTo(Lane.DOCS);
        assertThat(s.select(Optional.of(List.of("README.md")), Optional.empty()).lane()).isEqualTo(Lane.STANDARD);
    }

    @Test
    void globsMatchLikeGit() {
        assertThat(WorkspaceGlob.of("**/*.md").matches("README.md")).isTrue();
        assertThat(WorkspaceGlob.of("**/*.md").matches("a/b/c.md")).isTrue();
        assertThat(WorkspaceGlob.of("docs/**").matches("docs/x/y.png")).isTrue();
        assertThat(WorkspaceGlob.of("*.txt").matches("a/b.txt")).isFalse();
        assertThat(WorkspaceGlob.of("**/LICENSE*").matches("LICENSE-APACHE")).isTrue();
        assertThat(WorkspaceGlob.of("**/*.md").matches("src/Main.java")).isFalse();
    }
}
