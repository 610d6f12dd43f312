package io.github.recoveryaction.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.classify.Classification;
import io.github.recoveryaction.classify.Details;
import io.github.recoveryaction.classify.Evidence;
import io.github.recoveryaction.classify.FailureType;
import io.github.recoveryaction.classify.SourceLocation;
import io.github.recoveryaction.classify.StepRef;
import io.github.recoveryaction.plan.Lane;

/** Log text written to break out of the report: none of it may take effect. */
class SafeRenderingTest {

    private static final List<String> ATTACKS = List.of(
            "```", "````` then text", "</details><script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "cc @org/team and @octocat", "::error file=a.js::owned", "  ::add-mask::x", "##[error]fake",
            "::stop-commands::token", "\u001b[31mred\u001b[0m\u0007", "see #123 and octo/repo#9",
            "token ghp_abcdefghijklmnopqrstuvwxyz0123456789");

    @Test
    void markdownKeepsLogTextInert() {
        for (SizeBudget budget : List.of(SizeBudget.JOB_SUMMARY, SizeBudget.PR_COMMENT)) {
            String md = new MarkdownReportRenderer(Redactor.builtIn()).render(hostile(), budget);
            List<String> prose = MarkdownChecks.prose(md);
            String text = String.join("\n", prose);
            assertThat(text).doesNotContain("<script", "<img", "</details><", "ghp_");
            assertThat(count(text, "<details>")).isEqualTo(count(text, "</details>"));
            assertThat(text).doesNotContainPattern("(?<![\\w\\u200B])@(org|octocat)");
            assertThat(text).doesNotContainPattern("(?<![\\w\\u200B])#123");
            assertThat(md).doesNotContain("\u001b", "\u0007");
            assertThat(md.lines()).noneMatch(l -> l.strip().startsWith("::") || l.strip().startsWith("##["));
        }
    }

    @Test
    void textOutputDefusesWorkflowCommands() {
        String text = new TextReportRenderer(Redactor.builtIn()).render(hostile());
        assertThat(text.lines()).noneMatch(l -> l.strip().startsWith("::") || l.strip().startsWith("##["));
        assertThat(text).doesNotContain("\u001b", "ghp_");
    }

    @Test
    void jsonIsRedactedAndEscaped() {
        String json = new JsonReportRenderer(Redactor.builtIn()).render(hostile());
        assertThat(json).doesNotContain("ghp_", "\n").contains("\\u001B[31mred");
    }

    @Test
    void codeBlockFenceIsLongerThanAnyBacktickRun() {
        String block = MarkdownText.codeBlock(List.of("a ```` b", "```"), "text", "");
        assertThat(block).startsWith("`````text\n").endsWith("\n`````\n");
    }

    @Test
    void codeSpansAndInlineTextAreSafe() {
        assertThat(MarkdownText.codeSpan("a`b")).isEqualTo("``a`b``");
        assertThat(MarkdownText.codeSpan("`x`")).isEqualTo("`` `x` ``");
        assertThat(MarkdownText.inline("<b>*hi*</b> @team")).isEqualTo("&lt;b&gt;\\*hi\\*&lt;/b&gt; @\u200Bteam");
        assertThat(MarkdownText.prose("Run `@x </details>` for <i>@y</i>"))
                .isEqualTo("Run `@x </details>` for &lt;i&gt;@\u200By&lt;/i&gt;");
    }

    static FailureReport hostile() {
        List<Evidence> evidence = new ArrayList<>();
        for (int i = 0; i < ATTACKS.size(); i++) {
            evidence.add(new Evidence(100 + i, ATTACKS.get(i)));
        }
        String all = String.join(" ", ATTACKS);
        Classification c = new Classification("evil.log", Optional.of("build </details>"), FailureType.TEST_FAILURE,
                0.9, Optional.of(new StepRef(2, "npm test ``` @org/team")), evidence, "jest.failed-tests",
                "Tests failed: " + all,
                new Details(List.of("renders `<script>alert(1)</script>` @org/team", "::error::x"),
                        List.of(new SourceLocation("src/</details>.js", OptionalInt.of(3), OptionalInt.empty(), all)),
                        List.of("@evil/pkg"), Optional.of("`rm -rf`"), OptionalInt.of(1), Optional.empty(),
                        Optional.empty()));
        return ReportFixtures.report(c, Lane.STANDARD, Optional.of(new LogLinks(ReportFixtures.RUN, c.step(),
                OptionalLong.of(50))));
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
