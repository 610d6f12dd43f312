package io.github.recoveryaction.classify.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class LeadingRunGuardTest {

    @Test
    void guardsALeadingRepeatedClass() {
        assertThat(LeadingRunGuard.apply("\\d+ tests failed")).isEqualTo("(?<!\\d)\\d+ tests failed");
        assertThat(LeadingRunGuard.apply("(?i)[^\\s:]+:\\d+")).isEqualTo("(?i)(?<![^\\s:])[^\\s:]+:\\d+");
    }

    @Test
    void looksIntoLeadingGroupsWithoutAlternatives() {
        assertThat(LeadingRunGuard.apply("(?<file>[^\\s:]+\\.rs):(?<line>\\d+)"))
                .isEqualTo("(?<![^\\s:])(?<file>[^\\s:]+\\.rs):(?<line>\\d+)");
        assertThat(LeadingRunGuard.apply("(\\d+|x) y")).isEqualTo("(\\d+|x) y");
    }

    @Test
    void leavesOtherPatternsAlone() {
        assertThat(LeadingRunGuard.apply("^\\d+ x")).isEqualTo("^\\d+ x");
        assertThat(LeadingRunGuard.apply("\\d{1,3} x")).isEqualTo("\\d{1,3} x");
        assertThat(LeadingRunGuard.apply("(?:##\\[error\\])?\\S+ x")).isEqualTo("(?:##\\[error\\])?\\S+ x");
        assertThat(LeadingRunGuard.apply("(?=a)\\d+")).isEqualTo("(?=a)\\d+");
        assertThat(LeadingRunGuard.apply("error: x")).isEqualTo("error: x");
    }

    @Test
    void findsTheSameLeftmostMatch() {
        for (String[] c : new String[][] { { "\\d+ failed", "a 12345 failed" }, { "[^\\s:]+\\.go:(\\d+)", "x a/b.go:12" },
                { "\\S*foo", "barfoo baz" }, { "\\w+ x|\\d y", "7 y" } }) {
            var plain = Pattern.compile(c[0]).matcher(c[1]);
            var guarded = Pattern.compile(LeadingRunGuard.apply(c[0])).matcher(c[1]);
            assertThat(guarded.find()).isEqualTo(plain.find());
            assertThat(guarded.group()).isEqualTo(plain.group());
            assertThat(guarded.start()).isEqualTo(plain.start());
        }
    }
}
