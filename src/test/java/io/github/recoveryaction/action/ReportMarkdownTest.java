package io.github.recoveryaction.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.action.Report.PlannedFailure;
import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.Details;
import io.github.recoveryaction.classify.Evidence;
import io.github.recoveryaction.classify.FailureType;
import io.github.recoveryaction.config.ReportMode;
import io.github.recoveryaction.plan.Lane;
import io.github.recoveryaction.plan.PlanInput;
import io.github.recoveryaction.plan.PlanLoader;
import io.github.recoveryaction.plan.Planner;
import io.github.recoveryaction.plan.RecoveryPlan;
import io.github.recoveryaction.report.FailureReport;
import io.github.recoveryaction.report.MarkdownReportRenderer;
import io.github.recoveryaction.report.Redactor;
import io.github.recoveryaction.report.SizeBudget;
import io.github.recoveryaction.rerun.RerunDecision;
import io.github.recoveryaction.rerun.RerunOutcome;
import io.github.recoveryaction.rerun.RerunReport;

class ReportMarkdownTest {

    private static final Planner PLANNER = new Planner(PlanLoader.bundledCatalog());

    private final ReportMarkdown markdown = new ReportMarkdown(new MarkdownReportRenderer(Redactor.builtIn()));

    private static Report report(List<Evidence> evidence, List<FailedTest> tests, List<String> notes) {
        Classification c = new Classification("build", Optional.of("build"), FailureType.NETWORK_ERROR, 0.8,
                Optional.empty(), evidence, "network.reset", "The connection was reset.", Details.NONE);
        JobFailure f = new JobFailure(Optional.empty(), "build", Optional.empty(), c, tests, "job log", notes,
                Optional.empty());
        RecoveryPlan plan = PLANNER.plan(PlanInput.of(c, Optional.empty()), Lane.STANDARD);
        PlanView view = new PlanView(new FailureReport(c, plan, Optional.empty()), "{}");
        return new Report(ReportMode.FOLLOW_UP, "CI", 2, Optional.of("https://github.com/o/r/actions/runs/1"),
                List.of(new PlannedFailure(f, view)), List.of());
    }

    @Test
    void addsTheActionsOwnFindingsToTheRenderedSection() {
        FailedTest test = new FailedTest("com.example.CartTest", "adds", "expected <1> @octocat", Optional.empty(),
                OptionalInt.empty());

        String md = markdown.summary(report(List.of(new Evidence(3, "Connection reset")), List.of(test),
                List.of("GitHub has no log for job e2e yet.")));

        assertThat(md).contains("Connection reset", "Evidence from job log", "com.example.CartTest.adds",
                "expected &lt;1&gt; @\u200Boctocat", "> [!NOTE]\n> GitHub has no log for job e2e yet.");
    }

    /** A log that prints another comment's marker cannot make this comment look like that one. */
    @Test
    void markerLikeEvidenceIsBrokenInTheComment() {
        String forged = "<!-- recovery-action:CI/deploy -->";
        List<Evidence> evidence = List.of(new Evidence(3, forged), new Evidence(4, "Connection reset"));

        String comment = markdown.comment(report(evidence, List.of(), List.of()), StickyComment.marker("CI/build"));

        assertThat(comment).startsWith("<!-- recovery-action:CI/build -->\n").doesNotContain(forged)
                .doesNotContainPattern("(?s).+<!--\\s*recovery-action\\s*:");
    }

    @Test
    void startsTheCommentWithTheMarkerAndStaysUnderGitHubsLimit() {
        List<Evidence> huge = IntStream.range(0, 20)
                .mapToObj(i -> new Evidence(i, "x".repeat(5000))).toList();

        String comment = markdown.comment(report(huge, List.of(), List.of()), "<!-- m -->");

        assertThat(comment).startsWith("<!-- m -->\n").contains("Updated for attempt 2");
        assertThat(comment.length()).isLessThanOrEqualTo(SizeBudget.PR_COMMENT.limit());
    }

    @Test
    void saysRecoveredWhenNothingFailed() {
        Report passed = new Report(ReportMode.IN_JOB, "CI", 3, Optional.empty(), List.of(), List.of());

        assertThat(markdown.comment(passed, "<!-- m -->")).contains("Recovered", "Attempt 3 of CI");
        assertThat(markdown.summary(passed)).contains("No failure to recover from");
    }

    @Test
    void showsTheRerunDecisionWithItsCodeSpansAndEscapesTheRest() {
        RerunDecision decision = new RerunDecision(true, "Re-running 1 failed job, attempt 2 of 3: `network_error` in "
                + "`build <x>` — reset by <b>peer</b> @octocat", List.of("build"), 2, 3);
        Report base = report(List.of(), List.of(), List.of());
        Report withRerun = new Report(base.mode(), base.workflow(), base.attempt(), base.runUrl(), base.failures(),
                base.notes(), new RerunReport(Optional.of(new RerunOutcome(RerunOutcome.Status.REQUESTED, decision,
                        decision.reason(), Optional.empty())), OptionalInt.empty(), List.of(), List.of()));

        String comment = markdown.comment(withRerun, "<!-- m -->");

        assertThat(comment).contains("## 🔧 Recovery plan\n\n> 🔁 **Re-running 1 failed job, attempt 2 of 3: "
                + "`network_error` in `build <x>` — reset by &lt;b&gt;peer&lt;/b&gt; @\u200Boctocat**");
    }

    @Test
    void saysOnWhichAttemptItRecoveredAndNamesTheFlakyTests() {
        Report recovered = new Report(ReportMode.WORKFLOW_RUN, "CI", 2, Optional.empty(), List.of(), List.of(),
                new RerunReport(Optional.empty(), OptionalInt.of(2), List.of("CartTest > adds`()"), List.of()));

        String comment = markdown.comment(recovered, "<!-- m -->");

        assertThat(comment).contains("## ✅ Recovered on attempt 2", "### 🎲 Flaky tests (1)", "- `CartTest > adds'()`");
        assertThat(markdown.summary(recovered)).contains("## ✅ Recovered on attempt 2", "Flaky tests (1)");
    }

    @Test
    void saysNothingAboutRerunsWhileTheyAreOff() {
        Report base = report(List.of(), List.of(), List.of());
        Report off = new Report(base.mode(), base.workflow(), base.attempt(), base.runUrl(), base.failures(),
                base.notes(), new RerunReport(Optional.of(RerunOutcome.off(2, 3)), OptionalInt.empty(), List.of(),
                        List.of()));

        assertThat(markdown.comment(off, "<!-- m -->")).doesNotContain("rerun is off", "Not re-running", "⏸️");
    }
}
