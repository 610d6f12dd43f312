package io.github.recoveryaction.classify.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequiredLiteralsTest {

    @Test
    void takesTheLongestMandatoryLiteralRunLowerCased() {
        assertThat(RequiredLiterals.of("\\[ERROR\\] Tests run: \\d+, Failures: (?<n>\\d+)"))
                .containsExactly("[error] tests run: ");
    }

    @Test
    void oneLiteralPerTopLevelAlternative() {
        assertThat(RequiredLiterals.of("(?i)connection refused|ECONNREFUSED")).containsExactly("connection refused",
                "econnrefused");
    }

    @Test
    void noneWhenAnAlternativeHasNoUsableLiteral() {
        assertThat(RequiredLiterals.of("timeout|\\d+s")).isEmpty();
    }

    @Test
    void optionalCharactersEndARun() {
        assertThat(RequiredLiterals.of("colou?r scheme")).containsExactly("r scheme");
    }

    @Test
    void escapedAndQuotedTextIsLiteral() {
        assertThat(RequiredLiterals.of("##\\[error\\]Process completed")).containsExactly("##[error]process completed");
        assertThat(RequiredLiterals.of("\\Qa.b(c)\\E")).containsExactly("a.b(c)");
    }

    @Test
    void groupsWithAlternativesAndClassesAreSkipped() {
        assertThat(RequiredLiterals.of("(?:foo|bar)[a-z]+ baz qux")).containsExactly(" baz qux");
    }

    @Test
    void mandatoryGroupsContributeTheirLiterals() {
        assertThat(RequiredLiterals.of("(?<file>[\\w./-]+\\.go):\\d+:(?<col>\\d+): undefined: (?<message>\\w+)"))
                .containsExactly(": undefined: ");
        assertThat(RequiredLiterals.of("(?<file>\\S+\\.java):\\[\\d+")).containsExactly(".java");
        assertThat(RequiredLiterals.of("x(?:optional text)?yz")).isEmpty();
        assertThat(RequiredLiterals.of("(?!negative text)abc")).containsExactly("abc");
    }

    @Test
    void commentModePatternsGetNoLiterals() {
        assertThat(RequiredLiterals.of("(?x) some pattern # comment")).isEmpty();
    }
}
