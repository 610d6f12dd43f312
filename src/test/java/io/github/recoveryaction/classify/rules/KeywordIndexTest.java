package io.github.recoveryaction.classify.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class KeywordIndexTest {

    private final KeywordIndex index = new KeywordIndex(List.of(List.of("error"), List.of("timed out", "timeout"),
            List.of(), List.of("he"), List.of("she")));

    private BitSet candidates(String line) {
        BitSet out = new BitSet();
        index.candidates(line, out);
        return out;
    }

    @Test
    void findsEveryPatternWhoseLiteralOccursCaseInsensitively() {
        assertThat(candidates("Read TIMED OUT after ERROR").stream().boxed()).containsExactly(0, 1, 2);
    }

    @Test
    void patternsWithoutLiteralsAreAlwaysCandidates() {
        assertThat(candidates("nada").stream().boxed()).containsExactly(2);
    }

    @Test
    void overlappingLiteralsAreAllFound() {
        assertThat(candidates("ushers").stream().boxed()).containsExactly(2, 3, 4);
    }

    @Test
    void nonAsciiCharactersDoNotBreakMatching() {
        assertThat(candidates("‘error’ 💥 timeout").stream().boxed()).containsExactly(0, 1, 2);
    }

    @Test
    void tellsWhetherRawBytesContainAnyLiteral() {
        byte[] yes = "xx ERROR yy".getBytes(StandardCharsets.UTF_8);
        byte[] no = "all good".getBytes(StandardCharsets.UTF_8);
        assertThat(index.anyLiteral(yes, 0, yes.length)).isTrue();
        assertThat(index.anyLiteral(no, 0, no.length)).isFalse();
    }

    @Test
    void longLiteralsAreIndexedByTheirStart() {
        KeywordIndex longOnes = new KeywordIndex(List.of(List.of("was not found in the local repository cache")));
        BitSet out = new BitSet();
        longOnes.candidates("x was not found in the local repository cache", out);
        assertThat(out.get(0)).isTrue();
        out.clear();
        longOnes.candidates("it was not here", out);
        assertThat(out.get(0)).isFalse();
    }
}
