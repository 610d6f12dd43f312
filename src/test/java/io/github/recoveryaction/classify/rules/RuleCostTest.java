package io.github.recoveryaction.classify.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every pattern of every bundled rule stays linear in the length of a line, measured in characters the regex
 * engine reads (not in time, so the test does not depend on the machine): lines of thousands of characters built to
 * make path-like, alternation-heavy and nested patterns backtrack must cost at most {@link #READS_PER_CHAR} reads per
 * character. A quadratic pattern would exhaust its time budget on long lines and be switched off mid-run.
 */
class RuleCostTest {

    static final int READS_PER_CHAR = 64;
    /** The longest line patterns see (StepAnalyzer.MAX_MATCH_CHARS). */
    static final int LENGTH = 4096;

    @Test
    void everyBundledPatternIsLinearOnLongAdversarialLines() {
        List<String> lines = adversarialLines();
        List<String> expensive = new ArrayList<>();
        for (Rule rule : RuleLoader.load(Optional.empty()).rules()) {
            for (Matcher m : rule.matchers()) {
                for (BoundedRegex regex : patterns(m)) {
                    long limit = (long) READS_PER_CHAR * LENGTH;
                    // the classifier only tries a pattern on lines that contain its literal, so the lines do too
                    String literal = regex.requiredLiterals().isEmpty() ? "" : regex.requiredLiterals().get(0);
                    lines.stream().map(line -> withLiteral(line, literal)).filter(line -> regex.cost(line, limit) >= limit)
                            .findFirst()
                            .ifPresent(line -> expensive.add(rule.id() + ": " + regex.source() + "  on  "
                                    + line.substring(0, 24) + "…" + line.substring(line.length() - 24)));
                }
            }
        }
        assertThat(expensive).as("patterns that read more than %d characters per character of a line", READS_PER_CHAR)
                .isEmpty();
    }

    private static String withLiteral(String line, String literal) {
        int middle = line.length() / 2;
        return literal.isEmpty() ? line : line.substring(0, middle) + literal + line.substring(middle);
    }

    private static List<BoundedRegex> patterns(Matcher m) {
        List<BoundedRegex> all = new ArrayList<>();
        all.add(m.anchor());
        m.unless().ifPresent(all::add);
        if (m instanceof Matcher.Window w) {
            all.addAll(w.then());
        }
        return all;
    }

    private static List<String> adversarialLines() {
        String[] tokens = { "x", "a/", "a.", "a-", "a_", "1", "a1.", "‘", "(", "[", "a:", ":", " ", "\t", "a ", "=", "\"",
                "'", "`", "@", "*", "\\", "/a/b", "-a", "a::", "a.b.", "error: ", "Error ", "ERROR ", "at ", "# ", "> ",
                "npm error ", "[ERROR] ", "E   ", "src/a.rs:", "Test", "test ", "FAIL ", ".java:", "(1,2)", "#1 0.1 " };
        String[] tails = { "", ":1:1: error: x", ": not found", " failed", ")", "]", ":12: error", " (1 ms)",
                " - Failed", "Exception: x" };
        List<String> lines = new ArrayList<>();
        for (String token : tokens) {
            String body = token.repeat(LENGTH / token.length()).substring(0, LENGTH - 16);
            Stream.of(tails).forEach(tail -> lines.add(body + tail));
        }
        return lines;
    }
}
