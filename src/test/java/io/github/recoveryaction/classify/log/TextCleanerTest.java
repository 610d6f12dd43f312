package io.github.recoveryaction.classify.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TextCleanerTest {

    @Test
    void removesColourAndCursorSequences() {
        assertThat(TextCleaner.clean("\u001b[36;1mnpm test\u001b[0m \u001b[2K\u001b]0;title\u0007done"))
                .isEqualTo("npm test done");
    }

    @Test
    void removesColourCodesWhoseEscapeWasLost() {
        assertThat(TextCleaner.clean("[0m[0m[31mFAIL[39m src/a.test.ts")).isEqualTo("FAIL src/a.test.ts");
    }

    @Test
    void restoresDigitsThatAWebUiCopyTurnedIntoLineLinks() {
        assertThat(TextCleaner
                .clean("Run git push origin HEAD:fix-1[2](https://github.com/acme/shop/actions/runs/61/job/18#step:9:2) -u"))
                .isEqualTo("Run git push origin HEAD:fix-12 -u");
        assertThat(TextCleaner.clean("see [3](https://example.com/#step:1:3) and [4](https://github.com/acme/shop)"))
                .isEqualTo("see [3](https://example.com/#step:1:3) and [4](https://github.com/acme/shop)");
    }

    @Test
    void keepsBracketsThatAreNotColourCodes() {
        assertThat(TextCleaner.clean("[ERROR] [Help 1] a[2] [INFO]")).isEqualTo("[ERROR] [Help 1] a[2] [INFO]");
    }

    @Test
    void replacesInvalidUtf8AndDropsNulAndControlCharacters() {
        byte[] bytes = { 'o', 'k', 0, (byte) 0xC3, (byte) 0x28, 0x07, '\t', 'x' };
        assertThat(TextCleaner.clean(bytes, 0, bytes.length)).isEqualTo("ok\uFFFD(\tx");
    }

    @Test
    void decodesUtf8() {
        byte[] bytes = "error: expected ‘;’ before ‘return’".getBytes(StandardCharsets.UTF_8);
        assertThat(TextCleaner.clean(bytes, 0, bytes.length)).isEqualTo("error: expected ‘;’ before ‘return’");
    }
}
