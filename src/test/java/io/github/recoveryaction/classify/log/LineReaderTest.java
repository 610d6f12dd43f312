package io.github.recoveryaction.classify.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class LineReaderTest {

    private static List<String> lines(byte[] input) throws IOException {
        List<String> lines = new ArrayList<>();
        LineReader.read(new ByteArrayInputStream(input), (buf, from, to, n) -> lines
                .add(n + ":" + new String(buf, from, to - from, StandardCharsets.ISO_8859_1)));
        return lines;
    }

    private static List<String> lines(String input) throws IOException {
        return lines(input.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void splitsOnLfAndDropsTheCrOfCrlf() throws IOException {
        assertThat(lines("a\r\nb\nc")).containsExactly("1:a", "2:b", "3:c");
    }

    @Test
    void keepsEmptyLinesSoLineNumbersMatchTheFile() throws IOException {
        assertThat(lines("a\n\n\nb\n")).containsExactly("1:a", "2:", "3:", "4:b");
    }

    @Test
    void splitsOldMacCrOnlyLogs() throws IOException {
        String line = "x".repeat(100) + "\r";
        assertThat(lines(line.repeat(1000))).hasSize(1000).allSatisfy(l -> assertThat(l).endsWith("x".repeat(100)));
    }

    @Test
    void cutsLinesOfMegabytesAndGoesOn() throws IOException {
        String huge = "y".repeat(5 * 1024 * 1024);
        List<String> lines = lines("first\n" + huge + "\nlast\n");

        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).hasSize("2:".length() + LineReader.MAX_LINE);
        assertThat(lines.get(2)).isEqualTo("3:last");
    }

    @Test
    void handsOverNulBytesAndInvalidUtf8Untouched() throws IOException {
        byte[] input = { 'a', 0, (byte) 0xC3, (byte) 0x28, '\n', 'b' };
        assertThat(lines(input)).hasSize(2);
    }

    @Test
    void linesSpanningReadBoundariesStayWhole() throws IOException {
        byte[] data = ("0123456789\n".repeat(200_000)).getBytes(StandardCharsets.US_ASCII);
        InputStream trickle = new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7777));
            }
        };
        List<String> lines = new ArrayList<>();
        LineReader.read(trickle, (buf, from, to, n) -> lines.add(new String(buf, from, to - from, StandardCharsets.US_ASCII)));
        assertThat(lines).hasSize(200_000).allMatch("0123456789"::equals);
    }

    @Test
    void findsNewlinesAtEveryOffsetOfTheWordScan() {
        for (int at = 0; at < 20; at++) {
            byte[] b = new byte[24];
            Arrays.fill(b, (byte) 'a');
            b[at] = '\n';
            assertThat(LineReader.indexOfNewline(b, 0, b.length)).isEqualTo(at);
        }
    }
}
