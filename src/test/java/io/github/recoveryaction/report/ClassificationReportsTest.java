package io.github.recoveryaction.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.Details;
import io.github.recoveryaction.classify.Evidence;
import io.github.recoveryaction.classify.FailureType;
import io.github.recoveryaction.classify.StepRef;
import io.github.recoveryaction.plan.Lane;

/** What the issue-9 classification adds reaches people: the step's display name, other failed jobs, no failure. */
class ClassificationReportsTest {

    private final MarkdownReportRenderer markdown = new MarkdownReportRenderer(Redactor.builtIn());

    private static Classification multiJob() {
        Classification headline = new Classification("run.log", Optional.of("build"), FailureType.COMPILATION_ERROR,
                0.5, Optional.of(new StepRef(3, "npm run build", Optional.of("Build the site"))),
                List.of(new Evidence(412, "src/app.ts(3,7): error TS2322: Type 'string' is not assignable")),
                "generic.compiler-diagnostic", "No rule knows this message.", Details.NONE);
        return headline.withOtherFailedJobs(List.of(new Classification.JobVerdict("all-checks", FailureType.UNKNOWN,
                0.2, Optional.of(new StepRef(1, "./all-green.sh")), "generic.unrecognized", "t",
                List.of(new Evidence(9, "Error: one or more required jobs failed")), true)));
    }

    @Test
    void markdownNamesTheStepAsGitHubShowsItAndListsTheOtherFailedJobs() {
        String md = markdown.render(ReportFixtures.report(multiJob(), Lane.STANDARD, Optional.empty()),
                SizeBudget.JOB_SUMMARY);

        assertThat(md).contains("in step `Build the site` (3 `npm run build`)");
        assertThat(md).contains("#### Other failed jobs").contains("`all-checks`")
                .contains("failed because a job it needs failed");
    }

    @Test
    void textAndJsonCarryTheDisplayNameAndTheJobs() {
        Classification c = multiJob();

        assertThat(ClassificationText.render(c)).contains("Build the site (#3 npm run build)").contains("job all-checks");
        String json = ClassificationJson.toLine(c);
        assertThat(json).contains("\"displayName\":\"Build the site\"").contains("\"outcome\":\"failed\"")
                .contains("\"role\":\"root-cause\"").contains("\"role\":\"consequence\"");
    }

    @Test
    void aPassedJobSaysNoFailedStepFound() {
        Classification c = Classification.without("deploy.log", Optional.empty(),
                Classification.Outcome.NO_FAILED_STEP);

        assertThat(ClassificationText.render(c)).contains("No failed step found");
        assertThat(ClassificationJson.toLine(c)).contains("\"failureType\":null").contains("\"step\":null")
                .contains("\"outcome\":\"no_failed_step\"");
        assertThat(markdown.render(ReportFixtures.report(c, Lane.STANDARD, Optional.empty()), SizeBudget.JOB_SUMMARY))
                .contains("No failed step found");
        assertThat(AnnotationRenderer.forReport(ReportFixtures.report(c, Lane.STANDARD, Optional.empty()))).isEmpty();
    }
}
