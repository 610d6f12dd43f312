package io.github.recoveryaction.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.Details;
import io.github.recoveryaction.classify.Evidence;
import io.github.recoveryaction.classify.FailureType;
import io.github.recoveryaction.classify.SourceLocation;
import io.github.recoveryaction.classify.StepRef;
import io.github.recoveryaction.plan.Lane;

class MarkdownReportRendererTest {

    /** Set to true ({@code -Drecovery.approve=true}) to rewrite the approved files after a deliberate change. */
    private static final boolean APPROVE = Boolean.getBoolean("recovery.approve");
    private static final Path APPROVED = Path.of("src/test/resources/report");

    private final MarkdownReportRenderer renderer = new MarkdownReportRenderer(Redactor.builtIn());

    @Test
    void mavenTestFailureMatchesApprovedOutput() throws IOException {
        approve("maven-test-failure.md", renderer.render(ReportFixtures.mavenTestFailure(), SizeBudget.PR_COMMENT));
    }

    @Test
    void typescriptCompileErrorMatchesApprovedOutput() throws IOException {
        approve("typescript-compile-error.md",
                renderer.render(ReportFixtures.typescriptCompileError(), SizeBudget.JOB_SUMMARY));
    }

    @Test
    void heavyTimeoutMatchesApprovedOutput() throws IOException {
        approve("heavy-timeout.md", renderer.render(ReportFixtures.heavyTimeout(), SizeBudget.JOB_SUMMARY));
    }

    @Test
    void unknownRawLogMatchesApprovedOutput() throws IOException {
        approve("unknown-raw-log.md", renderer.render(ReportFixtures.unknownRawLog(), SizeBudget.JOB_SUMMARY));
    }

    @Test
    void linksPointAtTheExactLinesOfTheFailingStep() {
        String md = renderer.render(ReportFixtures.mavenTestFailure(), SizeBudget.JOB_SUMMARY);
        assertThat(md).contains("[1834](https://github.com/octo/shop/actions/runs/987654321/job/123456789#step:5:133)")
                .contains("[failing step](https://github.com/octo/shop/actions/runs/987654321/job/123456789#step:5:1)");
    }

    @Test
    void hugeFindingsStayWithinBothLimitsWithoutCuttingCodeBlocks() {
        FailureReport report = hugeReport();
        for (SizeBudget budget : List.of(SizeBudget.JOB_SUMMARY, SizeBudget.PR_COMMENT)) {
            String md = renderer.render(report, budget);
            int bytes = md.getBytes(StandardCharsets.UTF_8).length;
            assertThat(bytes).as(budget.name() + " bytes").isLessThanOrEqualTo(SizeBudget.JOB_SUMMARY_HARD_LIMIT);
            assertThat(budget.sizeOf(md)).as(budget.name()).isLessThanOrEqualTo(budget.limit());
            MarkdownChecks.prose(md);
            for (String part : List.of("### ❌ Test failure", "#### Evidence", "#### Recovery plan", "```shell")) {
                assertThat(md.contains(part)).as(budget.name() + " keeps " + part).isTrue();
            }
        }
        String comment = renderer.render(report, SizeBudget.PR_COMMENT);
        assertThat(comment.length()).isLessThan(SizeBudget.COMMENT_HARD_LIMIT);
        assertThat(comment.contains("Some detail was left out to stay within GitHub's size limit for a "
                + "pull-request comment")).as("says that detail was left out").isTrue();
    }

    @Test
    void smallReportsKeepEveryDetail() {
        String md = renderer.render(ReportFixtures.mavenTestFailure(), SizeBudget.PR_COMMENT);
        assertThat(md).doesNotContain("left out").contains("<details><summary>Details</summary>");
    }

    @Test
    void severalReportsShareTheBudget() {
        String md = renderer.render(List.of(hugeReport(), hugeReport()), SizeBudget.PR_COMMENT);
        assertThat(md.length()).isLessThanOrEqualTo(SizeBudget.PR_COMMENT.limit());
        MarkdownChecks.prose(md);
    }

    /** A 500 MB log's worth of findings: 10,000 error lines, 10,000 failing tests and source locations. */
    static FailureReport hugeReport() {
        List<Evidence> evidence = new ArrayList<>();
        List<String> tests = new ArrayList<>();
        List<SourceLocation> locations = new ArrayList<>();
        String noise = "x".repeat(4_000) + " ``` </details> @org/team ";
        for (int i = 0; i < 10_000; i++) {
            long line = 1_000_000L + i * 500L;
            evidence.add(new Evidence(line, "[ERROR] failure " + i + " " + noise));
            tests.add("com.example.module" + i + ".GeneratedTest" + i + ".checksCase" + i + "WithAVeryLongName");
            locations.add(new SourceLocation("src/main/java/com/example/module" + i + "/Generated" + i + ".java",
                    OptionalInt.of(i + 1), OptionalInt.of(5), "message " + i + " " + "y".repeat(300)));
        }
        Classification c = new Classification("huge.log", Optional.of("build"), FailureType.TEST_FAILURE, 0.9,
                Optional.of(new StepRef(7, "mvn -B verify")), evidence, "maven.surefire-failures",
                "Surefire reported 10000 failing tests.", new Details(tests, locations, List.of(), Optional.empty(),
                        OptionalInt.of(1), Optional.empty(), Optional.empty()));
        return ReportFixtures.report(c, Lane.HEAVY, Optional.of(new LogLinks(ReportFixtures.RUN, c.step(),
                OptionalLong.of(999_000))));
    }

    private static void approve(String name, String actual) throws IOException {
        Path file = APPROVED.resolve(name);
        if (APPROVE) {
            Files.createDirectories(APPROVED);
            Files.writeString(file, actual);
            return;
        }
        if (!Files.exists(file)) {
            fail("no approved output " + file + "; review the output and create it with "
                    + "mvn -q test -Dtest=MarkdownReportRendererTest -Drecovery.approve=true");
        }
        assertThat(actual).as("rendered Markdown differs from " + file + "; if the change is intended, run "
                + "mvn -q test -Dtest=MarkdownReportRendererTest -Drecovery.approve=true and review the diff")
                .isEqualTo(Files.readString(file));
    }
}
