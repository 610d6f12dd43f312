package io.github.recoveryaction.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;

import org.junit.jupiter.api.Test;

import io.github.recoveryaction.github.IssueComment;

class StickyCommentTest {

    private final InMemoryGitHubGateway github = new InMemoryGitHubGateway();
    private final StickyComment sticky = new StickyComment(github);

    @Test
    void createsTheCommentOnceAndUpdatesItAfterwards() {
        String marker = StickyComment.marker("CI/build");

        IssueComment first = sticky.upsert(7, "CI/build", marker + "\nfirst");
        IssueComment second = sticky.upsert(7, "CI/build", marker + "\nsecond");

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(github.comments.get(7)).singleElement().extracting(IssueComment::body).asString().endsWith("second");
    }

    @Test
    void keepsCommentsOfOtherKeysApart() {
        sticky.upsert(7, "CI/build", StickyComment.marker("CI/build") + "\nbuild");
        sticky.upsert(7, "CI/test", StickyComment.marker("CI/test") + "\ntest");

        assertThat(github.comments.get(7)).hasSize(2);
    }

    @Test
    void prefersTheBotsCommentOverAHumanQuotingTheMarker() {
        String marker = StickyComment.marker("CI/build");
        github.comments.computeIfAbsent(7, k -> new ArrayList<>()).add(
                new IssueComment(1, "> " + marker + " why this?", "octocat", "u1"));
        github.comments.get(7).add(new IssueComment(2, marker + "\nplan", "github-actions[bot]", "u2"));

        assertThat(sticky.find(7, "CI/build")).map(IssueComment::id).contains(2L);
    }

    @Test
    void markerCannotCloseTheHtmlCommentEarly() {
        assertThat(StickyComment.marker("a--b")).isEqualTo("<!-- recovery-action:a- -b -->");
    }

    /** Another workflow's comment that prints a log with this key's marker in it is not this key's comment. */
    @Test
    void theMarkerCountsOnlyAsTheFirstLine() {
        String marker = StickyComment.marker("CI/build");
        github.comments.computeIfAbsent(7, k -> new ArrayList<>()).add(new IssueComment(1,
                StickyComment.marker("CI/other") + "\n```\n" + marker + "\n```", "github-actions[bot]", "u1"));

        assertThat(sticky.find(7, "CI/build")).isEmpty();
        sticky.upsert(7, "CI/build", marker + "\nplan");
        assertThat(github.comments.get(7)).hasSize(2).first().extracting(IssueComment::body).asString()
                .doesNotContain("plan");
    }

    @Test
    void markerLikeTextIsBrokenWithAZeroWidthSpace() {
        String broken = StickyComment.breakMarkers("log: <!-- recovery-action:CI/build --> and <!--RECOVERY-ACTION :x");

        assertThat(broken).doesNotContainPattern("(?i)<!--\\s*recovery-action\\s*:")
                .contains("<!-- recovery-action\u200B:CI/build -->", "<!--RECOVERY-ACTION\u200B :x");
        assertThat(StickyComment.marker("CI\nbuild")).isEqualTo("<!-- recovery-action:CI build -->");
    }
}
