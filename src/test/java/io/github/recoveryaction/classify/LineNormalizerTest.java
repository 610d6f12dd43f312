package io.github.recoveryaction.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineNormalizerTest {

    private final LineNormalizer normalizer = new LineNormalizer();

    @Test
    void replacesWhatChangesBetweenRuns() {
        assertThat(normalizer.normalize("Tests run: 12, Time elapsed: 0.789 s, 45% done on port 41234"))
                .isEqualTo("Tests run: <n>, Time elapsed: <n> s, <pct>% done on port <n>");
        assertThat(normalizer.normalize("HEAD is now at 3f2a9c1d fix  build\tnow"))
                .isEqualTo("HEAD is now at <hex> fix build now");
        assertThat(normalizer.normalize("home '/home/runner/work/_temp/cdc686c5-3738-45ca-9057-b194ef6b140a' set"))
                .isEqualTo("home '<tmp>' set");
        assertThat(normalizer.normalize("id 550e8400-e29b-41d4-a716-446655440000 at Wed Nov 26 10:00:05"))
                .isEqualTo("id <uuid> at <d> <d> <n> <n>:<n>:<n>");
        assertThat(normalizer.normalize("wrote /tmp/pytest-of-runner/pytest-3/test_a0/out.txt: ok"))
                .isEqualTo("wrote <tmp>: ok");
        assertThat(normalizer.normalize("container x8k2n1q9z7 started")).isEqualTo("container <id> started");
    }

    @Test
    void keepsWhatMeansSomething() {
        assertThat(normalizer.normalize("Failures: 0")).isNotEqualTo(normalizer.normalize("Failures: 2"));
        assertThat(normalizer.normalize("java17 on x86_64 with log4j")).isEqualTo("java<n> on x<n>_<n> with log<n>j");
        assertThat(normalizer.normalize("May the build pass")).isEqualTo("<d> the build pass");
        assertThat(normalizer.normalize("error: expected ';'")).isEqualTo("error: expected ';'");
    }

    @Test
    void equalLinesOfTwoRunsHashEqual() {
        assertThat(normalizer.hash("[INFO] Total time:  4.512 s")).isEqualTo(normalizer.hash("[INFO] Total time: 12.030 s"));
        assertThat(normalizer.hash("ok  example.com/shop 0.013s"))
                .isNotEqualTo(normalizer.hash("FAIL example.com/shop 0.013s"));
    }
}
