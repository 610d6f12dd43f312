package io.github.recoveryaction.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputPrefixTest {

    @Test
    void stripsBuildKitProgressPrefixes() {
        assertThat(OutputPrefix.strip("#12 3.456 npm error code E404")).isEqualTo("npm error code E404");
        assertThat(OutputPrefix.strip("#12 [build 4/6] RUN npm ci")).isEqualTo("#12 [build 4/6] RUN npm ci");
    }

    @Test
    void stripsComposeServiceColumns() {
        assertThat(OutputPrefix.strip("api-1  | Error: connect ECONNREFUSED")).isEqualTo("Error: connect ECONNREFUSED");
        assertThat(OutputPrefix.strip("web_1    | ready")).isEqualTo("ready");
    }

    @Test
    void leavesOtherLinesAlone() {
        assertThat(OutputPrefix.strip("All files |   80.5 |")).isEqualTo("All files |   80.5 |");
        assertThat(OutputPrefix.strip("#1 is not a number")).isEqualTo("#1 is not a number");
        assertThat(OutputPrefix.strip("step-2 | x")).isEqualTo("x");
        assertThat(OutputPrefix.strip("")).isEmpty();
    }
}
