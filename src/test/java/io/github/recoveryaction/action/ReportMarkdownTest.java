package io.github.recoveryaction.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.action.Report.PlannedFailure;
import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.Details;
import io.github.recoveryaction.classify.Evidence;
import io.github.recoveryaction.classify.FailureType;
import io.github.recoveryaction.config.ReportMode;

class ReportMarkdownTest {

    private static Report report(List<Evidence> evidence, String title) {
        Classification c = new Classification("build", Optional.of("build"), FailureType.NETWORK_ERROR, 0.8,
                Optional.empty(), evidence, "network.reset", title, Details.NONE);
        JobFailure f = new JobFailure(Optional.empty(), "build", Optional.empty(), c, List.of(), "job log", List.of());
        PlanView plan = new PlanView("standard", Optional.of("resume"), "{}", "### Recovery plan\n");
        return new Report(ReportMode.FOLLOW_UP, "CI", 2, Optional.of("https://github.com/o/r/actions/runs/1"),
                List.of(new PlannedFailure(f, plan)), List.of());
    }

    @Test
    void fencesEvidenceSoBackticksInTheLogCannotEscape() {
        String md = ReportMarkdown.summary(report(List.of(new Evidence(3, "```\n# injected")), "t"));

        assertThat(md).contains("````text\n3: ```\n# injected\n````");
    }

    @Test
    void neutralisesMarkupAndMentionsInUntrustedText() {
        String md = ReportMarkdown.summary(report(List.of(), "<img src=x> @octocat | x"));

        assertThat(md).contains("&lt;img src=x&gt; @\u200Boctocat \\| x").doesNotContain("<img");
    }

    @Test
    void startsTheCommentWithTheMarkerAndStaysUnderGitHubsLimit() {
        List<Evidence> huge = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> new Evidence(i, "x".repeat(5000))).toList();

        String comment = ReportMarkdown.comment(report(huge, "t"), "<!-- m -->");

        assertThat(comment).startsWith("<!-- m -->\n").contains("Updated for attempt 2");
        assertThat(comment.length()).isLessThanOrEqualTo(ReportMarkdown.COMMENT_LIMIT);
    }

    @Test
    void saysRecoveredWhenNothingFailed() {
        Report passed = new Report(ReportMode.IN_JOB, "CI", 3, Optional.empty(), List.of(), List.of());

        assertThat(ReportMarkdown.comment(passed, "<!-- m -->")).contains("Recovered", "Attempt 3 of CI");
    }
}
